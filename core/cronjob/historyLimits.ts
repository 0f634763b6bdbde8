import { instantOf } from '../api/instant'
import type { CronJob } from '../api/cronJob'
import type { Job } from '../api/job'
import { namespaceOf, nameOf } from '../api/meta'
import { deleteJob, type Action } from '../plan'
import { finishedConditionOf } from './children'
import { CronJobEvents } from './events'
import { deleteFromActiveList, type CronJobSyncStatus, type SyncStep } from './status'

/** The `reason` of a history-limit `DeleteJob`. */
export const HISTORY_LIMIT_REASON = 'HistoryLimit'

/**
 * Mirrors `byJobStartTime`: ascending `status.startTime`, Jobs without one last (treated as newest), ties by name.
 */
export const byJobStartTime = (a: Job, b: Job): number => {
  const sa = instantOf(a.status?.startTime)
  const sb = instantOf(b.status?.startTime)
  if (sa === undefined && sb !== undefined) return 1
  if (sa !== undefined && sb === undefined) return -1
  if (sa === sb) return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0
  return (sa ?? 0) - (sb ?? 0)
}

/** Mirrors `removeOldestJobs`' choice: the `count - limit` oldest Jobs, none when within the limit. */
export const oldestBeyondLimit = (jobs: ReadonlyArray<Job>, limit: number): ReadonlyArray<Job> => {
  const surplus = jobs.length - limit
  return surplus <= 0 ? [] : [...jobs].sort(byJobStartTime).slice(0, surplus)
}

/** The outcome of history cleanup: the step, plus the Jobs it deleted (later steps must not see them on a GET). */
export interface Cleanup extends SyncStep {
  readonly deleted: ReadonlyArray<Job>
}

/**
 * Mirrors `cleanupFinishedJobs` (with `removeOldestJobs` and `deleteJob`): keeps at most
 * `successfulJobsHistoryLimit` Jobs with `Complete=True` and `failedJobsHistoryLimit` with `Failed=True`, deleting
 * the oldest with background propagation; each delete drops the Job from `active` and records `SuccessfulDelete`.
 * A nil limit skips its kind; running Jobs are never touched.
 */
export const cleanupFinishedJobs = (cj: CronJob, children: ReadonlyArray<Job>, status: CronJobSyncStatus): Cleanup => {
  const successLimit = cj.spec.successfulJobsHistoryLimit ?? undefined
  const failedLimit = cj.spec.failedJobsHistoryLimit ?? undefined
  const succeeded = children.filter((j) => finishedConditionOf(j) === 'Complete')
  const failed = children.filter((j) => finishedConditionOf(j) === 'Failed')
  const deleted = [
    ...(successLimit !== undefined ? oldestBeyondLimit(succeeded, successLimit) : []),
    ...(failedLimit !== undefined ? oldestBeyondLimit(failed, failedLimit) : []),
  ]
  const actions: Action[] = []
  let next = status
  for (const job of deleted) {
    actions.push(deleteJob(namespaceOf(job), nameOf(job), 'Background', HISTORY_LIMIT_REASON), CronJobEvents.successfulDelete(cj, nameOf(job)))
    next = deleteFromActiveList(next, job.metadata.uid)
  }
  return { status: next, actions, deleted }
}
