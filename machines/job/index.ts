/**
 * The Job machine: one actor per Job, fed by the controller after each sync.
 *
 * An adapter runs it as
 *
 *   const actor = createActor(
 *     jobMachine.provide({ actions: {
 *       requestSync: (_, { afterSeconds }) => queue.addAfter(key, afterSeconds),
 *       reportFinished: (_, { type, reason }) => owners.notify(key, type, reason),
 *       deleteJob: (_, action) => executePlan([action]),          // a core DeleteJob (Foreground)
 *     } }),
 *     { input: { job, at: now }, clock: simulatedClock },
 *   ).start()
 *   actor.send(jobSynced(now, jobAfterPlan, nextJobBackoff(input)))  // after each reconcileJob
 *
 * and `jobStateOf(actor.getSnapshot())` tells where the Job stands.
 */
export { jobMachine, type JobMachine } from './jobMachine'
export { jobSetup, ttlDeletion, type FinishedReport, type SyncRequest } from './jobSetup'
export { jobContextOf, type JobContext, type JobMachineInput } from './jobContext'
export { jobSynced, jobSuspended, jobResumed, ttlExpired, type JobEvent, type JobSynced, type JobSuspended, type JobResumed, type TtlExpired } from './jobEvents'
export { hasStarted, hasTrueCondition, isWaitingOnBackoff, remainingTtlMs } from './jobPredicates'
export { jobStateOf, conditionStageOf, statesOfStage, agreesWithConditions, type JobState, type ConditionStage } from './jobState'
