import { formatInstant, type Instant } from '../api/instant'
import type { Job, JobCondition } from '../api/job'

/** Condition types of batch/v1 Jobs. */
export const JobConditionTypes = {
  suspended: 'Suspended',
  failureTarget: 'FailureTarget',
  failed: 'Failed',
  successCriteriaMet: 'SuccessCriteriaMet',
  complete: 'Complete',
} as const

/** Reasons and messages of the conditions the controller writes (reference §11.1). */
export const JobReasons = {
  backoffLimitExceeded: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  deadlineExceeded: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  maxFailedIndexesExceeded: {
    reason: 'MaxFailedIndexesExceeded',
    message: 'Job has exceeded the specified maximal number of failed indexes',
  },
  failedIndexes: { reason: 'FailedIndexes', message: 'Job has failed indexes' },
  completionsReached: { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
  suspended: { reason: 'JobSuspended', message: 'Job suspended' },
  resumed: { reason: 'JobResumed', message: 'Job resumed' },
  podFailurePolicy: 'PodFailurePolicy',
  successPolicy: 'SuccessPolicy',
} as const

/** The conditions of a Job's status (none when status or its list is missing). */
export const jobConditions = (job: Job): ReadonlyArray<JobCondition> => job.status?.conditions ?? []

export const findCondition = (conditions: ReadonlyArray<JobCondition>, type: string): JobCondition | undefined =>
  conditions.find((c) => c.type === type)

export const isConditionTrue = (conditions: ReadonlyArray<JobCondition>, type: string): boolean =>
  conditions.some((c) => c.type === type && c.status === 'True')

/** `util.IsJobFinished`: a `Complete=True` or `Failed=True` condition. Finished jobs are never synced again. */
export const isJobFinished = (job: Job): boolean =>
  jobConditions(job).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')

/** `newCondition`: both probe and transition times are now. */
export const newCondition = (type: string, status: string, reason: string, message: string, now: Instant): JobCondition => ({
  type,
  status,
  lastProbeTime: formatInstant(now),
  lastTransitionTime: formatInstant(now),
  reason,
  message,
})

/**
 * Mirrors `ensureJobConditionStatus`: an existing condition of the type is replaced in place when
 * status, reason or message differ; a missing one is appended unless its status is False.
 */
export const ensureCondition = (
  conditions: ReadonlyArray<JobCondition>,
  wanted: Omit<JobCondition, 'lastProbeTime' | 'lastTransitionTime'> & { readonly reason: string; readonly message: string },
  now: Instant,
): { readonly conditions: ReadonlyArray<JobCondition>; readonly changed: boolean } => {
  const at = conditions.findIndex((c) => c.type === wanted.type)
  const fresh = newCondition(wanted.type, wanted.status, wanted.reason, wanted.message, now)
  if (at >= 0) {
    const existing = conditions[at]
    if (existing?.status === wanted.status && (existing.reason ?? '') === wanted.reason && (existing.message ?? '') === wanted.message) {
      return { conditions, changed: false }
    }
    return { conditions: conditions.map((c, i) => (i === at ? fresh : c)), changed: true }
  }
  return wanted.status === 'False' ? { conditions, changed: false } : { conditions: [...conditions, fresh], changed: true }
}
