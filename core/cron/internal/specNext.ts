import { daysInMonth, mod } from './civil'
import { dayMatches, type CompiledSchedule } from './compiledSchedule'
import { goDate, wallClock, type WallClock } from './goDate'
import type { ZoneOffsets } from './zoneOffsets'

// Far more than any real search needs (robfig's loops end at its five-year limit); a guard against a
// pathological tz database, never reached in practice.
const MAX_STEPS = 100_000

/**
 * robfig/cron v3 `SpecSchedule.Next` on epoch seconds: the first matching instant strictly after `from`, or
 * undefined (Go's zero time) when nothing matches before the end of the year five years on.
 *
 * The walk is robfig's, field by field with its `added` flag, wrap-arounds and DST fix-ups, so that daylight-
 * saving behaviour is identical: a wall time in a spring-forward gap is skipped, one in a fall-back overlap
 * fires in both offsets. Where robfig steps one unit at a time, this jumps straight to the next allowed value
 * (or the wrap) whenever no UTC-offset change lies in between, and replays robfig's single steps otherwise.
 */
export const specNext = (c: CompiledSchedule, zone: ZoneOffsets, from: number): number | undefined => {
  let t = from + 1
  let w: WallClock = wallClock(zone, t)
  let added = false
  let steps = 0
  const yearLimit = w.year + 5
  const moveTo = (second: number): void => {
    t = second
    w = wallClock(zone, t)
    steps++
  }

  // Adds `unit` seconds until `field` reaches an allowed value (false) or wraps to 0 (true), as robfig's
  // hour, minute and second loops do. Under a constant offset the field just counts up, so jump.
  const advance = (unit: number, size: number, field: (w: WallClock) => number, next: Uint8Array): boolean => {
    for (;;) {
      const f = field(w)
      const k = (f + 1 < size ? (next[f + 1] ?? size) : size) - f
      const change = zone.transitionIn(t, t + k * unit)
      moveTo(change === undefined ? t + k * unit : t + Math.ceil((change - t) / unit) * unit)
      const now = field(w)
      if (now === 0) return true
      if (next[now] === now) return false
    }
  }

  wrap: for (;;) {
    if (w.year > yearLimit || steps > MAX_STEPS) return undefined

    if (c.month[w.month] !== 1) {
      if (!added) {
        added = true
        moveTo(goDate(zone, w.year, w.month, 1, 0, 0, 0))
      }
      for (;;) {
        moveTo(goDate(zone, w.year, w.month + 1, w.day, w.hour, w.minute, w.second))
        if (w.month === 1) continue wrap
        if (c.month[w.month] === 1) break
      }
    }

    if (!dayMatches(c, w.day, w.weekday)) {
      if (!added) {
        added = true
        moveTo(goDate(zone, w.year, w.month, w.day, 0, 0, 0))
      }
      for (;;) {
        if (w.hour === 0 && w.minute === 0 && w.second === 0) {
          // From a clean midnight every step lands on the next midnight unless the offset changes on the way.
          const last = daysInMonth(w.year, w.month)
          let day = w.day + 1
          let weekday = (w.weekday + 1) % 7
          while (day <= last && !dayMatches(c, day, weekday)) {
            day++
            weekday = (weekday + 1) % 7
          }
          const target = goDate(zone, w.year, w.month, day, 0, 0, 0)
          const landed = wallClock(zone, target)
          const clean = landed.day === (day > last ? 1 : day) && landed.hour === 0 && landed.minute === 0 && landed.second === 0
          if (clean && zone.transitionIn(t, target) === undefined) {
            moveTo(target)
            if (w.day === 1) continue wrap
            break
          }
        }
        const before = t
        moveTo(goDate(zone, w.year, w.month, w.day + 1, w.hour, w.minute, w.second))
        // robfig: "Notice if the hour is no longer midnight due to DST."
        if (w.hour !== 0) moveTo(t + (w.hour > 12 ? 24 - w.hour : -w.hour) * 3600)
        // Deviation: where a whole day is missing (Pacific/Apia 2011-12-30) Go's time.Date maps it back onto
        // the day before, and robfig loops forever. Give up instead, as for an unsatisfiable schedule.
        if (t === before) return undefined
        if (w.day === 1) continue wrap
        if (dayMatches(c, w.day, w.weekday)) break
        if (steps > MAX_STEPS) return undefined
      }
    }

    if (c.nextHour[w.hour] !== w.hour) {
      if (!added) {
        added = true
        moveTo(goDate(zone, w.year, w.month, w.day, w.hour, 0, 0))
      }
      if (advance(3600, 24, (x) => x.hour, c.nextHour)) continue wrap
    }

    if (c.nextMinute[w.minute] !== w.minute) {
      if (!added) {
        added = true
        moveTo(t - mod(t, 60)) // Truncate(time.Minute) works on absolute time
      }
      if (advance(60, 60, (x) => x.minute, c.nextMinute)) continue wrap
    }

    if (c.nextSecond[w.second] !== w.second) {
      added = true
      if (advance(1, 60, (x) => x.second, c.nextSecond)) continue wrap
    }

    return t
  }
}
