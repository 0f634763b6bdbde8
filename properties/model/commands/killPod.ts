import type * as fc from 'fast-check'
import { Resources } from '../../../adapters/runtime/clusterApi'
import { afterCommand, expectOk } from '../step'
import { viewOf } from '../view'
import type { Model, Real } from '../world'

/**
 * Deletes the `pick`-th running pod (by name, modulo how many run), as `kubectl delete pod`
 * does. The model does not know pods, so the choice is made against the cluster; the cluster is
 * deterministic, so the same path always kills the same pod, and toString names it after a run.
 */
export class KillPod implements fc.AsyncCommand<Model, Real> {
  private killed: string | undefined
  constructor(readonly pick: number) {}
  check(): boolean {
    return true
  }
  async run(_m: Model, r: Real): Promise<void> {
    const running = viewOf(r.cluster)
      .pods.filter((p) => p.status?.phase === 'Running' && p.metadata.deletionTimestamp == null)
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
    const pod = running[this.pick % Math.max(1, running.length)]
    this.killed = pod?.metadata.name ?? 'none running'
    if (pod !== undefined) {
      const { namespace = '', name = '' } = pod.metadata
      await expectOk(this.toString(), r.cluster.api.delete({ resource: Resources.pods, namespace, name }))
    }
    await afterCommand(r)
  }
  toString(): string {
    return `killPod(#${this.pick}${this.killed !== undefined ? `: ${this.killed}` : ''})`
  }
}
