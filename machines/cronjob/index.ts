/**
 * The CronJob concurrencyPolicy machine: `idle` / `running`, fed `schedule.due`, `job.finished` and `job.deleted`
 * by the controller. An adapter runs it as
 *
 *   const actor = createActor(
 *     concurrencyMachine.provide({ actions: {
 *       createJob: (_, action) => executePlan([action]),     // a core CreateJob (full manifest)
 *       deleteJob: (_, action) => executePlan([action]),     // a core DeleteJob (Background)
 *       recordEvent: (_, action) => executePlan([action]),   // a core RecordEvent
 *     } }),
 *     { input: { cronJob } },
 *   ).start()
 *   actor.send(scheduleDue(now, slot))
 */
export { concurrencyMachine, type ConcurrencyMachine } from './concurrencyMachine'
export { concurrencySetup } from './concurrencySetup'
export { concurrencyContextOf, activeRefNamed, type ConcurrencyContext, type ConcurrencyMachineInput } from './concurrencyContext'
export { scheduleDue, jobFinished, jobDeleted, type ConcurrencyEvent, type ScheduleDue, type JobFinished, type JobDeleted } from './concurrencyEvents'
export { startRun, endRun, endRunThenLateRun, type ConcurrencyEffect, type ConcurrencyStep, type EndedRun } from './concurrencyRun'
