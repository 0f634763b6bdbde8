import * as E from 'fp-ts/Either'
import { invalidValue } from './internal/fieldError'
import { loadLocation } from './loadLocation'

const PART = /^[A-Za-z.\-_0-9+]{1,14}$/

const FIELD = 'spec.timeZone'

/**
 * Mirrors `validateTimeZone` in kubernetes pkg/apis/batch/validation: the IANA naming rules, the ban on
 * `Local`, and a tz-database lookup. Returns the field errors as kubectl prints them; empty means valid.
 * An absent zone (`undefined`) is valid: the controller then uses its default zone.
 */
export const validateTimeZone = (timeZone: string | undefined): ReadonlyArray<string> => {
  if (timeZone === undefined) return []
  if (timeZone === '') return [invalidValue(FIELD, timeZone, 'timeZone must be nil or non-empty string')]
  const badPart = timeZone
    .split('/')
    .some((part) => part === '.' || part === '..' || part.startsWith('-') || !PART.test(part))
  if (badPart) return [invalidValue(FIELD, timeZone, `unknown time zone ${timeZone}`)]
  const errors: Array<string> = []
  if (timeZone.toLowerCase() === 'local') {
    errors.push(invalidValue(FIELD, timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'))
  }
  const loaded = loadLocation(timeZone)
  if (E.isLeft(loaded)) errors.push(invalidValue(FIELD, timeZone, loaded.left))
  return errors
}

/** True when Kubernetes would accept `timeZone` as `spec.timeZone` (see {@link validateTimeZone}). */
export const isValidTimeZone = (timeZone: string | undefined): boolean => validateTimeZone(timeZone).length === 0
