const formatters = new Map<string, Intl.DateTimeFormat | undefined>()

// Memoised per zone: building an Intl formatter costs far more than using one. Hidden state, same answers.
const formatterFor = (timeZone: string): Intl.DateTimeFormat | undefined => {
  if (formatters.has(timeZone)) return formatters.get(timeZone)
  let format: Intl.DateTimeFormat | undefined
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
  } catch {
    format = undefined
  }
  formatters.set(timeZone, format)
  return format
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')

/**
 * Go's `t.In(zone).Format(time.RFC3339)` for a whole-second instant: wall time in `timeZone` with its offset, and
 * `Z` whenever the offset is zero (Go prints `Z` for any zero offset, not only in UTC). An unknown zone falls back
 * to UTC; the controller stops on such a zone before it gets here.
 */
export const formatRfc3339InZone = (at: number, timeZone: string | undefined): string => {
  const second = Math.floor(at / 1000) * 1000
  const format = timeZone === undefined || timeZone === '' || timeZone === 'UTC' ? undefined : formatterFor(timeZone)
  const parts = new Map((format?.formatToParts(second) ?? []).map((p) => [p.type, p.value] as const))
  const field = (type: Intl.DateTimeFormatPartTypes, fallback: number): number => Number(parts.get(type) ?? fallback)
  const d = new Date(second)
  const year = field('year', d.getUTCFullYear())
  const month = field('month', d.getUTCMonth() + 1)
  const day = field('day', d.getUTCDate())
  const hour = field('hour', d.getUTCHours())
  const minute = field('minute', d.getUTCMinutes())
  const sec = field('second', d.getUTCSeconds())
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, sec) - second) / 60000)
  const offset = offsetMinutes === 0 ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(sec)}${offset}`
}
