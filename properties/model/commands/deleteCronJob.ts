import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

/** Deletes a CronJob with Background propagation: the GC removes its Jobs, then their pods. */
export class DeleteCronJob implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check(m: Readonly<Model>): boolean {
    return m.cronJobs.has(this.name)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.delete({ resource: Resources.cronJobs, namespace, name: this.name, propagationPolicy: 'Background' }))
    m.cronJobs.delete(this.name)
    await afterCommand(r)
  }
  toString(): string {
    return `deleteCronJob(${this.name})`
  }
}
