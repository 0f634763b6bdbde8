import * as E from 'fp-ts/Either'
import { nextTimes } from './nextTimes'
import { parseSchedule } from './parseSchedule'
import type { Schedule } from './schedule'

const parse = (expr: string): Schedule => {
  const parsed = parseSchedule(expr)
  if (E.isLeft(parsed)) throw new Error(parsed.left.message)
  return parsed.right
}
const isoList = (times: ReadonlyArray<number>): ReadonlyArray<string> => times.map((t) => new Date(t).toISOString())

describe('nextTimes (kuberules cron next)', () => {
  it('chains nextAfter, five times by default, in UTC by default', () => {
    expect(isoList(nextTimes(parse('*/20 * * * *'), Date.parse('2024-01-01T00:05:00Z')))).toEqual([
      '2024-01-01T00:20:00.000Z', '2024-01-01T00:40:00.000Z', '2024-01-01T01:00:00.000Z', '2024-01-01T01:20:00.000Z', '2024-01-01T01:40:00.000Z',
    ])
  })

  it('follows the CronJob zone, daylight saving included', () => {
    expect(isoList(nextTimes(parse('30 2 * * *'), Date.parse('2024-03-09T00:00:00Z'), 'America/New_York', 3))).toEqual([
      '2024-03-09T07:30:00.000Z', '2024-03-11T06:30:00.000Z', '2024-03-12T06:30:00.000Z',
    ])
  })

  it('is empty for a schedule that never fires, and shorter when it stops firing', () => {
    expect(nextTimes(parse('0 0 31 2 *'), Date.parse('2024-03-09T00:00:00Z'))).toEqual([])
    expect(isoList(nextTimes(parse('0 0 29 2 *'), Date.parse('2092-03-01T00:00:00Z'), 'UTC', 3))).toEqual([
      '2096-02-29T00:00:00.000Z',
    ])
    expect(nextTimes(parse('@hourly'), 0, 'UTC', 0)).toEqual([])
  })
})
