import type { SpecSchedule } from '../schedule'

/** Lookup tables for one `SpecSchedule`, built once per schedule object and memoised. */
export interface CompiledSchedule {
  /** `nextSecond[v]`: the smallest allowed second ≥ v, or 60 if none; likewise for minutes and hours. */
  readonly nextSecond: Uint8Array
  readonly nextMinute: Uint8Array
  readonly nextHour: Uint8Array
  readonly month: Uint8Array
  readonly dayOfMonth: Uint8Array
  readonly dayOfWeek: Uint8Array
  /** robfig's star rule: if either day field has the star bit, both must match; otherwise either. */
  readonly bothDaysMustMatch: boolean
}

const membership = (values: ReadonlyArray<number>, size: number): Uint8Array => {
  const table = new Uint8Array(size)
  for (const v of values) table[v] = 1
  return table
}

const nextAllowed = (values: ReadonlyArray<number>, size: number): Uint8Array => {
  const allowed = membership(values, size)
  const table = new Uint8Array(size + 1)
  table[size] = size
  for (let v = size - 1; v >= 0; v--) table[v] = allowed[v] === 1 ? v : (table[v + 1] ?? size)
  return table
}

const compile = (schedule: SpecSchedule): CompiledSchedule => ({
  nextSecond: nextAllowed(schedule.seconds, 60),
  nextMinute: nextAllowed(schedule.minutes, 60),
  nextHour: nextAllowed(schedule.hours, 24),
  month: membership(schedule.months, 13),
  dayOfMonth: membership(schedule.daysOfMonth, 32),
  dayOfWeek: membership(schedule.daysOfWeek, 7),
  bothDaysMustMatch: schedule.daysOfMonthStar || schedule.daysOfWeekStar,
})

const memo = new WeakMap<SpecSchedule, CompiledSchedule>()

export const compiledSchedule = (schedule: SpecSchedule): CompiledSchedule => {
  const known = memo.get(schedule)
  if (known !== undefined) return known
  const built = compile(schedule)
  memo.set(schedule, built)
  return built
}

/** robfig `dayMatches`. */
export const dayMatches = (c: CompiledSchedule, day: number, weekday: number): boolean => {
  const dom = c.dayOfMonth[day] === 1
  const dow = c.dayOfWeek[weekday] === 1
  return c.bothDaysMustMatch ? dom && dow : dom || dow
}
