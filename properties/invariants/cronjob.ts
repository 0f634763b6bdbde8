import { CronJobKeys, nameOf, type Job } from '../../core/api'
import { childrenOf, finishedConditionOf, reconcileCronJob } from '../../core/cronjob'
import { actionsOf } from '../../core/plan'
import { runningJobs, type CronJobSyncRecord } from './cronjobWorld'
import { allOf, check, holds, type Verdict } from './verdict'

/**
 * CronJob invariants (field notes C1–C4, and a fixpoint) as plain predicates over one sync or a whole history.
 * They restate reference cronjob.md from the objects (names, annotations, conditions), not through the reducer's
 * own helpers, so a reducer bug cannot hide in a shared function.
 */

const createdJobs = (r: CronJobSyncRecord): ReadonlyArray<Job> => actionsOf(r.plan, 'CreateJob').map((a) => a.job as Job)
/** The slot a created Job was made for, read back from its scheduled-timestamp annotation. */
const slotOf = (job: Job): number => Date.parse(job.metadata.annotations?.[CronJobKeys.scheduledTimestamp] ?? '')
const at = (r: CronJobSyncRecord): string => `at ${new Date(r.input.now).toISOString()}`

/** C1: at most one Job per sync and per slot over the whole history, named `<cronjob>-<unix minutes of the slot>`. */
export const atMostOneJobPerSlot = (records: ReadonlyArray<CronJobSyncRecord>): Verdict => {
  const seen = new Map<string, string>()
  const verdicts: Verdict[] = []
  for (const r of records) {
    const jobs = createdJobs(r)
    verdicts.push(check(jobs.length <= 1, () => `${at(r)}: ${jobs.length} Jobs created in one sync`))
    for (const job of jobs) {
      const slot = slotOf(job)
      const expected = `${nameOf(r.input.cronJob)}-${Math.floor(slot / 60_000)}`
      verdicts.push(check(nameOf(job) === expected, () => `${at(r)}: Job ${nameOf(job)} for slot ${new Date(slot).toISOString()} should be ${expected}`))
      const first = seen.get(nameOf(job))
      verdicts.push(check(first === undefined, () => `${at(r)}: Job ${nameOf(job)} created again (first ${first ?? ''})`))
      seen.set(nameOf(job), at(r))
    }
  }
  return allOf(verdicts)
}

/** C2: under Forbid never two running Jobs; under Replace at most one after any sync (fresh reads). */
export const concurrencyRespected = (r: CronJobSyncRecord): Verdict => {
  const policy = r.input.cronJob.spec.concurrencyPolicy
  if (policy !== 'Forbid' && policy !== 'Replace') return holds
  const running = runningJobs(r.after).map(nameOf)
  const listed = r.after.cronJob.status?.active ?? []
  return allOf([
    check(running.length <= 1, () => `${at(r)}: ${policy} left ${running.length} running Jobs: ${running.join(', ')}`),
    check(listed.length <= 1, () => `${at(r)}: ${policy} lists ${listed.length} active Jobs`),
  ])
}

/** C3: a Job starts at or after its slot, and before slot + startingDeadlineSeconds when that is set. */
export const startsWithinDeadline = (r: CronJobSyncRecord): Verdict => {
  const sds = r.input.cronJob.spec.startingDeadlineSeconds
  return allOf(
    createdJobs(r).map((job) => {
      const slot = slotOf(job)
      const late = r.input.now - slot
      return check(late >= 0 && (sds == null || late < sds * 1000), () => `${at(r)}: Job ${nameOf(job)} starts ${late / 1000}s after its slot (deadline ${String(sds)})`)
    }),
  )
}

/** C3: a suspended CronJob creates nothing. */
export const suspendCreatesNone = (r: CronJobSyncRecord): Verdict =>
  check(r.input.cronJob.spec.suspend !== true || createdJobs(r).length === 0, () => `${at(r)}: suspended, yet created ${createdJobs(r).map(nameOf).join(', ')}`)

/** C4: once a sync's deletes are applied, finished children are within the history limits. */
export const historyWithinLimits = (r: CronJobSyncRecord): Verdict => {
  const { successfulJobsHistoryLimit: keepSucceeded, failedJobsHistoryLimit: keepFailed } = r.input.cronJob.spec
  const children = childrenOf(r.after.cronJob, r.after.jobs)
  const succeeded = children.filter((j) => finishedConditionOf(j) === 'Complete').length
  const failed = children.filter((j) => finishedConditionOf(j) === 'Failed').length
  return allOf([
    check(keepSucceeded == null || succeeded <= keepSucceeded, () => `${at(r)}: ${succeeded} succeeded Jobs kept, limit ${String(keepSucceeded)}`),
    check(keepFailed == null || failed <= keepFailed, () => `${at(r)}: ${failed} failed Jobs kept, limit ${String(keepFailed)}`),
  ])
}

/** C4: a schedule that never fires creates no Job and says so with InvalidSchedule (when not suspended). */
export const neverFiringCreatesNone = (r: CronJobSyncRecord, neverFires: boolean): Verdict => {
  if (!neverFires) return holds
  const warned = actionsOf(r.plan, 'RecordEvent').some((e) => e.reason === 'InvalidSchedule')
  return allOf([
    check(createdJobs(r).length === 0, () => `${at(r)}: a never-firing schedule created a Job`),
    check(r.input.cronJob.spec.suspend === true || warned, () => `${at(r)}: a never-firing schedule without InvalidSchedule`),
  ])
}

/** L: syncing again at the same instant, on the world the plan left, writes nothing (no creates, deletes, status). */
export const reachesFixpoint = (r: CronJobSyncRecord): Verdict => {
  const again = reconcileCronJob({ ...r.input, cronJob: r.after.cronJob, jobs: r.after.jobs })
  const writes = again.actions.filter((a) => a.type === 'CreateJob' || a.type === 'DeleteJob' || a.type === 'UpdateStatus')
  return check(writes.length === 0, () => `${at(r)}: a second sync still writes ${writes.map((a) => a.type).join(', ')}`)
}

/** Every per-sync invariant above. */
export const cronJobSyncInvariants = (r: CronJobSyncRecord, neverFires = false): Verdict =>
  allOf([concurrencyRespected(r), startsWithinDeadline(r), suspendCreatesNone(r), historyWithinLimits(r), neverFiringCreatesNone(r, neverFires), reachesFixpoint(r)])
