import * as E from 'fp-ts/Either'
import type * as fc from 'fast-check'
import { kubectlMessage } from '../../../adapters/memory'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { namespace, type Model, type Real } from '../world'

/**
 * Tries what `kubectl set image job/…` sends: a Job's template may not change, so the API refuses
 * it with Kubernetes' message and the stored Job stays exactly as it was.
 */
export class ChangeJobImage implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly image: string,
  ) {}
  check(m: Readonly<Model>): boolean {
    return m.jobs.has(this.name)
  }
  async run(_m: Model, r: Real): Promise<void> {
    const target = { resource: Resources.jobs, namespace, name: this.name }
    const before = await expectOk(`${this.toString()}: get`, r.cluster.api.get(target))
    const patch = { spec: { template: { spec: { containers: [{ name: 'work', image: this.image }] } } } }
    const result = await r.cluster.api.patch({ ...target, patchType: 'application/strategic-merge-patch+json', patch })
    if (E.isRight(result)) throw new Error(`${this.toString()} changed an immutable template`)
    const message = kubectlMessage(result.left.status)
    if (!message.startsWith(`The Job "${this.name}" is invalid: spec.template: Invalid value: `) || !message.endsWith(': field is immutable')) {
      throw new Error(`${this.toString()} was refused with an unexpected message: ${message}`)
    }
    const after = await expectOk(`${this.toString()}: get`, r.cluster.api.get(target))
    if (after.metadata.resourceVersion !== before.metadata.resourceVersion) throw new Error(`${this.toString()}: the refused patch changed the stored Job`)
    await afterCommand(r)
  }
  toString(): string {
    return `changeJobImage(${this.name}, ${this.image})`
  }
}
