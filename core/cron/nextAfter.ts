import { compiledSchedule } from './internal/compiledSchedule'
import { specNext } from './internal/specNext'
import { zoneOffsets } from './internal/zoneOffsets'
import type { Schedule } from './schedule'

/** The zone a schedule is evaluated in when the caller names none (Kubernetes: the controller's, in practice UTC). */
export const DEFAULT_TIME_ZONE = 'UTC'

// Years 1..9999 less robfig's five-year horizon: Intl cannot place instants much beyond, and no CronJob needs them.
const FIRST_MS = -62_135_596_800_000
const LAST_MS = 253_244_534_400_000

/**
 * Mirrors robfig/cron v3 `Schedule.Next`: the first whole second strictly after `fromMs` (epoch ms) at which the
 * schedule fires, in `timeZone` unless the schedule has a `TZ=` zone, with robfig's daylight-saving behaviour.
 * Undefined where robfig returns the zero time (nothing within five years), for an unknown zone, or outside years 1–9999.
 */
export const nextAfter = (schedule: Schedule, fromMs: number, timeZone: string = DEFAULT_TIME_ZONE): number | undefined => {
  if (!(fromMs >= FIRST_MS && fromMs <= LAST_MS)) return undefined
  const from = Math.floor(fromMs / 1000)
  // ConstantDelaySchedule.Next: drop the sub-second part, add the delay; zones play no part.
  if (schedule._tag === 'EverySchedule') return (from + schedule.delaySeconds) * 1000
  const zone = zoneOffsets(schedule.location ?? timeZone)
  if (zone === undefined) return undefined
  const next = specNext(compiledSchedule(schedule), zone, from)
  return next === undefined ? undefined : next * 1000
}
