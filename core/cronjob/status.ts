import { instantOf } from '../api/instant'
import type { CronJob, CronJobStatus, ObjectReference } from '../api/cronJob'
import type { Job } from '../api/job'
import { namespaceOf, nameOf } from '../api/meta'
import { updateStatus, type Action } from '../plan'
import { cronJobRef } from './events'

/**
 * The part of `status` a sync changes, as the working copy upstream mutates: `active` in order and the two
 * timestamps as written on the wire (kept verbatim until changed, so an untouched status compares equal).
 */
export interface CronJobSyncStatus {
  readonly active: ReadonlyArray<ObjectReference>
  readonly lastScheduleTime: string | undefined
  readonly lastSuccessfulTime: string | undefined
}

/** What one step of a sync hands to the next: the working status and the actions planned so far. */
export interface SyncStep {
  readonly status: CronJobSyncStatus
  readonly actions: ReadonlyArray<Action>
}

export const syncStatusOf = (cj: CronJob): CronJobSyncStatus => ({
  active: cj.status?.active ?? [],
  lastScheduleTime: cj.status?.lastScheduleTime ?? undefined,
  lastSuccessfulTime: cj.status?.lastSuccessfulTime ?? undefined,
})

/** Mirrors `inActiveList`: an `active` entry with this UID (Go compares UIDs, empty included). */
export const inActiveList = (status: CronJobSyncStatus, uid: string | undefined): boolean =>
  status.active.some((ref) => (ref.uid ?? '') === (uid ?? ''))

/** Mirrors `inActiveListByName`: an `active` entry with this namespace and name. */
export const inActiveListByName = (status: CronJobSyncStatus, namespace: string, name: string): boolean =>
  status.active.some((ref) => (ref.name ?? '') === name && (ref.namespace ?? '') === namespace)

/** Mirrors `deleteFromActiveList`: drops every entry with this UID. */
export const deleteFromActiveList = (status: CronJobSyncStatus, uid: string | undefined): CronJobSyncStatus => ({
  ...status,
  active: status.active.filter((ref) => (ref.uid ?? '') !== (uid ?? '')),
})

/** Mirrors `getRef` (`reference.GetReference`) for a Job, in `ObjectReference`'s field order. */
export const jobReference = (job: Job, uid: string = job.metadata.uid ?? ''): ObjectReference => ({
  kind: 'Job',
  namespace: namespaceOf(job),
  name: nameOf(job),
  uid,
  apiVersion: 'batch/v1',
  ...(job.metadata.resourceVersion !== undefined ? { resourceVersion: job.metadata.resourceVersion } : {}),
})

/** The last schedule time as an instant (undefined when unset or unreadable, Go's nil). */
export const lastScheduleTimeOf = (status: CronJobSyncStatus): number | undefined => instantOf(status.lastScheduleTime)

const sameRef = (a: ObjectReference, b: ObjectReference): boolean =>
  a.kind === b.kind &&
  a.namespace === b.namespace &&
  a.name === b.name &&
  a.uid === b.uid &&
  a.apiVersion === b.apiVersion &&
  a.resourceVersion === b.resourceVersion

/** Whether a sync changed anything a status write would carry. */
export const statusChanged = (before: CronJobSyncStatus, after: CronJobSyncStatus): boolean =>
  before.lastScheduleTime !== after.lastScheduleTime ||
  before.lastSuccessfulTime !== after.lastSuccessfulTime ||
  before.active.length !== after.active.length ||
  before.active.some((ref, i) => !sameRef(ref, after.active[i] ?? {}))

/**
 * The single `UpdateStatus` of a sync, with the whole new status, when it differs from the one read. Fields the
 * controller does not own are carried over; an empty `active` and unset times are left out, as Go's `omitempty`.
 * Deviation: upstream writes whenever a step flagged a change, even one that changed nothing (a succeeded Job
 * without `completionTime`, a history delete of a Job not in `active`); a plan only writes real changes.
 */
export const planStatus = (cj: CronJob, before: CronJobSyncStatus, after: CronJobSyncStatus): ReadonlyArray<Action> => {
  if (!statusChanged(before, after)) return []
  const { active: _active, lastScheduleTime: _lst, lastSuccessfulTime: _lsu, ...others } = cj.status ?? ({} as CronJobStatus)
  const status: CronJobStatus = {
    ...others,
    ...(after.active.length > 0 ? { active: [...after.active] } : {}),
    ...(after.lastScheduleTime !== undefined ? { lastScheduleTime: after.lastScheduleTime } : {}),
    ...(after.lastSuccessfulTime !== undefined ? { lastSuccessfulTime: after.lastSuccessfulTime } : {}),
  }
  return [updateStatus(cronJobRef(cj), status)]
}
