import type { Schedule } from '../../core/cron'
import { nextAfter } from '../../core/cron'
import type { CronExpressionSpec } from '../arbitraries/cronJobSchedule'
import { allOf, check, holds, type Verdict } from './verdict'

/**
 * Invariants of the cron dialect's `Next` (reference cronjob.md §3.1, §10.3, §15): strictly after, monotone,
 * and every result a wall-clock match of the generated fields, except near a UTC-offset change, where Kubernetes
 * (robfig) moves a day start or skips a gap. Wall clocks come from Intl, not from core/cron's own zone tables.
 */

interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly weekday: number
}

const formats = new Map<string, Intl.DateTimeFormat>()
const formatFor = (zone: string): Intl.DateTimeFormat => {
  const known = formats.get(zone)
  if (known !== undefined) return known
  const made = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  formats.set(zone, made)
  return made
}

/** The wall clock of an instant in a zone, by Intl. */
export const wallClockIn = (zone: string, at: number): WallClock => {
  const parts = new Map(formatFor(zone).formatToParts(at).map((p) => [p.type, Number(p.value)] as const))
  const year = parts.get('year') ?? 0
  const month = parts.get('month') ?? 1
  const day = parts.get('day') ?? 1
  return {
    year,
    month,
    day,
    hour: parts.get('hour') ?? 0,
    minute: parts.get('minute') ?? 0,
    second: parts.get('second') ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  }
}

/** The zone's UTC offset at an instant, in minutes. */
const offsetIn = (zone: string, at: number): number => {
  const w = wallClockIn(zone, at)
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000) / 60_000)
}

/** A UTC-offset change within a day and a bit of `at` (where robfig's documented DST handling applies). */
export const nearOffsetChange = (zone: string, at: number): boolean => {
  const day = 26 * 3_600_000
  const here = offsetIn(zone, at)
  return offsetIn(zone, at - day) !== here || offsetIn(zone, at + day) !== here
}

/** `Next(t)` is strictly after `t` (or the schedule never fires again). */
export const nextIsAfter = (schedule: Schedule, from: number, zone: string): Verdict => {
  const next = nextAfter(schedule, from, zone)
  return check(next === undefined || next > from, () => `${schedule.source} in ${zone}: Next(${new Date(from).toISOString()}) = ${new Date(next ?? 0).toISOString()} is not after`)
}

/** `Next` is monotone: a later start never gives an earlier result. */
export const nextIsMonotone = (schedule: Schedule, a: number, b: number, zone: string): Verdict => {
  const [lo, hi] = a <= b ? [a, b] : [b, a]
  const nLo = nextAfter(schedule, lo, zone)
  const nHi = nextAfter(schedule, hi, zone)
  if (nLo === undefined || nHi === undefined) return holds
  return check(nLo <= nHi, () => `${schedule.source} in ${zone}: Next(${new Date(lo).toISOString()}) = ${new Date(nLo).toISOString()} > Next(${new Date(hi).toISOString()}) = ${new Date(nHi).toISOString()}`)
}

/**
 * `Next(t)` fires where the generated fields say: for `@every d`, exactly `t` (whole seconds) + d; otherwise second
 * 0 of a minute whose wall clock matches minute, hour, month and the day rule (both day fields when either has the
 * star bit, else either) — unless an offset change is near, where robfig's DST behaviour is allowed to differ.
 */
export const nextMatchesFields = (spec: CronExpressionSpec, schedule: Schedule, from: number, zone: string): Verdict => {
  const next = nextAfter(schedule, from, zone)
  if (next === undefined) return holds
  if (spec._tag === 'Every') {
    const expected = Math.floor(from / 1000) * 1000 + spec.delaySeconds * 1000
    return check(next === expected, () => `${spec.expression}: Next(${new Date(from).toISOString()}) = ${new Date(next).toISOString()}, expected ${new Date(expected).toISOString()}`)
  }
  const w = wallClockIn(zone, next)
  const dom = spec.daysOfMonth.includes(w.day)
  const dow = spec.daysOfWeek.includes(w.weekday)
  const day = spec.daysOfMonthStar || spec.daysOfWeekStar ? dom && dow : dom || dow
  const matches = w.second === 0 && spec.minutes.includes(w.minute) && spec.hours.includes(w.hour) && spec.months.includes(w.month) && day
  return check(matches || nearOffsetChange(zone, next), () => `${spec.expression} in ${zone}: Next(${new Date(from).toISOString()}) = ${new Date(next).toISOString()} (wall ${JSON.stringify(w)}) matches no field set`)
}

/** All three for one schedule, zone and pair of start times. */
export const dialectInvariants = (spec: CronExpressionSpec, schedule: Schedule, a: number, b: number, zone: string): Verdict =>
  allOf([nextIsAfter(schedule, a, zone), nextIsMonotone(schedule, a, b, zone), nextMatchesFields(spec, schedule, a, zone)])
