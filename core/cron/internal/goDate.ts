import { civilFromDays, daysFromCivil, mod, SECONDS_PER_DAY, weekdayOfDays } from './civil'
import type { ZoneOffsets } from './zoneOffsets'

/** Wall-clock fields of an instant in a zone, as Go's `t.Date()`, `t.Clock()` and `t.Weekday()` report them. */
export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly weekday: number
}

export const wallClock = (zone: ZoneOffsets, second: number): WallClock => {
  const wall = second + zone.offsetAt(second)
  const days = Math.floor(wall / SECONDS_PER_DAY)
  const ofDay = wall - days * SECONDS_PER_DAY
  const { year, month, day } = civilFromDays(days)
  return {
    year,
    month,
    day,
    hour: Math.floor(ofDay / 3600),
    minute: Math.floor(ofDay / 60) % 60,
    second: ofDay % 60,
    weekday: weekdayOfDays(days),
  }
}

/**
 * Go's `time.Date(year, month, day, hour, min, sec, 0, loc)` in epoch seconds, out-of-range fields included.
 * A wall time in a spring-forward gap or a fall-back overlap resolves exactly as Go resolves it: look up the
 * offset at the wall time read as UTC, then once more at the instant that offset implies.
 */
export const goDate = (
  zone: ZoneOffsets,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number => {
  const m = mod(month - 1, 12)
  const y = year + (month - 1 - m) / 12
  const wall = (daysFromCivil(y, m + 1, 1) + day - 1) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second
  return wall - zone.offsetAt(wall - zone.offsetAt(wall))
}
