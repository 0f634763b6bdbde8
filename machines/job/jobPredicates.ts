import type { Instant, Job } from '../../core/api'
import {
  isConditionTrue,
  isSuspended,
  jobConditions,
  jobFinishTime,
  onlyReplaceFailedPods,
  remainingBackoffOf,
  wantActiveOf,
  type BackoffRecord,
} from '../../core/job'

/** A condition of the Job's status is True (the machine's guards read nothing else from conditions). */
export const hasTrueCondition = (job: Job, type: string): boolean => isConditionTrue(jobConditions(job), type)

export const hasStarted = (job: Job): boolean => job.status?.startTime != null

/**
 * The sync deferred pod creation on the pod-failure backoff: the Job is short of pods
 * (`wantActive` above active, less terminating pods when only failed pods are replaced) and the
 * backoff record still runs. Per-index backoff (backoffLimitPerIndex) is not reported here.
 */
export const isWaitingOnBackoff = (job: Job, backoff: BackoffRecord, now: Instant): boolean => {
  if (isSuspended(job) || job.spec.backoffLimitPerIndex != null || remainingBackoffOf(backoff, now) <= 0) return false
  const active = job.status?.active ?? 0
  const succeeded = job.status?.succeeded ?? 0
  const terminating = onlyReplaceFailedPods(job) ? (job.status?.terminating ?? 0) : 0
  return wantActiveOf(job, active, succeeded) - terminating - active > 0
}

/** Milliseconds until the TTL controller deletes a finished Job (0 once due); undefined without a TTL. */
export const remainingTtlMs = (job: Job, now: Instant): number | undefined => {
  const ttl = job.spec.ttlSecondsAfterFinished
  const finishedAt = jobFinishTime(job)
  if (ttl == null || finishedAt === undefined) return undefined
  return Math.max(0, finishedAt + ttl * 1000 - now)
}
