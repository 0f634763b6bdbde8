import { JobKeys, type Job } from '../api/job'
import type { Pod } from '../api/pod'
import { isPodReady } from '../api/podStatus'
import { onlyReplaceFailedPods } from './jobSpec'

/** Pod predicates of pkg/api/v1/pod and pkg/controller as the Job controller uses them (reference §1.4). */
export const isTerminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'

/** `IsPodActive`: not terminal and not being deleted. */
export const isActive = (pod: Pod): boolean => !isTerminal(pod) && pod.metadata.deletionTimestamp == null

/** `IsPodTerminating`: being deleted and not yet terminal. */
export const isTerminating = (pod: Pod): boolean => !isTerminal(pod) && pod.metadata.deletionTimestamp != null

export const isSucceeded = (pod: Pod): boolean => pod.status?.phase === 'Succeeded'

export const hasTrackingFinalizer = (pod: Pod): boolean =>
  (pod.metadata.finalizers ?? []).includes(JobKeys.trackingFinalizer)

/**
 * `isPodFailed`: phase Failed, or, unless only failed pods are replaced, a pod being deleted that
 * did not succeed (evicted or deleted by someone else before reaching a terminal phase).
 */
export const isPodFailed = (pod: Pod, job: Job): boolean => {
  if (pod.status?.phase === 'Failed') return true
  if (onlyReplaceFailedPods(job)) return false
  return pod.metadata.deletionTimestamp != null && pod.status?.phase !== 'Succeeded'
}

export const countReady = (pods: ReadonlyArray<Pod>): number => pods.filter(isPodReady).length

export const uidOf = (pod: Pod): string => pod.metadata.uid ?? ''
