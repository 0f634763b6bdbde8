import * as E from 'fp-ts/Either'
import { mostRecentScheduleTime, type ScheduleInput } from './mostRecentScheduleTime'
import { DEFAULT_TIME_ZONE, nextAfter } from './nextAfter'

/** Upstream `nextScheduleDelta`: requeue this long after the slot, to absorb clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100

/**
 * Mirrors `nextScheduleTimeDuration` in kubernetes pkg/controller/cronjob/utils.go: how long (ms) until the
 * CronJob should be synced again, i.e. the next slot after the most recent one, plus 100 ms. Ignores
 * `startingDeadlineSeconds`, as upstream does. Undefined when the schedule never fires again (upstream would
 * compute a hugely negative duration from Go's zero time).
 */
export const nextScheduleTimeDuration = (input: ScheduleInput): number | undefined => {
  const { now } = input
  const window = mostRecentScheduleTime(input, false)
  const base = E.isLeft(window)
    ? now
    : (window.right.mostRecent ?? (window.right.missed === 'none' ? window.right.earliest : now))
  const next = nextAfter(input.schedule, base, input.timeZone ?? DEFAULT_TIME_ZONE)
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now
}
