import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import type { Model, Real } from '../world'

/** Deletes a node, as a cloud provider does when the machine goes away. */
export class RemoveNode implements fc.AsyncCommand<Model, Real> {
  constructor(readonly node: string) {}
  check(m: Readonly<Model>): boolean {
    return m.nodes.has(this.node)
  }
  async run(m: Model, r: Real): Promise<void> {
    await expectOk(this.toString(), r.cluster.api.delete({ resource: Resources.nodes, name: this.node }))
    m.nodes.delete(this.node)
    await afterCommand(r)
  }
  toString(): string {
    return `removeNode(${this.node})`
  }
}
