import * as E from 'fp-ts/Either'
import { SECONDS, parseField } from './internal/parseField'
import { nextAfter } from './nextAfter'
import { parseStandard } from './parseStandard'
import type { Schedule } from './schedule'

const at = (iso: string): number => Date.parse(iso)
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'))

const parse = (expr: string): Schedule => {
  const parsed = parseStandard(expr)
  if (E.isLeft(parsed)) throw new Error(`${expr}: ${parsed.left.message}`)
  return parsed.right
}

/** robfig's own tests use a six-field parser (seconds first); build that from the five-field one. */
const parseWithSeconds = (expr: string): Schedule => {
  const prefix = /^(?:CRON_)?TZ=\S+\s+/.exec(expr)?.[0] ?? ''
  const [secondsField = '', ...rest] = expr.slice(prefix.length).trim().split(/\s+/)
  const schedule = parse(prefix + rest.join(' '))
  const seconds = parseField(secondsField, SECONDS)
  if (schedule._tag !== 'SpecSchedule' || E.isLeft(seconds)) throw new Error(expr)
  return { ...schedule, seconds: seconds.right.values }
}

describe('nextAfter: robfig/cron v3 spec_test.go', () => {
  // TestActivation: Next(t - 1s) == t exactly when the schedule fires at t. Times are UTC here.
  it.each([
    ['2012-07-09T15:00:00Z', '0/15 * * * *', true],
    ['2012-07-09T15:45:00Z', '0/15 * * * *', true],
    ['2012-07-09T15:40:00Z', '0/15 * * * *', false],
    ['2012-07-09T15:05:00Z', '5/15 * * * *', true],
    ['2012-07-09T15:20:00Z', '5/15 * * * *', true],
    ['2012-07-09T15:50:00Z', '5/15 * * * *', true],
    ['2012-07-15T15:00:00Z', '0/15 * * Jul *', true],
    ['2012-07-15T15:00:00Z', '0/15 * * Jun *', false],
    ['2012-07-15T08:30:00Z', '30 08 ? Jul Sun', true],
    ['2012-07-15T08:30:00Z', '30 08 15 Jul ?', true],
    ['2012-07-16T08:30:00Z', '30 08 ? Jul Sun', false],
    ['2012-07-16T08:30:00Z', '30 08 15 Jul ?', false],
    ['2012-07-09T15:00:00Z', '@hourly', true],
    ['2012-07-09T15:04:00Z', '@hourly', false],
    ['2012-07-09T15:00:00Z', '@daily', false],
    ['2012-07-09T00:00:00Z', '@daily', true],
    ['2012-07-09T00:00:00Z', '@weekly', false],
    ['2012-07-08T00:00:00Z', '@weekly', true],
    ['2012-07-08T01:00:00Z', '@weekly', false],
    ['2012-07-08T00:00:00Z', '@monthly', false],
    ['2012-07-01T00:00:00Z', '@monthly', true],
    // Both day fields restricted: either may match.
    ['2012-07-15T00:00:00Z', '* * 1,15 * Sun', true],
    ['2012-06-15T00:00:00Z', '* * 1,15 * Sun', true],
    ['2012-08-01T00:00:00Z', '* * 1,15 * Sun', true],
    ['2012-07-15T00:00:00Z', '* * */10 * Sun', true],
    // One has a star: both must match.
    ['2012-07-15T00:00:00Z', '* * * * Mon', false],
    ['2012-07-09T00:00:00Z', '* * 1,15 * *', false],
    ['2012-07-15T00:00:00Z', '* * 1,15 * *', true],
    ['2012-07-15T00:00:00Z', '* * */2 * Sun', true],
  ] as const)('%s %j fires: %s', (time, expr, fires) => {
    expect(nextAfter(parse(expr), at(time) - 1000) === at(time)).toBe(fires)
  })

  // TestNext (six-field rows; zone-less times read as UTC).
  it.each([
    ['2012-07-09T14:45:00Z', '0 0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:00Z', '0 0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:59Z', '0 0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T15:45:00Z', '0 20-35/15 * * * *', '2012-07-09T16:20:00Z'],
    ['2012-07-09T23:46:00Z', '0 */15 * * * *', '2012-07-10T00:00:00Z'],
    ['2012-07-09T23:45:00Z', '0 20-35/15 * * * *', '2012-07-10T00:20:00Z'],
    ['2012-07-09T23:35:51Z', '15/35 20-35/15 * * * *', '2012-07-10T00:20:15Z'],
    ['2012-07-09T23:35:51Z', '15/35 20-35/15 1/2 * * *', '2012-07-10T01:20:15Z'],
    ['2012-07-09T23:35:51Z', '15/35 20-35/15 10-12 * * *', '2012-07-10T10:20:15Z'],
    ['2012-07-09T23:35:51Z', '15/35 20-35/15 1/2 */2 * *', '2012-07-11T01:20:15Z'],
    ['2012-07-09T23:35:51Z', '15/35 20-35/15 * 9-20 * *', '2012-07-10T00:20:15Z'],
    ['2012-07-09T23:35:51Z', '15/35 20-35/15 * 9-20 Jul *', '2012-07-10T00:20:15Z'],
    ['2012-07-09T23:35:00Z', '0 0 0 9 Apr-Oct ?', '2012-08-09T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 0 */5 Apr,Aug,Oct Mon', '2012-08-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 0 */5 Oct Mon', '2012-10-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 0 * Feb Mon', '2013-02-04T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 0 * Feb Mon/2', '2013-02-01T00:00:00Z'],
    ['2012-12-31T23:59:45Z', '0 * * * * *', '2013-01-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 0 29 Feb ?', '2016-02-29T00:00:00Z'],
    // Daylight saving, 2 am EST (-5) -> 3 am EDT (-4): the 02:30 of that day does not exist.
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 0 30 2 11 Mar ?', '2013-03-11T06:30:00Z'],
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 0 0 * * * ?', '2012-03-11T06:00:00Z'],
    ['2012-03-11T06:00:00Z', 'TZ=America/New_York 0 0 * * * ?', '2012-03-11T07:00:00Z'],
    ['2012-03-11T07:00:00Z', 'TZ=America/New_York 0 0 * * * ?', '2012-03-11T08:00:00Z'],
    ['2012-03-11T08:00:00Z', 'TZ=America/New_York 0 0 * * * ?', '2012-03-11T09:00:00Z'],
    ['2012-03-11T05:00:00Z', 'CRON_TZ=America/New_York 0 0 * * * ?', '2012-03-11T06:00:00Z'],
    ['2012-03-11T06:00:00Z', 'CRON_TZ=America/New_York 0 0 * * * ?', '2012-03-11T07:00:00Z'],
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 0 0 1 * * ?', '2012-03-11T06:00:00Z'],
    ['2012-03-11T06:00:00Z', 'TZ=America/New_York 0 0 1 * * ?', '2012-03-12T05:00:00Z'],
    ['2012-03-11T05:00:00Z', 'TZ=America/New_York 0 0 2 * * ?', '2012-03-12T06:00:00Z'], // skipped
    // 2 am EDT (-4) -> 1 am EST (-5): the 01:xx of that day happens twice.
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 30 2 04 Nov ?', '2012-11-04T07:30:00Z'],
    ['2012-11-04T05:45:00Z', 'TZ=America/New_York 0 30 1 04 Nov ?', '2012-11-04T06:30:00Z'],
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 0 * * * ?', '2012-11-04T05:00:00Z'],
    ['2012-11-04T05:00:00Z', 'TZ=America/New_York 0 0 * * * ?', '2012-11-04T06:00:00Z'],
    ['2012-11-04T06:00:00Z', 'TZ=America/New_York 0 0 * * * ?', '2012-11-04T07:00:00Z'],
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 0 1 * * ?', '2012-11-04T05:00:00Z'], // runs twice
    ['2012-11-04T05:00:00Z', 'TZ=America/New_York 0 0 1 * * ?', '2012-11-04T06:00:00Z'],
    ['2012-11-04T06:00:00Z', 'TZ=America/New_York 0 0 1 * * ?', '2012-11-05T06:00:00Z'],
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 0 2 * * ?', '2012-11-04T07:00:00Z'],
    ['2012-11-04T07:00:00Z', 'TZ=America/New_York 0 0 2 * * ?', '2012-11-05T07:00:00Z'],
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 0 3 * * ?', '2012-11-04T08:00:00Z'],
    ['2012-11-04T08:00:00Z', 'TZ=America/New_York 0 0 3 * * ?', '2012-11-05T08:00:00Z'],
    ['2012-11-04T04:00:00Z', 'TZ=America/New_York 0 0 3 3 * ?', '2012-12-03T08:00:00Z'],
    // robfig/cron#157: DST where midnight does not exist.
    ['2018-10-17T09:00:00Z', 'TZ=America/Sao_Paulo 0 0 9 10 * ?', '2018-11-10T11:00:00Z'],
    ['2018-02-14T10:00:00Z', 'TZ=America/Sao_Paulo 0 0 9 22 * ?', '2018-02-22T12:00:00Z'],
    // Unsatisfiable: the zero time.
    ['2012-07-09T23:35:00Z', '0 0 0 30 Feb ?', undefined],
    ['2012-07-09T23:35:00Z', '0 0 0 31 Apr ?', undefined],
  ] as const)('%s %j -> %s', (from, expr, expected) => {
    expect(iso(nextAfter(parseWithSeconds(expr), at(from)))).toBe(expected)
  })

  // The rows without TZ= in the schedule take the zone of the reference time; here that is the argument.
  it.each([
    ['2012-11-04T04:00:00Z', '0 * * * ?', ['2012-11-04T05:00:00Z', '2012-11-04T06:00:00Z', '2012-11-04T07:00:00Z']],
    ['2012-11-04T04:00:00Z', '0 1 * * ?', ['2012-11-04T05:00:00Z', '2012-11-04T06:00:00Z', '2012-11-05T06:00:00Z']],
  ] as const)('zone from the caller: %s %j', (from, expr, expected) => {
    const schedule = parse(expr)
    const times: Array<string | undefined> = []
    for (let t: number | undefined = at(from); times.length < expected.length && t !== undefined; ) {
      t = nextAfter(schedule, t, 'America/New_York')
      times.push(iso(t))
    }
    expect(times).toEqual(expected)
  })
})

describe('nextAfter: Kubernetes dialect details', () => {
  const next = (expr: string, from: string, tz?: string): string | undefined => iso(nextAfter(parse(expr), at(from), tz))

  it('is strictly after the reference and drops its sub-second part', () => {
    expect(next('0 * * * *', '2024-01-01T10:00:00Z')).toBe('2024-01-01T11:00:00Z')
    expect(next('0 * * * *', '2024-01-01T09:59:59.999Z')).toBe('2024-01-01T10:00:00Z')
    expect(next('@every 1h', '2024-01-01T10:00:00.750Z')).toBe('2024-01-01T11:00:00Z')
    expect(next('@every 90s', '2024-01-01T10:00:07Z', 'Asia/Tokyo')).toBe('2024-01-01T10:01:37Z')
  })

  it('applies the star rule: AND if either day field is starred, else OR', () => {
    expect(next('0 0 13 * 5', '2024-09-01T00:00:00Z')).toBe('2024-09-06T00:00:00Z') // Friday before the 13th
    expect(next('0 0 1-31 * 1', '2024-09-03T00:00:00Z')).toBe('2024-09-04T00:00:00Z') // any day
    expect(next('0 0 */1 * 1', '2024-09-03T00:00:00Z')).toBe('2024-09-09T00:00:00Z') // Mondays only
    expect(next('0 0 */2 * 1', '2024-09-03T00:00:00Z')).toBe('2024-09-05T00:00:00Z') // odd days or Mondays
    expect(next('0 0 ? * 1', '2024-09-03T00:00:00Z')).toBe('2024-09-09T00:00:00Z')
  })

  it('gives up after the year five years on, as robfig does', () => {
    expect(next('0 0 31 2 *', '2024-03-09T00:00:00Z')).toBeUndefined()
    expect(next('59 23 31 2 *', '2016-05-19T10:00:10Z')).toBeUndefined()
    expect(next('0 0 29 2 *', '2095-03-01T00:00:00Z')).toBe('2096-02-29T00:00:00Z')
    // 2100 is not a leap year and 2104 is past the limit (2097 + 5).
    expect(next('0 0 29 2 *', '2097-01-01T00:00:00Z')).toBeUndefined()
    expect(next('0 0 29 2 *', '2098-03-01T00:00:00Z')).toBeUndefined()
    expect(next('0 0 29 2 *', '2099-03-01T00:00:00Z')).toBe('2104-02-29T00:00:00Z')
  })

  it('lets a TZ= prefix override the zone argument', () => {
    expect(next('TZ=Asia/Tokyo 0 9 * * *', '2024-01-01T00:00:00Z', 'America/New_York')).toBe('2024-01-02T00:00:00Z')
    expect(next('0 9 * * *', '2024-01-01T00:00:00Z', 'America/New_York')).toBe('2024-01-01T14:00:00Z')
  })

  it('answers undefined for a zone Intl does not know', () => {
    expect(next('0 9 * * *', '2024-01-01T00:00:00Z', 'Mars/Olympus_Mons')).toBeUndefined()
    expect(nextAfter(parse('0 9 * * *'), Number.NaN)).toBeUndefined()
    expect(nextAfter(parse('0 9 * * *'), 8.64e15, 'Europe/Berlin')).toBeUndefined()
  })
})

describe('nextAfter: daylight saving as the CronJob controller sees it', () => {
  const series = (expr: string, from: string, tz: string, n: number): ReadonlyArray<string | undefined> => {
    const schedule = parse(expr)
    const out: Array<string | undefined> = []
    let t: number | undefined = at(from)
    while (out.length < n && t !== undefined) {
      t = nextAfter(schedule, t, tz)
      out.push(iso(t))
    }
    return out
  }

  it('America/New_York: a slot in the spring-forward gap is skipped that day', () => {
    expect(series('30 2 * * *', '2024-03-09T00:00:00Z', 'America/New_York', 3)).toEqual([
      '2024-03-09T07:30:00Z', '2024-03-11T06:30:00Z', '2024-03-12T06:30:00Z',
    ])
  })

  it('America/New_York: a slot in the fall-back hour fires twice (kubernetes#121594)', () => {
    expect(series('30 1 * * *', '2024-11-02T12:00:00Z', 'America/New_York', 3)).toEqual([
      '2024-11-03T05:30:00Z', '2024-11-03T06:30:00Z', '2024-11-04T06:30:00Z',
    ])
    expect(series('0 * * * *', '2024-11-03T04:30:00Z', 'America/New_York', 3)).toEqual([
      '2024-11-03T05:00:00Z', '2024-11-03T06:00:00Z', '2024-11-03T07:00:00Z',
    ])
  })

  it('Europe/Berlin: skipped in spring, twice in autumn', () => {
    expect(series('30 2 * * *', '2024-03-30T01:30:00Z', 'Europe/Berlin', 2)).toEqual(['2024-04-01T00:30:00Z', '2024-04-02T00:30:00Z'])
    expect(series('30 2 * * *', '2024-10-26T00:30:00Z', 'Europe/Berlin', 3)).toEqual([
      '2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z', '2024-10-28T01:30:00Z',
    ])
    expect(series('0 3 * * *', '2024-03-30T02:00:00Z', 'Europe/Berlin', 2)).toEqual(['2024-03-31T01:00:00Z', '2024-04-01T01:00:00Z'])
  })

  // Lord Howe shifts by 30 minutes: 02:00 -> 02:30 (+10:30 -> +11) in October, 02:00 -> 01:30 in April.
  it('Australia/Lord_Howe, spring forward: 02:00 is skipped, 02:30 still exists', () => {
    expect(series('0 2 * * *', '2024-10-04T15:00:00Z', 'Australia/Lord_Howe', 3)).toEqual([
      '2024-10-04T15:30:00Z', '2024-10-06T15:00:00Z', '2024-10-07T15:00:00Z',
    ])
    expect(series('30 2 * * *', '2024-10-05T00:00:00Z', 'Australia/Lord_Howe', 2)).toEqual(['2024-10-05T15:30:00Z', '2024-10-06T15:30:00Z'])
    expect(series('*/30 * * * *', '2024-10-05T14:00:00Z', 'Australia/Lord_Howe', 4)).toEqual([
      '2024-10-05T14:30:00Z', '2024-10-05T15:00:00Z', '2024-10-05T15:30:00Z', '2024-10-05T16:00:00Z',
    ])
  })

  it('Australia/Lord_Howe, fall back: 01:30 fires twice, and robfig steps over 02:00 that day', () => {
    expect(series('30 1 * * *', '2024-04-05T00:00:00Z', 'Australia/Lord_Howe', 4)).toEqual([
      '2024-04-05T14:30:00Z', '2024-04-06T14:30:00Z', '2024-04-06T15:00:00Z', '2024-04-07T15:00:00Z',
    ])
    // robfig's hour loop adds absolute hours: 01:00 (+11) + 1 h = 01:30 (+10:30), + 1 h = 02:30, so the
    // minute loop starts at :30 and 02:00 (+10:30) on 2024-04-07 never matches.
    expect(series('0 2 * * *', '2024-04-05T00:00:00Z', 'Australia/Lord_Howe', 2)).toEqual(['2024-04-05T15:00:00Z', '2024-04-07T15:30:00Z'])
    expect(series('0 * * * *', '2024-04-06T13:30:00Z', 'Australia/Lord_Howe', 3)).toEqual([
      '2024-04-06T14:00:00Z', '2024-04-06T15:30:00Z', '2024-04-06T16:30:00Z',
    ])
  })

  it('Pacific/Apia: gives up where robfig would loop forever on the missing 2011-12-30', () => {
    expect(series('0 0 * * *', '2011-12-28T00:00:00Z', 'Pacific/Apia', 3)).toEqual([
      '2011-12-28T10:00:00Z', '2011-12-29T10:00:00Z', '2011-12-30T10:00:00Z',
    ])
    expect(next30Dec()).toBeUndefined()
  })
})

const next30Dec = (): number | undefined => nextAfter(parse('0 0 30 12 *'), at('2011-12-01T00:00:00Z'), 'Pacific/Apia')
