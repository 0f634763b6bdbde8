import { DaemonSetKeys, labelsOf, nameOf, namespaceOf, type ControllerRevision, type DaemonSet, type Pod } from '../api'
import { deleteRevision, type DeleteRevision } from '../plan'

export interface TruncateInput {
  readonly daemonSet: DaemonSet
  /** The old revisions `constructHistory` returned (the current one is never a candidate). */
  readonly old: ReadonlyArray<ControllerRevision>
  /**
   * The claimed pods that have a target node, terminating and terminal ones included
   * (`getNodesToDaemonPods(ds, includeDeletedTerminal=true)`).
   */
  readonly pods: ReadonlyArray<Pod>
}

/** `spec.revisionHistoryLimit`, defaulted to 10 as apps/v1 does. */
export const revisionHistoryLimit = (ds: DaemonSet): number => ds.spec.revisionHistoryLimit ?? 10

/**
 * Mirrors `cleanupHistory`: delete `len(old) − revisionHistoryLimit` old revisions, oldest
 * revision number first, skipping any whose hash label is still on a pod. History may therefore
 * stay above the limit while pods of old revisions live (OnDelete, paused rollouts).
 */
export const truncateHistory = (input: TruncateInput): ReadonlyArray<DeleteRevision> => {
  let toKill = input.old.length - revisionHistoryLimit(input.daemonSet)
  if (toKill <= 0) return []
  const live = new Set(input.pods.map((pod) => labelsOf(pod)[DaemonSetKeys.revisionHash] ?? '').filter((h) => h !== ''))
  const deletes: DeleteRevision[] = []
  // Array.prototype.sort is stable, so equal numbers keep list order (Go's sort.Sort leaves it open).
  for (const revision of [...input.old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break
    if (live.has(labelsOf(revision)[DaemonSetKeys.revisionHash] ?? '')) continue
    deletes.push(deleteRevision(namespaceOf(revision), nameOf(revision)))
    toKill--
  }
  return deletes
}
