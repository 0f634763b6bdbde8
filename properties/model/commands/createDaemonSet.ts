import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { daemonSetManifest, type DaemonSetShape } from '../manifests'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

export class CreateDaemonSet implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly shape: DaemonSetShape,
  ) {}
  check(m: Readonly<Model>): boolean {
    return !m.daemonSets.has(this.name)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.create({ resource: Resources.daemonSets, namespace, body: daemonSetManifest(this.name, this.shape) }))
    m.daemonSets.set(this.name, { image: this.shape.image })
    await afterCommand(r)
  }
  toString(): string {
    const { image, tolerant, surge } = this.shape
    return `createDaemonSet(${this.name}, ${image}${tolerant ? ', tolerates taint' : ''}${surge ? ', maxSurge 1' : ''})`
  }
}
