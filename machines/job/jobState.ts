import type { SnapshotFrom } from 'xstate'
import type { Job } from '../../core/api'
import { JobConditionTypes } from '../../core/job'
import type { JobMachine } from './jobMachine'
import { hasTrueCondition } from './jobPredicates'

/** The Job machine's top-level states. */
export type JobState =
  | 'Pending'
  | 'Active'
  | 'BackingOff'
  | 'Suspended'
  | 'SuccessCriteriaMet'
  | 'FailureTarget'
  | 'Complete'
  | 'Failed'
  | 'TTLExpired'

/** The top-level state of a Job machine snapshot (Complete and Failed have TTL sub-states). */
export const jobStateOf = (snapshot: SnapshotFrom<JobMachine>): JobState => {
  const value = snapshot.value
  return (typeof value === 'string' ? value : (Object.keys(value)[0] ?? 'Pending')) as JobState
}

/** What a Job's conditions alone say about it; `Running` is "no condition that decides anything". */
export type ConditionStage = 'Running' | 'Suspended' | 'SuccessCriteriaMet' | 'FailureTarget' | 'Complete' | 'Failed'

/**
 * Reads the stage off the True conditions, terminal first, then interim, then Suspended. Unlike
 * kubectl's STATUS column (Suspended before FailureTarget), a verdict outranks suspension: the
 * verdict decides what happens next.
 */
export const conditionStageOf = (job: Job): ConditionStage => {
  const order: ReadonlyArray<Exclude<ConditionStage, 'Running'>> = [
    JobConditionTypes.complete,
    JobConditionTypes.failed,
    JobConditionTypes.failureTarget,
    JobConditionTypes.successCriteriaMet,
    JobConditionTypes.suspended,
  ]
  return order.find((type) => hasTrueCondition(job, type)) ?? 'Running'
}

/** The machine states that agree with each stage: TTLExpired keeps the terminal condition it was deleted with. */
export const statesOfStage: Readonly<Record<ConditionStage, ReadonlyArray<JobState>>> = {
  Running: ['Pending', 'Active', 'BackingOff'],
  Suspended: ['Suspended'],
  SuccessCriteriaMet: ['SuccessCriteriaMet'],
  FailureTarget: ['FailureTarget'],
  Complete: ['Complete', 'TTLExpired'],
  Failed: ['Failed', 'TTLExpired'],
}

/** Whether a machine state agrees with the conditions of the Job the reducer last wrote. */
export const agreesWithConditions = (state: JobState, job: Job): boolean => statesOfStage[conditionStageOf(job)].includes(state)
