import * as E from 'fp-ts/Either'
import { parseStandard } from './parseStandard'
import type { Schedule } from './schedule'
import { nextScheduleTime } from './nextScheduleTime'
import { nextScheduleTimeDuration } from './nextScheduleTimeDuration'

// Ported from kubernetes pkg/controller/cronjob/utils_test.go (TestNextScheduleTime, TestNextScheduleTimeDuration).
const T1 = Date.parse('2016-05-19T10:00:00Z')
const T2 = T1 + 3_600_000
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const schedule = (expr: string): Schedule => {
  const parsed = parseStandard(expr)
  if (E.isLeft(parsed)) throw new Error(parsed.left.message)
  return parsed.right
}

describe('nextScheduleTime (kubernetes utils.go)', () => {
  const hourly = schedule('0 * * * ?')
  it.each([
    ['no known start times, and none needed yet', T1 - 10 * MINUTE, undefined, undefined, T1 - 7 * MINUTE, undefined],
    ['no known start times, and one needed', T1 - 10 * MINUTE, undefined, undefined, T1 + 2000, T1],
    ['known LastScheduleTime, no start needed', T1 - 10 * MINUTE, T1, undefined, T1 + 2 * MINUTE, undefined],
    ['known LastScheduleTime, a start needed', T1 - 10 * MINUTE, T1, undefined, T2 + 5 * MINUTE, T2],
    ['known LastScheduleTime, two starts needed', T1 - 2 * HOUR, T1 - HOUR, undefined, T2 + 5 * MINUTE, T2],
    ['now is way way ahead of last start time, and there is no deadline', T1 - 2 * HOUR, T1 - HOUR, undefined, T2 + 10 * DAY, T2 + 10 * DAY],
    ['now is way way ahead of last start time, but there is a short deadline', T1 - 2 * HOUR, T1 - HOUR, 2 * 3600, T2 + 10 * DAY, T2 + 10 * DAY],
  ] as const)('%s', (_, creationTimestamp, lastScheduleTime, startingDeadlineSeconds, now, expected) => {
    const got = nextScheduleTime({ schedule: hourly, creationTimestamp, lastScheduleTime, startingDeadlineSeconds, now })
    expect(got).toEqual(
      E.right(expected === undefined ? { _tag: 'NothingDue' } : { _tag: 'Due', scheduledTime: expected, tooManyMissed: expect.any(Boolean) }),
    )
  })

  it('flags too many missed start times, yet still returns the most recent one', () => {
    expect(nextScheduleTime({ schedule: hourly, creationTimestamp: T1 - 2 * HOUR, lastScheduleTime: T1 - HOUR, now: T2 + 10 * DAY })).toEqual(
      E.right({ _tag: 'Due', scheduledTime: T2 + 10 * DAY, tooManyMissed: true }),
    )
    // A deadline shrinks the counting window, which is why setting one silences the warning.
    expect(
      nextScheduleTime({ schedule: hourly, creationTimestamp: T1 - 2 * HOUR, lastScheduleTime: T1 - HOUR, startingDeadlineSeconds: 7200, now: T2 + 10 * DAY }),
    ).toEqual(E.right({ _tag: 'Due', scheduledTime: T2 + 10 * DAY, tooManyMissed: false }))
  })

  it('ensures the error from mostRecentScheduleTime gets populated up', () => {
    expect(nextScheduleTime({ schedule: schedule('59 23 31 2 *'), creationTimestamp: T1 + 10_000, now: T1 + HOUR })).toEqual(
      E.left({ _tag: 'InvalidScheduleError', message: 'time difference between two schedules is less than 1 second' }),
    )
  })
})

describe('nextScheduleTimeDuration (kubernetes utils.go)', () => {
  it.each([
    ['complex schedule skipping weekend', '30 6-16/4 * * 1-5', T1 + 30 * MINUTE, T1 + DAY + 31 * MINUTE, 3 * HOUR + 59 * MINUTE + 100],
    ['another complex schedule skipping weekend', '30 10,11,12 * * 1-5', T1 + 30 * MINUTE, T1 + 30 * HOUR + 30 * MINUTE, 66 * HOUR + 100],
    ['once a week cronjob, missed two runs', '0 12 * * 4', T1 + 2 * HOUR, T1 + 19 * DAY + HOUR + 30 * MINUTE, 48 * HOUR + 30 * MINUTE + 100],
    ['no previous run of a cronjob', '0 12 * * 5', undefined, T1 + 6 * HOUR, 20 * HOUR + 100],
  ] as const)('%s', (_, expr, lastScheduleTime, now, expected) => {
    expect(nextScheduleTimeDuration({ schedule: schedule(expr), creationTimestamp: T1, lastScheduleTime, now })).toBe(expected)
  })

  it('ignores startingDeadlineSeconds and wakes on the next slot after a skipped one', () => {
    expect(
      nextScheduleTimeDuration({ schedule: schedule('*/5 * * * *'), creationTimestamp: T1, lastScheduleTime: T1 + 30 * MINUTE, startingDeadlineSeconds: 60, now: T1 + 37 * MINUTE }),
    ).toBe(3 * MINUTE + 100)
  })

  it('uses now as the base after an error, and is undefined for a schedule that never fires', () => {
    expect(nextScheduleTimeDuration({ schedule: schedule('59 23 31 2 *'), creationTimestamp: T1, now: T1 + HOUR })).toBeUndefined()
  })

  it('counts in the CronJob time zone', () => {
    expect(
      nextScheduleTimeDuration({ schedule: schedule('30 2 * * *'), timeZone: 'America/New_York', creationTimestamp: Date.parse('2024-03-09T07:30:00Z'), now: Date.parse('2024-03-09T08:00:00Z') }),
    ).toBe(Date.parse('2024-03-11T06:30:00Z') + 100 - Date.parse('2024-03-09T08:00:00Z'))
  })
})
