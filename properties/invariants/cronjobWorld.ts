import { formatInstant, nameOf, type Job } from '../../core/api'
import { applyCronJobPlan, childrenOf, finishedConditionOf, reconcileCronJob, type CronJobInput, type CronJobWorld } from '../../core/cronjob'
import { actionsOf, type Plan } from '../../core/plan'
import type { CronJobStep } from '../arbitraries/cronJob'

/** One sync: what the reducer saw, what it planned, and the world once the API server applied the plan. */
export interface CronJobSyncRecord {
  readonly step: CronJobStep | { readonly _tag: 'Start' }
  readonly input: CronJobInput
  readonly plan: Plan
  readonly after: CronJobWorld
}

/** The running (unfinished) Jobs of the CronJob in a world, in creation order. */
export const runningJobs = (world: CronJobWorld): ReadonlyArray<Job> =>
  childrenOf(world.cronJob, world.jobs).filter((j) => finishedConditionOf(j) === undefined)

/** A Job reaching a terminal condition at `at`, as the Job controller writes it (startTime = creation). */
export const finishJob = (job: Job, condition: 'Complete' | 'Failed', at: number): Job => ({
  ...job,
  status: {
    startTime: job.metadata.creationTimestamp ?? formatInstant(at),
    ...(condition === 'Complete' ? { completionTime: formatInstant(at) } : {}),
    conditions: [{ type: condition, status: 'True' }],
  },
})

const replaceJob = (world: CronJobWorld, name: string, next: Job | undefined): CronJobWorld => ({
  ...world,
  jobs: world.jobs.flatMap((j) => (nameOf(j) !== name ? [j] : next === undefined ? [] : [next])),
})

/** Applies a step's outside change (clock, Jobs, spec) and returns the world and the time of the next sync. */
const applyStep = (world: CronJobWorld, now: number, step: CronJobStep, lastPlan: Plan): { world: CronJobWorld; now: number } => {
  switch (step._tag) {
    case 'Wake': {
      const after = actionsOf(lastPlan, 'Requeue')[0]?.afterSeconds
      return { world, now: now + Math.max(1, Math.round((after ?? 60) * 1000)) }
    }
    case 'Advance':
      return { world, now: now + step.seconds * 1000 }
    case 'Finish': {
      const running = runningJobs(world)
      const job = running[step.pick % Math.max(1, running.length)]
      const at = now + step.seconds * 1000
      return { world: job === undefined ? world : replaceJob(world, nameOf(job), finishJob(job, step.condition, at)), now: at }
    }
    case 'Delete': {
      const running = runningJobs(world)
      const job = running[step.pick % Math.max(1, running.length)]
      return { world: job === undefined ? world : replaceJob(world, nameOf(job), undefined), now: now + 1000 }
    }
    case 'Suspend':
      return { world: { ...world, cronJob: { ...world.cronJob, spec: { ...world.cronJob.spec, suspend: step.suspend } } }, now: now + 1000 }
  }
}

/**
 * Runs a CronJob through a sequence of steps: a sync at the start, then after each step one sync through
 * `reconcileCronJob`, its plan applied by `applyCronJobPlan`. Returns every sync, in order.
 */
export const runCronJobSteps = (start: CronJobWorld, now: number, steps: ReadonlyArray<CronJobStep>): ReadonlyArray<CronJobSyncRecord> => {
  const records: CronJobSyncRecord[] = []
  const sync = (step: CronJobSyncRecord['step'], world: CronJobWorld, at: number): CronJobSyncRecord => {
    const input: CronJobInput = { cronJob: world.cronJob, jobs: world.jobs, now: at }
    const plan = reconcileCronJob(input)
    const record = { step, input, plan, after: applyCronJobPlan(world, plan, at) }
    records.push(record)
    return record
  }
  let last = sync({ _tag: 'Start' }, start, now)
  let clock = now
  for (const step of steps) {
    const next = applyStep(last.after, clock, step, last.plan)
    clock = next.now
    last = sync(step, next.world, clock)
  }
  return records
}
