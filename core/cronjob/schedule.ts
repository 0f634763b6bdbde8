import * as E from 'fp-ts/Either'
import { instantOf } from '../api/instant'
import type { CronJob } from '../api/cronJob'
import {
  DEFAULT_TIME_ZONE,
  loadLocation,
  nextScheduleTime,
  nextScheduleTimeDuration,
  parseStandard,
  type Schedule,
  type ScheduleInput,
} from '../cron'
import { jobName } from './jobName'
import { inActiveListByName, lastScheduleTimeOf, type CronJobSyncStatus } from './status'
import { namespaceOf, nameOf } from '../api/meta'

/**
 * Where steps (c)–(i) of `syncCronJob` leave a sync: stopped without requeue (being deleted, a bad zone, suspended,
 * a schedule that does not parse or never fires), nothing due yet, the slot too late (unreachable, kept for
 * completeness), or a slot due now. `unsupported` marks a `TZ` in the schedule (the `UnsupportedSchedule` warning).
 */
export type ScheduleGate =
  | { readonly _tag: 'Deleting' }
  | { readonly _tag: 'UnknownTimeZone'; readonly timeZone: string; readonly error: string }
  | { readonly _tag: 'Suspended' }
  | { readonly _tag: 'Unparseable'; readonly unsupported: boolean; readonly error: string }
  | { readonly _tag: 'InvalidSchedule'; readonly unsupported: boolean; readonly error: string }
  | { readonly _tag: 'NotDue'; readonly unsupported: boolean; readonly schedule: Schedule }
  | { readonly _tag: 'TooLate'; readonly unsupported: boolean; readonly schedule: Schedule; readonly scheduledTime: number; readonly tooManyMissed: boolean }
  | { readonly _tag: 'Due'; readonly unsupported: boolean; readonly schedule: Schedule; readonly scheduledTime: number; readonly tooManyMissed: boolean }

/**
 * Mirrors `formatSchedule`: a schedule holding `TZ` anywhere is used verbatim (and `timeZone` ignored); otherwise
 * `timeZone`, when set, becomes a `TZ=` prefix; otherwise the schedule runs in the controller's zone.
 */
export const effectiveSchedule = (cj: CronJob): string => {
  const { schedule, timeZone } = cj.spec
  if (schedule.includes('TZ')) return schedule
  return timeZone != null ? `TZ=${timeZone} ${schedule}` : schedule
}

/** The schedule arithmetic's view of a CronJob. A CronJob not yet stored (no creationTimestamp) counts as created now. */
export const scheduleInputOf = (
  cj: CronJob,
  schedule: Schedule,
  status: CronJobSyncStatus,
  now: number,
  defaultTimeZone: string = DEFAULT_TIME_ZONE,
): ScheduleInput => ({
  schedule,
  timeZone: defaultTimeZone,
  creationTimestamp: instantOf(cj.metadata.creationTimestamp) ?? now,
  lastScheduleTime: lastScheduleTimeOf(status),
  startingDeadlineSeconds: cj.spec.startingDeadlineSeconds ?? undefined,
  now,
})

/**
 * Steps (c)–(i) of `syncCronJob` in upstream order: deletion, `timeZone` loading, suspend, `ParseStandard` of the
 * effective schedule, then `nextScheduleTime` (with `startingDeadlineSeconds`) and the too-late check.
 */
export const decideSchedule = (cj: CronJob, status: CronJobSyncStatus, now: number, defaultTimeZone?: string): ScheduleGate => {
  if (cj.metadata.deletionTimestamp != null) return { _tag: 'Deleting' }
  const timeZone = cj.spec.timeZone
  if (timeZone != null) {
    const loaded = loadLocation(timeZone)
    if (E.isLeft(loaded)) return { _tag: 'UnknownTimeZone', timeZone, error: loaded.left }
  }
  if (cj.spec.suspend === true) return { _tag: 'Suspended' }
  const unsupported = cj.spec.schedule.includes('TZ')
  const parsed = parseStandard(effectiveSchedule(cj))
  if (E.isLeft(parsed)) return { _tag: 'Unparseable', unsupported, error: parsed.left.message }
  const schedule = parsed.right
  const due = nextScheduleTime(scheduleInputOf(cj, schedule, status, now, defaultTimeZone))
  if (E.isLeft(due)) return { _tag: 'InvalidSchedule', unsupported, error: due.left.message }
  if (due.right._tag === 'NothingDue') return { _tag: 'NotDue', unsupported, schedule }
  const { scheduledTime, tooManyMissed } = due.right
  const sds = cj.spec.startingDeadlineSeconds
  // Unreachable: every candidate lies after now - startingDeadlineSeconds (reference §4). Kept as upstream has it.
  const tooLate = sds != null && scheduledTime + sds * 1000 < now
  return { _tag: tooLate ? 'TooLate' : 'Due', unsupported, schedule, scheduledTime, tooManyMissed }
}

/** Step (j): the slot was handled already — a listed Job carries its name, or it is the last schedule time. */
export const isAlreadyProcessed = (cj: CronJob, status: CronJobSyncStatus, scheduledTime: number): boolean =>
  inActiveListByName(status, namespaceOf(cj), jobName(nameOf(cj), scheduledTime)) || lastScheduleTimeOf(status) === scheduledTime

/**
 * `nextScheduleTimeDuration` for the status as it stands (the new last schedule time after a create), in seconds:
 * the next slot after the most recent one, plus 100 ms. Undefined when the schedule never fires again.
 */
export const requeueAfterSeconds = (
  cj: CronJob,
  schedule: Schedule,
  status: CronJobSyncStatus,
  now: number,
  defaultTimeZone?: string,
): number | undefined => {
  const ms = nextScheduleTimeDuration(scheduleInputOf(cj, schedule, status, now, defaultTimeZone))
  return ms === undefined ? undefined : ms / 1000
}
