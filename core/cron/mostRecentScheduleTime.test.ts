import * as E from 'fp-ts/Either'
import { mostRecentScheduleTime, type ScheduleInput, type ScheduleWindow } from './mostRecentScheduleTime'
import { parseStandard } from './parseStandard'
import type { Schedule } from './schedule'

// Ported from kubernetes pkg/controller/cronjob/utils_test.go (TestMostRecentScheduleTime).
const T = Date.parse('2016-05-19T10:00:00Z') // topOfTheHour(), a Thursday
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const schedule = (expr: string): Schedule => {
  const parsed = parseStandard(expr)
  if (E.isLeft(parsed)) throw new Error(parsed.left.message)
  return parsed.right
}

interface Row {
  readonly name: string
  readonly expr: string
  readonly creation: number
  readonly lst?: number
  readonly sds?: number
  readonly includeSDS?: boolean
  readonly now: number
  readonly expected: ScheduleWindow | 'error'
}

const rows: ReadonlyArray<Row> = [
  { name: 'now before next schedule', expr: '0 * * * *', creation: T, now: T + 30 * SECOND, expected: { earliest: T, mostRecent: undefined, missed: 'none' } },
  { name: 'now just after next schedule', expr: '0 * * * *', creation: T, now: T + 61 * MINUTE, expected: { earliest: T, mostRecent: T + 60 * MINUTE, missed: 'none' } },
  { name: 'missed 5 schedules', expr: '0 * * * *', creation: T + 10 * SECOND, now: T + 301 * MINUTE, expected: { earliest: T + 10 * SECOND, mostRecent: T + 300 * MINUTE, missed: 'few' } },
  { name: 'complex schedule', expr: '30 6-16/4 * * 1-5', creation: T, lst: T + 30 * MINUTE, now: T + DAY + 31 * MINUTE, expected: { earliest: T + 30 * MINUTE, mostRecent: T + DAY + 30 * MINUTE, missed: 'few' } },
  // QUIRK: the first gap (1 h) sets the step, the estimate overshoots, and Friday's runs are skipped.
  { name: 'another complex schedule', expr: '30 10,11,12 * * 1-5', creation: T, lst: T + 30 * MINUTE, now: T + 30 * HOUR + 30 * MINUTE, expected: { earliest: T + 30 * MINUTE, mostRecent: undefined, missed: 'few' } },
  { name: 'complex schedule with longer diff between executions', expr: '30 6-16/4 * * 1-5', creation: T, lst: T + 30 * MINUTE, now: T + 96 * HOUR + 31 * MINUTE, expected: { earliest: T + 30 * MINUTE, mostRecent: T + 96 * HOUR + 30 * MINUTE, missed: 'few' } },
  { name: 'complex schedule with shorter diff between executions', expr: '30 6-16/4 * * 1-5', creation: T, now: T + DAY + 31 * MINUTE, expected: { earliest: T, mostRecent: T + DAY + 30 * MINUTE, missed: 'few' } },
  { name: '@every schedule', expr: '@every 1h', creation: T - 59 * MINUTE, sds: 10, lst: T + MINUTE, now: T + 7 * DAY, expected: { earliest: T + MINUTE, mostRecent: T + 6 * DAY + 23 * HOUR + MINUTE, missed: 'many' } },
  { name: 'rogue cronjob', expr: '59 23 31 2 *', creation: T + 10 * SECOND, now: T + HOUR, expected: 'error' },
  { name: 'earliestTime being CreationTimestamp and LastScheduleTime', expr: '0 * * * *', creation: T, lst: T, now: T + 30 * SECOND, expected: { earliest: T, mostRecent: undefined, missed: 'none' } },
  { name: 'earliestTime being LastScheduleTime', expr: '*/5 * * * *', creation: T, lst: T + 30 * MINUTE, now: T + 31 * MINUTE, expected: { earliest: T + 30 * MINUTE, mostRecent: undefined, missed: 'none' } },
  { name: 'earliestTime being LastScheduleTime (within StartingDeadlineSeconds)', expr: '*/5 * * * *', creation: T, sds: 60, lst: T + 30 * MINUTE, now: T + 31 * MINUTE, expected: { earliest: T + 30 * MINUTE, mostRecent: undefined, missed: 'none' } },
  { name: 'earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)', expr: '*/5 * * * *', creation: T, sds: 60, includeSDS: true, lst: T + 30 * MINUTE, now: T + 32 * MINUTE, expected: { earliest: T + 31 * MINUTE, mostRecent: undefined, missed: 'none' } },
  // cronjob.md §3.3: n > 100 means at least 101 schedule times in the window.
  { name: 'hourly, 100 missed is few', expr: '0 * * * *', creation: T, lst: T, now: T + 100 * HOUR, expected: { earliest: T, mostRecent: T + 100 * HOUR, missed: 'few' } },
  { name: 'hourly, 101 missed is many', expr: '0 * * * *', creation: T, lst: T, now: T + 101 * HOUR, expected: { earliest: T, mostRecent: T + 101 * HOUR, missed: 'many' } },
  { name: 'a slot equal to now is due', expr: '0 * * * *', creation: T, now: T + HOUR, expected: { earliest: T, mostRecent: T + HOUR, missed: 'none' } },
  { name: 'a slot on the creation time is not', expr: '0 * * * *', creation: T, now: T, expected: { earliest: T, mostRecent: undefined, missed: 'none' } },
  { name: 'startingDeadlineSeconds 0 never finds a slot', expr: '* * * * *', creation: T, sds: 0, includeSDS: true, now: T + HOUR, expected: { earliest: T + HOUR, mostRecent: undefined, missed: 'none' } },
  { name: '@every with startingDeadlineSeconds below the delay never finds a slot', expr: '@every 1h', creation: T, sds: 600, includeSDS: true, now: T + 5 * HOUR, expected: { earliest: T + 5 * HOUR - 10 * MINUTE, mostRecent: undefined, missed: 'none' } },
]

const inputOf = (row: Row, timeZone?: string): ScheduleInput => ({
  schedule: schedule(row.expr),
  creationTimestamp: row.creation,
  lastScheduleTime: row.lst,
  startingDeadlineSeconds: row.sds,
  now: row.now,
  timeZone,
})

describe('mostRecentScheduleTime (kubernetes utils.go)', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_, row) => {
    const got = mostRecentScheduleTime(inputOf(row), row.includeSDS ?? false)
    if (row.expected === 'error') {
      expect(got).toEqual(E.left({ _tag: 'InvalidScheduleError', message: 'time difference between two schedules is less than 1 second' }))
    } else expect(got).toEqual(E.right(row.expected))
  })

  it('measures the first gap in absolute time, so a fall-back double run looks like an hourly schedule', () => {
    // QUIRK (kept): LST just before the 01:00 that New York sees twice. t1 and t2 are an hour apart, the
    // estimate for a week later lands on the latest 01:00 itself, and the walk (strictly after) finds nothing.
    const row: Row = {
      name: 'dst', expr: '0 1 * * *', creation: Date.parse('2024-10-01T00:00:00Z'), lst: Date.parse('2024-11-02T05:00:00Z'),
      now: Date.parse('2024-11-10T07:00:00Z'), expected: 'error',
    }
    expect(mostRecentScheduleTime(inputOf(row, 'America/New_York'), false)).toEqual(
      E.right({ earliest: Date.parse('2024-11-02T05:00:00Z'), mostRecent: undefined, missed: 'many' }),
    )
    expect(mostRecentScheduleTime(inputOf({ ...row, now: Date.parse('2024-11-03T06:30:00Z') }, 'America/New_York'), false)).toEqual(
      E.right({ earliest: Date.parse('2024-11-02T05:00:00Z'), mostRecent: Date.parse('2024-11-03T06:00:00Z'), missed: 'few' }),
    )
  })
})
