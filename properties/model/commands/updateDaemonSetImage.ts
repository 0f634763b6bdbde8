import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

/** Changes the template's image: a new revision, rolled out by the RollingUpdate strategy. */
export class UpdateDaemonSetImage implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly image: string,
  ) {}
  check(m: Readonly<Model>): boolean {
    const ds = m.daemonSets.get(this.name)
    return ds !== undefined && ds.image !== this.image
  }
  async run(m: Model, r: Real): Promise<void> {
    // The strategic-merge patch kubectl set image sends: containers merge by name.
    const patch = { spec: { template: { spec: { containers: [{ name: 'main', image: this.image }] } } } }
    await expectOk(
      this.toString(),
      r.cluster.api.patch({ resource: Resources.daemonSets, namespace, name: this.name, patchType: 'application/strategic-merge-patch+json', patch }),
    )
    m.daemonSets.set(this.name, { image: this.image })
    await afterCommand(r)
  }
  toString(): string {
    return `updateDaemonSetImage(${this.name}, ${this.image})`
  }
}
