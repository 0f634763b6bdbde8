import * as E from 'fp-ts/Either'
import { isBeingDeleted, isPodTerminal, type Pod } from '../api'
import { targetNodeOf } from '../scheduling'

/** Claimed daemon pods grouped by the node they target. */
export type PodsByNode = ReadonlyMap<string, ReadonlyArray<Pod>>

/**
 * Mirrors `getNodesToDaemonPods`: pods without a target node are skipped, and unless asked
 * (history cleanup asks) pods that are both terminal and being deleted are left out, because only
 * finalizers keep them.
 */
export const podsByNode = (pods: ReadonlyArray<Pod>, includeDeletedTerminal: boolean): PodsByNode => {
  const groups = new Map<string, Pod[]>()
  for (const pod of pods) {
    if (!includeDeletedTerminal && isPodTerminal(pod) && isBeingDeleted(pod)) continue
    const node = targetNodeOf(pod)
    if (E.isLeft(node)) continue
    const group = groups.get(node.right)
    if (group === undefined) groups.set(node.right, [pod])
    else group.push(pod)
  }
  return groups
}
