import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

/**
 * Changes a Job's parallelism, which an update may do: the Job controller creates or deletes
 * pods in the same instant, so `jobActiveWithinLimits` holds across it.
 */
export class ScaleJob implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly parallelism: number,
  ) {}
  check(m: Readonly<Model>): boolean {
    return m.jobs.has(this.name)
  }
  async run(_m: Model, r: Real): Promise<void> {
    const patch = { spec: { parallelism: this.parallelism } }
    await expectOk(this.toString(), r.cluster.api.patch({ resource: Resources.jobs, namespace, name: this.name, patchType: 'application/merge-patch+json', patch }))
    await afterCommand(r)
  }
  toString(): string {
    return `scaleJob(${this.name}, parallelism ${this.parallelism})`
  }
}
