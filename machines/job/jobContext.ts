import type { Instant, Job } from '../../core/api'
import { emptyBackoffRecord, type BackoffRecord } from '../../core/job'
import type { JobEvent } from './jobEvents'

/** What the Job machine remembers: the Job as last synced (or edited), the clock and the backoff record. */
export interface JobContext {
  readonly job: Job
  readonly now: Instant
  readonly backoff: BackoffRecord
}

/** The Job as the controller first sees it; a Job that already carries conditions starts in their state. */
export interface JobMachineInput {
  readonly job: Job
  readonly at: Instant
  readonly backoff?: BackoffRecord
}

export const jobContextOf = (input: JobMachineInput): JobContext => ({
  job: input.job,
  now: input.at,
  backoff: input.backoff ?? emptyBackoffRecord,
})

/**
 * The Job a guard should judge: the synced one for `job.synced` (guards run before the
 * transition's `assign`), else the one in context.
 */
export const observedOf = ({ context, event }: { readonly context: JobContext; readonly event: JobEvent }): JobContext =>
  event.type === 'job.synced' ? { job: event.job, now: event.at, backoff: event.backoff } : context
