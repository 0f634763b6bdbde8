import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

/** Suspends or resumes a CronJob: no new runs while suspended, and its running Jobs go on. */
export class SuspendCronJob implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly suspend: boolean,
  ) {}
  check(m: Readonly<Model>): boolean {
    return m.cronJobs.has(this.name)
  }
  async run(_m: Model, r: Real): Promise<void> {
    const patch = { spec: { suspend: this.suspend } }
    await expectOk(this.toString(), r.cluster.api.patch({ resource: Resources.cronJobs, namespace, name: this.name, patchType: 'application/merge-patch+json', patch }))
    await afterCommand(r)
  }
  toString(): string {
    return `${this.suspend ? 'suspend' : 'resume'}CronJob(${this.name})`
  }
}
