import * as E from 'fp-ts/Either'
import { DEFAULT_TIME_ZONE, nextAfter } from './nextAfter'
import type { Schedule } from './schedule'

/** What the schedule arithmetic needs from a CronJob, as plain values (instants in epoch ms). */
export interface ScheduleInput {
  readonly schedule: Schedule
  /** Effective IANA zone: `spec.timeZone`, else the controller default. */
  readonly timeZone?: string | undefined
  readonly creationTimestamp: number
  readonly lastScheduleTime?: number | undefined
  readonly startingDeadlineSeconds?: number | undefined
  readonly now: number
}

/** Upstream `missedSchedulesType`. */
export type MissedSchedules = 'none' | 'few' | 'many'

export interface ScheduleWindow {
  /** Last schedule time, else creation time, raised to `now - startingDeadlineSeconds` when that applies. */
  readonly earliest: number
  /** The latest schedule time in (earliest, now], if one was found. */
  readonly mostRecent: number | undefined
  readonly missed: MissedSchedules
}

/** The error upstream returns for a well-formed schedule that never fires (e.g. `59 23 31 2 *`). */
export interface InvalidScheduleError {
  readonly _tag: 'InvalidScheduleError'
  readonly message: string
}

/** The one value of {@link InvalidScheduleError}; the controller reports it as the `InvalidSchedule` event. */
export const invalidScheduleError: InvalidScheduleError = {
  _tag: 'InvalidScheduleError',
  message: 'time difference between two schedules is less than 1 second',
}

/**
 * Mirrors `mostRecentScheduleTime` in kubernetes pkg/controller/cronjob/utils.go, O(1) missed-slot estimate and
 * quirks included. Deviation only where upstream would misbehave: a zero time from robfig (never fires) ends the
 * search instead of counting as year 1, and durations are not clamped to Go's ±292 years.
 */
export const mostRecentScheduleTime = (
  input: ScheduleInput,
  includeStartingDeadlineSeconds: boolean,
): E.Either<InvalidScheduleError, ScheduleWindow> => {
  const { schedule, now } = input
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE
  const next = (t: number): number | undefined => nextAfter(schedule, t, timeZone)
  let earliest = input.lastScheduleTime ?? input.creationTimestamp
  const sds = input.startingDeadlineSeconds
  if (includeStartingDeadlineSeconds && sds !== undefined) earliest = Math.max(earliest, now - sds * 1000)

  const t1 = next(earliest)
  // Upstream: t1 is the zero time, so t2 - t1 rounds to < 1 s (or worse, see above).
  if (t1 === undefined) return E.left(invalidScheduleError)
  if (now < t1) return E.right({ earliest, mostRecent: undefined, missed: 'none' })
  const t2 = next(t1)
  if (t2 === undefined) return E.left(invalidScheduleError)
  if (now < t2) return E.right({ earliest, mostRecent: t1, missed: 'none' })

  // QUIRK (kept): the first gap sets the step for the whole window. With irregular schedules
  // (`30 10,11,12 * * 1-5`) the estimate can overshoot the last due time; the walk then finds nothing and
  // the missed runs are skipped silently. A backwards search would be more correct but not upstream.
  const interval = Math.round((t2 - t1) / 1000)
  if (interval < 1) return E.left(invalidScheduleError)
  const elapsed = Math.trunc((now - t1) / 1000)
  const missedCount = Math.floor(elapsed / interval) + 1
  // One interval further back than the estimate, then let the schedule walk forward (1–2 steps normally).
  const potentialEarliest = t1 + (missedCount - 2) * interval * 1000
  let mostRecent: number | undefined
  for (let t = next(potentialEarliest); t !== undefined && t <= now; t = next(t)) mostRecent = t

  // QUIRK (kept): more than 100 estimated misses is "many" even though the controller still starts the
  // most recent one; anything counted here is at least "few", even when the walk found nothing.
  const missed: MissedSchedules = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none'
  return E.right({ earliest, mostRecent, missed })
}
