/**
 * `duration.HumanDuration` of k8s.io/apimachinery, as kubectl prints AGE and DURATION columns:
 * seconds up to 2 minutes, then minutes and seconds, minutes, hours and minutes, hours, days
 * and hours, days, years and days, years.
 */
export const humanDuration = (ms: number): string => {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(minutes / 60)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365
    const years = Math.trunc(hours / 24 / 365)
    return days === 0 ? `${years}y` : `${years}y${days}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** `translateTimestampSince`: the age of an RFC 3339 timestamp at `now`, `<unknown>` without one. */
export const ageOf = (timestamp: unknown, now: number): string => {
  if (typeof timestamp !== 'string' || timestamp === '') return '<unknown>'
  const at = Date.parse(timestamp)
  return Number.isFinite(at) ? humanDuration(now - at) : '<unknown>'
}

/** Virtual time since the start of a run as `hh:mm:ss.mmm` (hours keep growing past 24). */
export const elapsed = (ms: number): string => {
  const total = Math.max(0, Math.round(ms))
  const h = Math.floor(total / 3_600_000)
  const m = Math.floor(total / 60_000) % 60
  const s = Math.floor(total / 1000) % 60
  const milli = total % 1000
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${two(h)}:${two(m)}:${two(s)}.${String(milli).padStart(3, '0')}`
}
