import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

/** Deletes a DaemonSet with Background propagation (kubectl's default): its pods go through the GC. */
export class DeleteDaemonSet implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check(m: Readonly<Model>): boolean {
    return m.daemonSets.has(this.name)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.delete({ resource: Resources.daemonSets, namespace, name: this.name, propagationPolicy: 'Background' }))
    m.daemonSets.delete(this.name)
    await afterCommand(r)
  }
  toString(): string {
    return `deleteDaemonSet(${this.name})`
  }
}
