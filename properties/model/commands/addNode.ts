import type * as fc from 'fast-check'
import { nodeManifest } from '../manifests'
import { afterCommand, failOn } from '../step'
import type { Model, Real } from '../world'

/** Adds a Ready worker node with no taints. */
export class AddNode implements fc.AsyncCommand<Model, Real> {
  constructor(readonly node: string) {}
  check(m: Readonly<Model>): boolean {
    return !m.nodes.has(this.node)
  }
  async run(m: Model, r: Real): Promise<void> {
    failOn(`${this.toString()} rejected`, r.cluster.apply([nodeManifest(this.node)]).map((f) => f.message))
    m.nodes.set(this.node, new Set())
    await afterCommand(r)
  }
  toString(): string {
    return `addNode(${this.node})`
  }
}
