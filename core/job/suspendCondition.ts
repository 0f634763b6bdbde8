import type { Instant } from '../api/instant'
import type { Job, JobCondition } from '../api/job'
import { recordEvent, type RecordEvent } from '../plan'
import { ensureCondition, jobConditions, JobConditionTypes, JobReasons } from './conditions'
import { isSuspended, jobRef } from './jobSpec'

/** The Suspended condition after a sync that ran `manageJob`, and what changed with it. */
export interface SuspendOutcome {
  readonly conditions: ReadonlyArray<JobCondition>
  readonly changed: boolean
  readonly events: ReadonlyArray<RecordEvent>
  /** Set on resume: the deadline restarts from now. */
  readonly restartedAt?: Instant
}

/**
 * `syncJob`'s suspend bookkeeping: `Suspended=True` (JobSuspended, event `Suspended`) while
 * suspended; on resume the condition flips in place to False (JobResumed, event `Resumed`) and
 * `startTime` restarts. A never-suspended job never gets the condition (False is not appended).
 */
export const planSuspendCondition = (job: Job, now: Instant): SuspendOutcome => {
  const suspended = isSuspended(job)
  const { reason, message } = suspended ? JobReasons.suspended : JobReasons.resumed
  const status = suspended ? 'True' : 'False'
  const ensured = ensureCondition(jobConditions(job), { type: JobConditionTypes.suspended, status, reason, message }, now)
  if (!ensured.changed) return { conditions: ensured.conditions, changed: false, events: [] }
  const event = recordEvent(jobRef(job), 'Normal', suspended ? 'Suspended' : 'Resumed', message)
  return { conditions: ensured.conditions, changed: true, events: [event], ...(suspended ? {} : { restartedAt: now }) }
}
