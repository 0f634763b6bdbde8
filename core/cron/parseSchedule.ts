import * as E from 'fp-ts/Either'
import { cronError, type CronError } from './cronError'
import { invalidValue, requiredValue } from './internal/fieldError'
import { parseStandard } from './parseStandard'
import type { Schedule } from './schedule'

const FIELD = 'spec.schedule'
const TZ_IN_SCHEDULE = 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'

/**
 * Parses `expression` as Kubernetes accepts a new CronJob's `spec.schedule`: mirrors `validateScheduleFormat`
 * in kubernetes pkg/apis/batch/validation on the create path (robfig `ParseStandard`, then no `TZ` anywhere).
 * On failure every field error is listed in upstream order, with Kubernetes' and robfig's exact texts.
 */
export const parseSchedule = (expression: string): E.Either<CronError, Schedule> => {
  if (expression.length === 0) return E.left(cronError('Required', expression, 'Required value', [requiredValue(FIELD)]))
  const parsed = parseStandard(expression)
  if (!expression.includes('TZ')) return parsed
  const tzError = invalidValue(FIELD, expression, TZ_IN_SCHEDULE)
  // Deviation: a `TZ=` prefix with no space makes robfig panic and the API server answer 500; report only
  // the TZ rule there, since that is what the user has to fix.
  const robfigPanics = /^(CRON_)?TZ=/.test(expression) && !expression.includes(' ')
  if (E.isLeft(parsed) && !robfigPanics) {
    return E.left({ ...parsed.left, fieldErrors: [...parsed.left.fieldErrors, tzError] })
  }
  return E.left(cronError('TimeZoneInSchedule', expression, TZ_IN_SCHEDULE, [tzError]))
}
