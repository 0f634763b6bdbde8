import { initialTransition, transition, type SnapshotFrom } from 'xstate'
import { nameOf, type Job } from '../../core/api'
import { applyCronJobPlan, reconcileCronJob, REPLACED_REASON, type CronJobWorld } from '../../core/cronjob'
import type { Action, Plan } from '../../core/plan'
import { concurrencyMachine, jobDeleted, jobFinished, scheduleDue, type ConcurrencyEvent, type ConcurrencyMachine } from '../../machines/cronjob'
import { cronJobEpoch, cronJobFromShape, type ConcurrencyScenario, type ConcurrencyStep } from '../arbitraries/cronJob'
import { finishJob, runningJobs } from './cronjobWorld'
import { allOf, check, type Verdict } from './verdict'

/** What concurrencyPolicy decided at one step: Jobs created, Jobs deleted to replace, a slot held back. */
export interface ConcurrencyDecision {
  readonly created: ReadonlyArray<string>
  readonly replaced: ReadonlyArray<string>
  readonly skipped: boolean
}

const decisionOf = (actions: ReadonlyArray<Action>): ConcurrencyDecision => ({
  created: actions.flatMap((a) => (a.type === 'CreateJob' ? [String((a.job['metadata'] as { name?: string }).name)] : [])),
  replaced: actions.flatMap((a) => (a.type === 'DeleteJob' && a.reason === REPLACED_REASON ? [a.name] : [])),
  skipped: actions.some((a) => a.type === 'RecordEvent' && a.reason === 'JobAlreadyActive'),
})

/** The reducer's decision, read from its plan. */
export const reducerDecision = (plan: Plan): ConcurrencyDecision => decisionOf(plan.actions)

/** The machine's decision, read from the effects of one transition (each carries a core plan action). */
export const machineDecision = (actions: ReadonlyArray<{ readonly type: string; readonly params?: unknown }>): ConcurrencyDecision =>
  decisionOf(actions.filter((a) => a.type === 'createJob' || a.type === 'deleteJob' || a.type === 'recordEvent').map((a) => a.params as Action))

/** One step of a scenario, as both sides saw it. */
export interface AgreementRecord {
  readonly step: ConcurrencyStep
  readonly now: number
  readonly reducer: ConcurrencyDecision
  readonly machine: ConcurrencyDecision
  readonly reducerActive: ReadonlyArray<string>
  readonly machineActive: ReadonlyArray<string>
}

type MachineSnapshot = SnapshotFrom<ConcurrencyMachine>

/**
 * Runs a scenario through both the reducer (one sync per step, plan applied) and the machine (one event per step):
 * a `Tick` is `schedule.due` for its slot, a `Finish` is `job.finished`, a `Delete` is `job.deleted`.
 */
export const runConcurrencyScenario = (scenario: ConcurrencyScenario): ReadonlyArray<AgreementRecord> => {
  const period = scenario.periodMinutes * 60_000
  const cronJob = cronJobFromShape({
    schedule: `*/${scenario.periodMinutes} * * * *`,
    concurrencyPolicy: scenario.concurrencyPolicy,
    suspend: false,
    ...(scenario.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: scenario.startingDeadlineSeconds } : {}),
  })
  let world: CronJobWorld = { cronJob, jobs: [] }
  let [machine] = initialTransition(concurrencyMachine, { cronJob }) as [MachineSnapshot, unknown]
  let now = cronJobEpoch
  let slot = cronJobEpoch
  const records: AgreementRecord[] = []
  for (const step of scenario.steps) {
    let event: ConcurrencyEvent
    if (step._tag === 'Tick') {
      slot += step.slots * period
      now = slot + step.offsetSeconds * 1000
      event = scheduleDue(now, slot)
    } else {
      const running = runningJobs(world)
      const job: Job | undefined = running[step.pick % Math.max(1, running.length)]
      if (job === undefined) continue
      now += Math.floor(step.fraction * (slot + period - now))
      world = { ...world, jobs: step._tag === 'Finish' ? world.jobs.map((j) => (j === job ? finishJob(j, step.condition, now) : j)) : world.jobs.filter((j) => j !== job) }
      event = step._tag === 'Finish' ? jobFinished(now, nameOf(job), step.condition) : jobDeleted(now, nameOf(job))
    }
    const plan = reconcileCronJob({ cronJob: world.cronJob, jobs: world.jobs, now })
    world = applyCronJobPlan(world, plan, now)
    const [next, actions] = transition(concurrencyMachine, machine, event)
    machine = next
    records.push({
      step,
      now,
      reducer: reducerDecision(plan),
      machine: machineDecision(actions),
      reducerActive: (world.cronJob.status?.active ?? []).map((r) => r.name ?? ''),
      machineActive: machine.context.status.active.map((r) => r.name ?? ''),
    })
  }
  return records
}

/** The machine and the reducer create, skip and replace alike at every step, and agree on what runs. */
export const machineAgreesWithReducer = (records: ReadonlyArray<AgreementRecord>): Verdict =>
  allOf(
    records.map((r, i) =>
      check(
        JSON.stringify([r.reducer, r.reducerActive]) === JSON.stringify([r.machine, r.machineActive]),
        () =>
          `step ${i} (${JSON.stringify(r.step)}) at ${new Date(r.now).toISOString()}: reducer ${JSON.stringify(r.reducer)} active ${JSON.stringify(r.reducerActive)}, ` +
          `machine ${JSON.stringify(r.machine)} active ${JSON.stringify(r.machineActive)}`,
      ),
    ),
  )

/** How many steps of a run created, skipped or replaced (to show a run is not vacuous). */
export const decisionCounts = (records: ReadonlyArray<AgreementRecord>) => ({
  created: records.filter((r) => r.reducer.created.length > 0).length,
  skipped: records.filter((r) => r.reducer.skipped).length,
  replaced: records.filter((r) => r.reducer.replaced.length > 0).length,
  late: records.filter((r) => r.step._tag !== 'Tick' && r.reducer.created.length > 0).length,
})
