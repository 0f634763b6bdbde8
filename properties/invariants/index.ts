export { type Verdict, holds, violated, check, allOf, expectHolds } from './verdict'
export {
  rollingUpdateAborts,
  atMostOneCreatePerNode,
  createsOnlyWhereShouldRun,
  noSecondPodWithoutSurge,
  respectsUpdateBudget,
  statusMatchesRecount,
  idleWhileDeleting,
  touchesOnlyOwnObjects,
  daemonSetPlanInvariants,
} from './daemonset'
export {
  daemonPodsPlaced,
  rolloutSettled,
  roundBudget,
  convergesWithin,
  reachesFixpoint,
  everyRound,
  convergesToFixpoint,
  type ConvergenceOptions,
} from './convergence'
export { historyWithinLimit, createsRevisionOnlyForNewTemplate, bumpsCollisionCountOnlyOnCollision, keepsRevisionsInUse, historyPlanInvariants } from './history'
export {
  firstDifference,
  wireForm,
  roundTrips,
  withUnknownFields,
  keepsUnknownFields,
  decodesManifestUnchanged,
  decodesTotally,
  type UnknownField,
} from './codec'
export { referenceEligibility, eligibilityMatchesReference } from './eligibility'
export { referenceCounts, countsMatchReference } from './statusReference'
export {
  countsEachFinishedPodOnce,
  countersNeverDecrease,
  activeWithinLimits,
  failuresSeen,
  exceedsBackoffLimit,
  failsExactlyPastBackoffLimit,
  noCompleteWhileActive,
  noTrackingFinalizerAfterFinish,
  conditionsFollowLifecycle,
  jobSyncInvariants,
  jobHistoryInvariants,
} from './job'
export { statesAllowedBy, machineFollowsConditions, replayJobMachine } from './jobMachine'
export { jobWorldOf, applyJobPlan, syncJobWorld, playJobRound, runJobHistory, type JobWorld, type JobSyncRecord } from './jobWorld'
export {
  atMostOneJobPerSlot,
  concurrencyRespected,
  startsWithinDeadline,
  suspendCreatesNone,
  historyWithinLimits,
  neverFiringCreatesNone,
  reachesFixpoint as cronJobReachesFixpoint,
  cronJobSyncInvariants,
} from './cronjob'
export { reducerDecision, machineDecision, runConcurrencyScenario, machineAgreesWithReducer, decisionCounts, type ConcurrencyDecision, type AgreementRecord } from './cronjobMachine'
export { nextIsAfter, nextIsMonotone, nextMatchesFields, dialectInvariants } from './cronjobSchedule'
export { runningJobs, finishJob, runCronJobSteps, type CronJobSyncRecord } from './cronjobWorld'
