import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

/**
 * Deletes a Job as kubectl does, with Background propagation: without it the batch/v1 registry
 * orphans the pods, and the point here is that the GC removes them.
 */
export class DeleteJob implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check(m: Readonly<Model>): boolean {
    return m.jobs.has(this.name)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.delete({ resource: Resources.jobs, namespace, name: this.name, propagationPolicy: 'Background' }))
    m.jobs.delete(this.name)
    await afterCommand(r)
  }
  toString(): string {
    return `deleteJob(${this.name})`
  }
}
