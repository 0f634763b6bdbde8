import { JobKeys, type Job } from '../api/job'
import { namespaceOf, nameOf } from '../api/meta'
import type { Pod } from '../api/pod'
import { isPodReady } from '../api/podStatus'
import { deletePod, recordEvent, updatePod, type Action, type UpdatePod } from '../plan'
import { jobRef } from './jobSpec'
import { hasTrackingFinalizer } from './podState'
import type { PodRemoval } from './podsForRemoval'

/** A JSON merge patch setting `metadata.finalizers` to the list without the tracking finalizer. */
export const removeTrackingFinalizer = (pod: Pod): UpdatePod =>
  updatePod(namespaceOf(pod), nameOf(pod), {
    metadata: { finalizers: (pod.metadata.finalizers ?? []).filter((f) => f !== JobKeys.trackingFinalizer) },
  })

/** Deletions, how many of them were ready, and the actions that carry them out. */
export interface PodDeletions {
  readonly actions: ReadonlyArray<Action>
  readonly deleted: number
  readonly deletedReady: number
}

/**
 * Mirrors `deleteJobPods` (finalizer removed first, so the pod is never counted) and
 * `deleteActivePods` (finalizer kept: the pod is counted as failed by the status pass). Each
 * successful delete records `SuccessfulDelete` "Deleted pod: <name>", as `RealPodControl` does.
 */
export const planPodDeletions = (job: Job, removals: ReadonlyArray<PodRemoval>, releaseFinalizer: boolean): PodDeletions => ({
  actions: removals.flatMap(({ pod, reason }) => [
    ...(releaseFinalizer && hasTrackingFinalizer(pod) ? [removeTrackingFinalizer(pod)] : []),
    deletePod(namespaceOf(pod), nameOf(pod), reason),
    recordEvent(jobRef(job), 'Normal', 'SuccessfulDelete', `Deleted pod: ${nameOf(pod)}`),
  ]),
  deleted: removals.length,
  deletedReady: removals.filter(({ pod }) => isPodReady(pod)).length,
})
