import { addSeconds, type Instant, type Job, type JobStatus, type Pod } from '../../core/api'
import { emptyBackoffRecord, nextJobBackoff, reconcileJob, type BackoffRecord, type JobInput } from '../../core/job'
import { actionsOf, type Plan } from '../../core/plan'
import { applyPlan, sequentialNames } from '../../core/snapshot'
import { applyJobStep, collectDeletedPods, type JobRound } from './jobSteps'

/** One Job and its pods as the API server holds them, with the controller's in-memory backoff record. */
export interface JobWorld {
  readonly job: Job
  readonly pods: ReadonlyArray<Pod>
  readonly now: Instant
  readonly backoff: BackoffRecord
  /** The next number of the deterministic pod-name sequence. */
  readonly nameSeq: number
  /** The Job was deleted (the TTL controller's DeleteJob): nothing syncs any more. */
  readonly deleted: boolean
}

/** One sync: what the reducer saw, what it planned, what went through, and the world after. */
export interface JobSyncRecord {
  readonly input: JobInput
  readonly plan: Plan
  /** The actions that took effect: the whole plan, or a prefix when the controller crashed. */
  readonly applied: Plan
  readonly crashed: boolean
  readonly after: JobWorld
}

export const jobWorldOf = (job: Job, now: Instant, pods: ReadonlyArray<Pod> = []): JobWorld => ({
  job,
  pods,
  now,
  backoff: emptyBackoffRecord,
  nameSeq: 0,
  deleted: false,
})

/**
 * Applies a Job plan as the API server would, with core's `applyPlan` for the pods (names from
 * `sequentialNames`, graceful deletion), the last `UpdateStatus` as the Job's status and
 * `DeleteJob` as the Job's end. Every call succeeds. Pure.
 */
export const applyJobPlan = (world: JobWorld, plan: Plan): JobWorld => {
  const names = sequentialNames(world.nameSeq)
  let used = 0
  const state = applyPlan(
    { nodes: [], pods: world.pods, revisions: [], daemonSets: [] },
    plan,
    { now: world.now, podDeletion: 'graceful', generateName: (prefix) => (used++, names(prefix)) },
  )
  const writes = actionsOf(plan, 'UpdateStatus')
  const status = writes[writes.length - 1]?.status as JobStatus | undefined
  return {
    ...world,
    job: status === undefined ? world.job : { ...world.job, status },
    pods: collectDeletedPods(state.pods),
    nameSeq: world.nameSeq + used,
    deleted: world.deleted || actionsOf(plan, 'DeleteJob').length > 0,
  }
}

/**
 * Runs one `reconcileJob` at the world's clock and applies its plan; the backoff record carries
 * over. With `crashAfter`, only that many actions take effect and the in-memory record is lost.
 */
export const syncJobWorld = (world: JobWorld, crashAfter?: number): JobSyncRecord => {
  const input: JobInput = { job: world.job, pods: world.pods, now: world.now, backoff: world.backoff }
  const plan = reconcileJob(input)
  const crashed = crashAfter !== undefined && crashAfter < plan.actions.length
  const applied = crashed ? { actions: plan.actions.slice(0, crashAfter) } : plan
  const after = applyJobPlan({ ...world, backoff: crashed ? emptyBackoffRecord : nextJobBackoff(input) }, applied)
  return { input, plan, applied, crashed, after }
}

/** A round: its steps at the current time, then the clock moves on. No sync. */
export const playJobRound = (world: JobWorld, round: JobRound): JobWorld => {
  let { job, pods } = world
  for (const step of round.steps) ({ job, pods } = applyJobStep(job, pods, step, world.now))
  return { ...world, job, pods, now: addSeconds(world.now, round.advanceSeconds) }
}

/**
 * Syncs the Job first, then plays each round and syncs after it, until the Job is deleted.
 * Returns every sync in order; the last record's `after` is the final world.
 */
export const runJobHistory = (start: JobWorld, rounds: ReadonlyArray<JobRound>): ReadonlyArray<JobSyncRecord> => {
  const records: JobSyncRecord[] = []
  let world = start
  for (const round of [undefined, ...rounds]) {
    if (world.deleted) break
    if (round !== undefined) world = playJobRound(world, round)
    const record = syncJobWorld(world, round?.crashAfter)
    records.push(record)
    world = record.after
  }
  return records
}
