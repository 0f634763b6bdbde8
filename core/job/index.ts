export { reconcileJob, nextJobBackoff, type JobInput } from './reconcileJob'
export { describeJobStatuses } from './describeJobStatuses'
export {
  jobConditions,
  isJobFinished,
  isConditionTrue,
  findCondition,
  JobConditionTypes,
  JobReasons,
} from './conditions'
export {
  type Interval,
  type OrderedIntervals,
  parseIndexes,
  formatIntervals,
  intervalsTotal,
  intervalsHas,
  mergeIntervals,
  withIndexes,
  indexesOf,
  addIndexes,
} from './intervals'
export {
  type BackoffRecord,
  emptyBackoffRecord,
  nextBackoffRecord,
  remainingBackoffOf,
  remainingBackoffMs,
  podFailureBackoffBaseSeconds,
  podFailureBackoffMaxSeconds,
} from './backoff'
export { matchPodFailurePolicy, type PodFailurePolicyMatch } from './podFailurePolicy'
export { matchSuccessPolicy } from './successPolicy'
export { completionIndexOf, generateNameWithIndex } from './completionIndex'
export { finishedTimeOf } from './finishedTime'
export { podFromTemplate } from './podFromTemplate'
export { claimPods } from './claimPods'
export { planTtl, jobFinishTime } from './planTtl'
export { slowStartBatchSizes, wantActiveOf, maxPodCreateDeletePerSync } from './planPodChanges'
export { maxUncountedPods } from './planStatus'
export { isActive, isTerminating, isPodFailed, hasTrackingFinalizer } from './podState'
export {
  parallelismOf,
  completionsOf,
  backoffLimitOf,
  isIndexedJob,
  isSuspended,
  onlyReplaceFailedPods,
} from './jobSpec'
export type { Verdict } from './verdict'
export { expandJobTemplate, formatExpandProblem, substituteItem, itemPlaceholder, type ExpandedJob, type ExpandProblem } from './expandJobTemplate'
