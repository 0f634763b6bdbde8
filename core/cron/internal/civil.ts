/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after Howard Hinnant's
 * `days_from_civil` / `civil_from_days`. Go's `time.Date` normalises out-of-range fields the same way.
 */

export const SECONDS_PER_DAY = 86_400

/** Day number of `year-month-day`; `day` may overflow the month (Go `time.Date` normalisation). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

export interface CivilDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

export const civilFromDays = (days: number): CivilDate => {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 }
}

/** 0 = Sunday, as Go's `time.Weekday`. 1970-01-01 was a Thursday. */
export const weekdayOfDays = (days: number): number => (((days + 4) % 7) + 7) % 7

export const daysInMonth = (year: number, month: number): number =>
  daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1)

/** Non-negative remainder, for wall clocks before 1970. */
export const mod = (a: number, m: number): number => ((a % m) + m) % m
