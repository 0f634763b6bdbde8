import * as E from 'fp-ts/Either'
import { zoneOffsets } from './internal/zoneOffsets'

const TZ_NAME = /^[A-Za-z0-9._+\-/]+$/

/**
 * Whether the tz database holds `name` with exactly this spelling. Go reads zoneinfo files, so names are
 * case-sensitive; Intl is not, and it also resolves links (US/Eastern) to their targets. A name Intl resolves
 * to a different spelling of itself is a case mismatch; a link must at least start each part in upper case.
 */
const isKnownZone = (name: string): boolean => {
  if (!TZ_NAME.test(name) || zoneOffsets(name) === undefined) return false
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  if (resolved === name) return true
  if (resolved.toLowerCase() === name.toLowerCase()) return false
  return name.split('/').every((part) => /^[A-Z]/.test(part))
}

/**
 * Mirrors Go's `time.LoadLocation` as the CronJob controller and robfig/cron call it: `""` and `"UTC"` are UTC,
 * `"Local"` is the controller's own zone, anything else must be in the tz database. The error text is Go's.
 * Known gap: the tz database here is ICU's, which can differ from Go's zoneinfo for rare legacy names.
 */
export const loadLocation = (name: string): E.Either<string, string> => {
  if (name === '' || name === 'UTC') return E.right('UTC')
  if (name === 'Local') return E.right('Local')
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) return E.left('time: invalid location name')
  return isKnownZone(name) ? E.right(name) : E.left(`unknown time zone ${name}`)
}
