import type { Instant } from '../api/instant'
import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import { findCondition, jobConditions, JobConditionTypes, JobReasons } from './conditions'
import { containerStatusesOf, initContainerStatusesOf } from './containerStatuses'
import { intervalsTotal, type OrderedIntervals } from './intervals'
import { backoffLimitOf, indexedCompletionsOf, isSuspended } from './jobSpec'
import { matchPodFailurePolicy } from './podFailurePolicy'
import { isPodFailed } from './podState'
import { failureVerdict, successVerdict, type Verdict } from './verdict'

/** What the failure evaluation of `syncJob` concluded, and when to look at the deadline again. */
export interface FailureDecision {
  readonly verdict?: Verdict
  readonly deadlineRequeueMs?: number
}

/** `getFailJobMessage`: the FailJob message of the first failed pod a FailJob rule matches. */
const failJobMessage = (job: Job, pods: ReadonlyArray<Pod>): string | undefined => {
  if (job.spec.podFailurePolicy == null) return undefined
  for (const pod of pods) {
    if (!isPodFailed(pod, job)) continue
    const message = matchPodFailurePolicy(job.spec.podFailurePolicy, pod).failJobMessage
    if (message !== undefined) return message
  }
  return undefined
}

/**
 * `pastBackoffLimitOnFailure`: with restartPolicy OnFailure, container restarts of Pending and
 * Running pods count; note `≥` here against `>` for failed pods (and `> 0` when the limit is 0).
 */
export const pastBackoffLimitOnFailure = (job: Job, pods: ReadonlyArray<Pod>): boolean => {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false
  const restarts = pods
    .filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending')
    .flatMap((p) => [...initContainerStatusesOf(p), ...containerStatusesOf(p)])
    .reduce((n, s) => n + s.restartCount, 0)
  const limit = backoffLimitOf(job)
  return limit === 0 ? restarts > 0 : restarts >= limit
}

/**
 * The failure half of `syncJob`'s terminal evaluation, first match wins: an existing
 * SuccessCriteriaMet or FailureTarget condition, a FailJob rule, backoffLimit (which beats the
 * deadline), then activeDeadlineSeconds measured from `startTime`.
 */
export const decideFailure = (job: Job, pods: ReadonlyArray<Pod>, failed: number, startTime: Instant | undefined, now: Instant): FailureDecision => {
  const conditions = jobConditions(job)
  const met = findCondition(conditions, JobConditionTypes.successCriteriaMet)
  if (met?.status === 'True') return { verdict: successVerdict(met.reason ?? '', met.message ?? '', true) }
  const target = findCondition(conditions, JobConditionTypes.failureTarget)
  if (target?.status === 'True') return { verdict: failureVerdict(target.reason ?? '', target.message ?? '', true) }
  const failJob = failJobMessage(job, pods)
  if (failJob !== undefined) return { verdict: failureVerdict(JobReasons.podFailurePolicy, failJob) }
  if (failed > backoffLimitOf(job) || pastBackoffLimitOnFailure(job, pods)) {
    const { reason, message } = JobReasons.backoffLimitExceeded
    return { verdict: failureVerdict(reason, message) }
  }
  const deadline = job.spec.activeDeadlineSeconds
  if (deadline == null || isSuspended(job) || startTime === undefined) return {}
  const remaining = deadline * 1000 - (now - startTime)
  if (remaining <= 0) {
    const { reason, message } = JobReasons.deadlineExceeded
    return { verdict: failureVerdict(reason, message) }
  }
  return { deadlineRequeueMs: remaining }
}

/** The per-index limits of Indexed jobs: maxFailedIndexes, then failed plus succeeded covering all. */
export const decideFailedIndexes = (job: Job, failedIndexes: OrderedIntervals, succeededIndexes: OrderedIntervals): Verdict | undefined => {
  const failedCount = intervalsTotal(failedIndexes)
  const max = job.spec.maxFailedIndexes
  if (max != null && failedCount > max) {
    const { reason, message } = JobReasons.maxFailedIndexesExceeded
    return failureVerdict(reason, message)
  }
  if (failedCount > 0 && failedCount + intervalsTotal(succeededIndexes) >= indexedCompletionsOf(job)) {
    const { reason, message } = JobReasons.failedIndexes
    return failureVerdict(reason, message)
  }
  return undefined
}
