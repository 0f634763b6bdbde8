import type { Job } from '../api/job'
import { JobReasons } from './conditions'
import type { OrderedIntervals } from './intervals'
import { completionsOf, indexedCompletionsOf } from './jobSpec'
import { matchSuccessPolicy } from './successPolicy'
import { successVerdict, type Verdict } from './verdict'

/** An Indexed job's successPolicy match, reason `SuccessPolicy`, message `Matched rules at index <i>`. */
export const decideSuccessPolicy = (job: Job, succeededIndexes: OrderedIntervals): Verdict | undefined => {
  const message = matchSuccessPolicy(job.spec.successPolicy, indexedCompletionsOf(job), succeededIndexes)
  return message === undefined ? undefined : successVerdict(JobReasons.successPolicy, message)
}

/**
 * `syncJob`'s completion check after `manageJob`: a work-queue job is complete once a pod
 * succeeded and none is active; otherwise succeeded must reach completions with none active.
 */
export const decideCompletion = (job: Job, succeeded: number, active: number): Verdict | undefined => {
  const completions = completionsOf(job)
  const complete = completions === undefined ? succeeded > 0 && active === 0 : succeeded >= completions && active === 0
  if (!complete) return undefined
  const { reason, message } = JobReasons.completionsReached
  return successVerdict(reason, message)
}
