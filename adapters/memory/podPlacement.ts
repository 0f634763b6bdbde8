import * as E from 'fp-ts/Either'
import { nameOf, taintsOf, type Node, type Pod, type Taint } from '../../core/api'
import { blocksScheduling, compileRequiredNodeAffinity, evictsPods, findUntoleratedTaint, targetNodeOf, toleratesTaint } from '../../core/scheduling'

/** The node condition `Ready=True`: the node lifecycle controller keeps pods off nodes without it. */
export const isNodeReady = (node: Node): boolean =>
  (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

/**
 * A pod's node filter, compiled once per pod: nodeSelector, required node affinity and no
 * untolerated NoSchedule/NoExecute taint (the scheduler's NodeAffinity and TaintToleration
 * plugins). Pods that are not pinned to a node also need it Ready and schedulable, standing in
 * for the `not-ready` and `unschedulable` taints the node lifecycle controller would add; daemon
 * pods tolerate those, so a pinned pod skips that check.
 */
export const compileFit = (pod: Pod, pinned: boolean): ((node: Node) => boolean) => {
  const affinity = compileRequiredNodeAffinity(pod.spec)
  const tolerations = pod.spec.tolerations ?? []
  return (node) =>
    affinity.matchesNodeSelector(node) &&
    E.getOrElse(() => false)(affinity.matchesAffinity(node)) &&
    findUntoleratedTaint(taintsOf(node), tolerations, blocksScheduling) === undefined &&
    (pinned || (isNodeReady(node) && node.spec?.unschedulable !== true))
}

/**
 * Deterministic round-robin placement over the nodes in name order: each search starts after the
 * node chosen last, so pods spread evenly and a placement costs O(1) when most nodes fit (the
 * scheduler's `percentageOfNodesToScore` plus spreading, without scores).
 */
export class NodeRing {
  private readonly nodes = new Map<string, Node>()
  private names: ReadonlyArray<string> | undefined
  private cursor = 0

  get(name: string): Node | undefined {
    return this.nodes.get(name)
  }

  set(node: Node): void {
    if (!this.nodes.has(nameOf(node))) this.names = undefined
    this.nodes.set(nameOf(node), node)
  }

  delete(name: string): void {
    if (this.nodes.delete(name)) this.names = undefined
  }

  /** Where the pod goes: its pinned node if it fits there, else the next fitting node in the ring. */
  place(pod: Pod): string | undefined {
    const target = targetNodeOf(pod)
    if (E.isRight(target)) {
      const node = this.nodes.get(target.right)
      return node !== undefined && compileFit(pod, true)(node) ? target.right : undefined
    }
    const fits = compileFit(pod, false)
    this.names ??= [...this.nodes.keys()].sort()
    const n = this.names.length
    for (let i = 0; i < n; i++) {
      const index = (this.cursor + i) % n
      const name = this.names[index] ?? ''
      const node = this.nodes.get(name)
      if (node !== undefined && fits(node)) {
        this.cursor = (index + 1) % n
        return name
      }
    }
    return undefined
  }
}

/**
 * When the taint manager evicts a pod from a node with these taints: `0` at once (an untolerated
 * NoExecute taint), after the smallest `tolerationSeconds` of the tolerations that match, or
 * `undefined` for never. Mirrors `getMinTolerationTime` in pkg/controller/tainteviction.
 */
export const evictionDelaySeconds = (pod: Pod, taints: ReadonlyArray<Taint>): number | undefined => {
  const noExecute = taints.filter(evictsPods)
  if (noExecute.length === 0) return undefined
  const tolerations = pod.spec.tolerations ?? []
  if (findUntoleratedTaint(noExecute, tolerations, evictsPods) !== undefined) return 0
  let min = Number.POSITIVE_INFINITY
  for (const taint of noExecute) {
    for (const t of tolerations) if (t.tolerationSeconds != null && toleratesTaint(t, taint)) min = Math.min(min, Math.max(0, t.tolerationSeconds))
  }
  return Number.isFinite(min) ? min : undefined
}
