import { formatInstant, instantOf } from '../api/instant'
import type { CronJob } from '../api/cronJob'
import type { Job } from '../api/job'
import { namespaceOf, nameOf } from '../api/meta'
import type { Action } from '../plan'
import { finishedConditionOf, isJobSucceeded } from './children'
import { CronJobEvents } from './events'
import { deleteFromActiveList, inActiveList, type CronJobSyncStatus, type SyncStep } from './status'

/** Mirrors the `LastSuccessfulTime` upkeep: the latest `completionTime` of a succeeded child, never cleared. */
const withSuccess = (status: CronJobSyncStatus, job: Job): CronJobSyncStatus => {
  const completed = instantOf(job.status?.completionTime)
  if (completed === undefined) return status
  const last = instantOf(status.lastSuccessfulTime)
  return last === undefined || completed > last ? { ...status, lastSuccessfulTime: formatInstant(completed) } : status
}

/**
 * Mirrors the first half of `syncCronJob`: (a) each child is compared with `active` — an unfinished child not
 * listed gets `UnexpectedJob` (and is not adopted), a finished listed one is dropped with `SawCompletedJob`, and
 * every succeeded one feeds `lastSuccessfulTime`; then (b) each `active` entry that is no child is looked up by
 * namespace and name, and dropped with `MissingJob` when absent.
 *
 * Deviations, as a pure reducer sees one snapshot: (a) upstream first re-reads the CronJob from the API server
 * and stays quiet if the fresh copy lists the child; here the CronJob given is the fresh copy. (b) upstream's GET
 * becomes a lookup in `existing` (every Job of the namespace still there), so a Job missing from the snapshot
 * counts as a 404 even where a lagging informer would have hidden a live Job.
 */
export const reconcileChildren = (
  cj: CronJob,
  children: ReadonlyArray<Job>,
  existing: (namespace: string, name: string) => boolean,
  status: CronJobSyncStatus,
): SyncStep => {
  const actions: Action[] = []
  let next = status
  for (const job of children) {
    const found = inActiveList(next, job.metadata.uid)
    const condition = finishedConditionOf(job)
    if (!found && condition === undefined) {
      actions.push(CronJobEvents.unexpectedJob(cj, nameOf(job)))
    } else if (condition !== undefined) {
      if (found) {
        next = deleteFromActiveList(next, job.metadata.uid)
        actions.push(CronJobEvents.sawCompletedJob(cj, nameOf(job), condition))
      }
      if (isJobSucceeded(job)) next = withSuccess(next, job)
    }
  }
  const childUids = new Set(children.map((j) => j.metadata.uid ?? ''))
  for (const ref of next.active) {
    if (childUids.has(ref.uid ?? '')) continue
    if (existing(ref.namespace ?? namespaceOf(cj), ref.name ?? '')) continue
    actions.push(CronJobEvents.missingJob(cj, ref.name ?? ''))
    next = deleteFromActiveList(next, ref.uid)
  }
  return { status: next, actions }
}
