import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { mostRecentScheduleTime, type InvalidScheduleError, type ScheduleInput } from './mostRecentScheduleTime'

/** The answer to "is a Job due now?". `tooManyMissed` asks for the `TooManyMissedTimes` warning event. */
export type NextSchedule =
  | { readonly _tag: 'NothingDue' }
  | { readonly _tag: 'Due'; readonly scheduledTime: number; readonly tooManyMissed: boolean }

/** Text of the Warning event `TooManyMissedTimes` that accompanies `tooManyMissed`. */
export const TOO_MANY_MISSED_MESSAGE =
  'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew'

/**
 * Mirrors `nextScheduleTime` in kubernetes pkg/controller/cronjob/utils.go: the most recent unmet schedule
 * time in (earliest, now], with `startingDeadlineSeconds` narrowing the window. The event upstream records
 * is returned as the `tooManyMissed` flag; the error means the schedule never fires (`InvalidSchedule`).
 */
export const nextScheduleTime = (input: ScheduleInput): E.Either<InvalidScheduleError, NextSchedule> =>
  pipe(
    mostRecentScheduleTime(input, true),
    E.map(({ mostRecent, missed }): NextSchedule =>
      mostRecent === undefined || mostRecent > input.now
        ? { _tag: 'NothingDue' }
        : { _tag: 'Due', scheduledTime: mostRecent, tooManyMissed: missed === 'many' },
    ),
  )
