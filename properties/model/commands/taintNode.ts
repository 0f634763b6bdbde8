import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { taintKey, type Model, type Real, type TaintEffect } from '../world'

/** Adds the model's taint with one effect to a node (kubectl taint node n key=model:Effect). */
export class TaintNode implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly node: string,
    readonly effect: TaintEffect,
  ) {}
  check(m: Readonly<Model>): boolean {
    const effects = m.nodes.get(this.node)
    return effects !== undefined && !effects.has(this.effect)
  }
  async run(m: Model, r: Real): Promise<void> {
    const effects = new Set([...(m.nodes.get(this.node) ?? []), this.effect])
    // A merge patch replaces the list, so send every taint the node should have.
    const taints = [...effects].sort().map((effect) => ({ key: taintKey, value: 'model', effect }))
    await expectOk(
      this.toString(),
      r.cluster.api.patch({ resource: Resources.nodes, name: this.node, patchType: 'application/merge-patch+json', patch: { spec: { taints } } }),
    )
    m.nodes.set(this.node, effects)
    await afterCommand(r)
  }
  toString(): string {
    return `taintNode(${this.node}, ${this.effect})`
  }
}
