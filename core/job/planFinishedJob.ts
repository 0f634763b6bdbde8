import type { Instant } from '../api/instant'
import type { Job } from '../api/job'
import { controllerOf, namespaceOf } from '../api/meta'
import type { Pod } from '../api/pod'
import type { Action } from '../plan'
import { removeTrackingFinalizer } from './planPodDeletions'
import { planTtl } from './planTtl'
import { hasTrackingFinalizer } from './podState'

/**
 * A finished Job is never synced again; what remains is the orphan worker's backup (strip the
 * tracking finalizer from any pod it controls that still holds one) and the TTL controller.
 */
export const planFinishedJob = (job: Job, pods: ReadonlyArray<Pod>, now: Instant): ReadonlyArray<Action> => {
  const uid = job.metadata.uid ?? ''
  const leftovers = pods.filter(
    (p) => uid !== '' && namespaceOf(p) === namespaceOf(job) && controllerOf(p)?.uid === uid && hasTrackingFinalizer(p),
  )
  return [...leftovers.map(removeTrackingFinalizer), ...planTtl(job, now)]
}
