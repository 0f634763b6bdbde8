import type { Instant, Job } from '../../core/api'
import { emptyBackoffRecord, type BackoffRecord } from '../../core/job'

/**
 * Facts a Job controller tells the Job machine. Each carries its virtual time `at`. The state
 * follows what the reducer decided (the conditions it wrote); spec edits only ask for a sync.
 */
export type JobEvent = JobSynced | JobSuspended | JobResumed | TtlExpired

/** One sync ran: `job` is the Job with the status the reducer's plan wrote, `backoff` the record it ended with. */
export interface JobSynced {
  readonly type: 'job.synced'
  readonly at: Instant
  readonly job: Job
  readonly backoff: BackoffRecord
}

/** Someone set `spec.suspend: true`; the next sync deletes the pods and writes `Suspended=True`. */
export interface JobSuspended {
  readonly type: 'job.suspended'
  readonly at: Instant
}

/** Someone set `spec.suspend: false` on a suspended Job. */
export interface JobResumed {
  readonly type: 'job.resumed'
  readonly at: Instant
}

/** The TTL-after-finished controller's clock reached `finish + ttlSecondsAfterFinished`. */
export interface TtlExpired {
  readonly type: 'ttl.expired'
  readonly at: Instant
}

export const jobSynced = (at: Instant, job: Job, backoff: BackoffRecord = emptyBackoffRecord): JobSynced => ({
  type: 'job.synced',
  at,
  job,
  backoff,
})

export const jobSuspended = (at: Instant): JobSuspended => ({ type: 'job.suspended', at })

export const jobResumed = (at: Instant): JobResumed => ({ type: 'job.resumed', at })

export const ttlExpired = (at: Instant): TtlExpired => ({ type: 'ttl.expired', at })
