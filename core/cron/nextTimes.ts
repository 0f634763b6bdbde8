import { DEFAULT_TIME_ZONE, nextAfter } from './nextAfter'
import type { Schedule } from './schedule'

/**
 * The next `count` fire times strictly after `fromMs`, as epoch ms, by repeated {@link nextAfter} (robfig's
 * `Next` chained, as the controller would meet them). Shorter than `count` when the schedule stops firing.
 * Backs `kuberules cron next`.
 */
export const nextTimes = (
  schedule: Schedule,
  fromMs: number,
  timeZone: string = DEFAULT_TIME_ZONE,
  count = 5,
): ReadonlyArray<number> => {
  const times: Array<number> = []
  let cursor = fromMs
  while (times.length < count) {
    const next = nextAfter(schedule, cursor, timeZone)
    if (next === undefined) break
    times.push(next)
    cursor = next
  }
  return times
}
