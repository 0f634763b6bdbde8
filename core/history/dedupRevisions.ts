import type { ReadonlyNonEmptyArray } from 'fp-ts/ReadonlyNonEmptyArray'
import { DaemonSetKeys, labelsOf, nameOf, namespaceOf, type ControllerRevision, type Pod } from '../api'
import { deleteRevision, updatePod, type DeleteRevision, type UpdatePod } from '../plan'

/** The one current revision kept, and the writes that remove the others. */
export interface Dedup {
  readonly kept: ControllerRevision
  readonly actions: ReadonlyArray<UpdatePod | DeleteRevision>
}

const hashOf = (o: { readonly metadata: ControllerRevision['metadata'] }): string => labelsOf(o)[DaemonSetKeys.revisionHash] ?? ''

/**
 * Mirrors `dedupCurHistories`: of several revisions matching the template, keep the highest
 * `revision` (a later one in list order wins a tie), relabel every claimed pod whose hash label
 * differs from the kept one's (a JSON merge patch, as upstream: pods of old revisions included),
 * and delete the other matching revisions.
 */
export const dedupRevisions = (current: ReadonlyNonEmptyArray<ControllerRevision>, pods: ReadonlyArray<Pod>): Dedup => {
  if (current.length === 1) return { kept: current[0], actions: [] }
  let kept = current[0]
  let max = 0
  for (const revision of current) {
    if (revision.revision >= max) {
      kept = revision
      max = revision.revision
    }
  }
  const keptHash = hashOf(kept)
  const relabels = pods
    .filter((pod) => hashOf(pod) !== keptHash)
    .map((pod) => updatePod(namespaceOf(pod), nameOf(pod), { metadata: { labels: { [DaemonSetKeys.revisionHash]: keptHash } } }))
  const deletes = current
    .filter((revision) => nameOf(revision) !== nameOf(kept))
    .map((revision) => deleteRevision(namespaceOf(revision), nameOf(revision)))
  return { kept, actions: [...relabels, ...deletes] }
}
