import { instantOf, type Instant } from '../api/instant'
import type { Job } from '../api/job'
import { namespaceOf, nameOf } from '../api/meta'
import { deleteJob, requeue, type Action } from '../plan'
import { jobConditions } from './conditions'
import { jobRef } from './jobSpec'

/** `jobFinishTime`: the transition time of the first `Complete=True` or `Failed=True` condition. */
export const jobFinishTime = (job: Job): Instant | undefined => {
  const finished = jobConditions(job).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
  return instantOf(finished?.lastTransitionTime)
}

/**
 * Mirrors the TTL-after-finished controller for a finished Job: once `finish + ttl` has passed,
 * delete it (foreground propagation, as `ttlafterfinished` does); until then requeue for the
 * remaining time. Jobs without a TTL, already being deleted or without a finish time are left alone.
 */
export const planTtl = (job: Job, now: Instant): ReadonlyArray<Action> => {
  const ttl = job.spec.ttlSecondsAfterFinished
  const finishedAt = jobFinishTime(job)
  if (ttl == null || job.metadata.deletionTimestamp != null || finishedAt === undefined) return []
  const remainingMs = finishedAt + ttl * 1000 - now
  return remainingMs <= 0
    ? [deleteJob(namespaceOf(job), nameOf(job), 'Foreground', 'TTLExpired')]
    : [requeue(jobRef(job), remainingMs / 1000)]
}
