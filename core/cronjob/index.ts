/**
 * The CronJob controller (kubernetes pkg/controller/cronjob, v2) as a pure reducer: `reconcileCronJob` turns a
 * CronJob, the Jobs of its namespace and `now` into a plan, one small decision per file.
 */
export { reconcileCronJob, REPLACED_REASON, type CronJobInput } from './reconcile'
export { childrenOf, finishedConditionOf, isJobSucceeded } from './children'
export { reconcileChildren } from './reconcileChildren'
export { cleanupFinishedJobs, oldestBeyondLimit, byJobStartTime, HISTORY_LIMIT_REASON, type Cleanup } from './historyLimits'
export { decideSchedule, effectiveSchedule, scheduleInputOf, isAlreadyProcessed, requeueAfterSeconds, type ScheduleGate } from './schedule'
export {
  concurrencyPolicyOf,
  allowsNewRun,
  replacesActive,
  decideConcurrency,
  isWithinStartingDeadline,
  type ConcurrencyDecision,
} from './concurrency'
export { jobFromTemplate } from './jobFromTemplate'
export { jobName } from './jobName'
export { formatRfc3339InZone } from './scheduledTimestamp'
export {
  syncStatusOf,
  inActiveList,
  inActiveListByName,
  deleteFromActiveList,
  jobReference,
  lastScheduleTimeOf,
  statusChanged,
  planStatus,
  type CronJobSyncStatus,
  type SyncStep,
} from './status'
export { CronJobEvents, cronJobRef, formatRfc1123zUtc } from './events'
export { applyCronJobPlan, type CronJobWorld } from './applyCronJobPlan'
