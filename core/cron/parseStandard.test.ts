import * as E from 'fp-ts/Either'
import { parseStandard } from './parseStandard'
import type { Schedule } from './schedule'

const ok = (expr: string): Schedule => {
  const parsed = parseStandard(expr)
  if (E.isLeft(parsed)) throw new Error(`${expr}: ${parsed.left.message}`)
  return parsed.right
}
const message = (expr: string): string | undefined => {
  const parsed = parseStandard(expr)
  return E.isLeft(parsed) ? parsed.left.message : undefined
}
const range = (from: number, to: number): ReadonlyArray<number> => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('parseStandard (robfig/cron v3 ParseStandard)', () => {
  // parser_test.go TestStandardSpecSchedule
  it('parses five fields with seconds fixed at 0', () => {
    expect(ok('5 * * * *')).toEqual({
      _tag: 'SpecSchedule',
      source: '5 * * * *',
      seconds: [0],
      minutes: [5],
      hours: range(0, 23),
      daysOfMonth: range(1, 31),
      months: range(1, 12),
      daysOfWeek: range(0, 6),
      daysOfMonthStar: true,
      daysOfWeekStar: true,
    })
  })

  // parser_test.go TestParseSchedule (standard-parser rows)
  it.each([
    ['@midnight', [0], [0], range(1, 31), true, range(0, 6), true],
    ['@daily', [0], [0], range(1, 31), true, range(0, 6), true],
    ['@hourly', [0], range(0, 23), range(1, 31), true, range(0, 6), true],
    ['@weekly', [0], [0], range(1, 31), true, [0], false],
    ['@monthly', [0], [0], [1], false, range(0, 6), true],
  ] as const)('descriptor %s', (expr, minutes, hours, doms, domStar, dows, dowStar) => {
    expect(ok(expr)).toMatchObject({ minutes, hours, daysOfMonth: doms, daysOfMonthStar: domStar, daysOfWeek: dows, daysOfWeekStar: dowStar })
  })

  it.each(['@yearly', '@annually'])('descriptor %s is 0 0 1 1 *', (expr) => {
    expect(ok(expr)).toMatchObject({ minutes: [0], hours: [0], daysOfMonth: [1], months: [1], daysOfMonthStar: false, daysOfWeekStar: true })
  })

  it.each([
    ['@every 5m', 300],
    ['@every 1h30m', 5400],
    ['@every 1.5h', 5400],
    ['@every 90s', 90],
    ['@every 1500ms', 1],
    ['@every 100ms', 1],
    ['@every 0', 1],
    ['@every -5m', 1],
    ['@every 2h0.5s', 7200],
    ['@every 1\u00b5s', 1],
  ] as const)('%s is a constant delay of %i s', (expr, delaySeconds) => {
    expect(ok(expr)).toEqual({ _tag: 'EverySchedule', source: expr, delaySeconds })
  })

  it('reads TZ= and CRON_TZ= prefixes as the schedule zone', () => {
    expect(ok('CRON_TZ=UTC  5 * * * *')).toMatchObject({ minutes: [5], location: 'UTC' })
    expect(ok('TZ=Asia/Tokyo 5 * * * *')).toMatchObject({ location: 'Asia/Tokyo' })
    expect(ok('TZ=America/New_York @daily')).toMatchObject({ hours: [0], location: 'America/New_York' })
    expect(ok('TZ= 5 * * * *')).toMatchObject({ location: 'UTC' })
    expect(ok('TZ=Local 5 * * * *')).not.toHaveProperty('location')
  })

  it('splits fields on any Unicode white space, as Go strings.Fields does', () => {
    expect(ok(' 5\t*\n* *\u00a0*  ')).toMatchObject({ minutes: [5] })
    // U+FEFF is white space to JavaScript but not to Go.
    expect(message('5 * * *\ufeff *')).toBe('failed to parse int from *\ufeff: strconv.Atoi: parsing "*\\ufeff": invalid syntax')
  })

  it('sets the star bit only for *, ? and */1 (alone or in a list)', () => {
    expect(ok('0 0 */1 * 1')).toMatchObject({ daysOfMonthStar: true, daysOfWeekStar: false })
    expect(ok('0 0 */2 * 1')).toMatchObject({ daysOfMonthStar: false, daysOfWeekStar: false })
    expect(ok('0 0 1-31 * ?')).toMatchObject({ daysOfMonthStar: false, daysOfWeekStar: true })
    expect(ok('0 0 5,* * 1')).toMatchObject({ daysOfMonthStar: true })
  })

  // parser_test.go TestParseScheduleErrors / spec_test.go TestErrors, plus the texts of cronjob.md §15.4.
  it.each([
    ['', 'empty spec string'],
    ['xyz', 'expected exactly 5 fields, found 1: [xyz]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 0 * * * *', 'expected exactly 5 fields, found 6: [0 0 * * * *]'],
    ['   ', 'expected exactly 5 fields, found 0: []'],
    [' @daily', 'expected exactly 5 fields, found 1: [@daily]'],
    ['60 0 * * *', 'end of range (60) above maximum (59): 60'],
    ['0 60 * * *', 'end of range (60) above maximum (23): 60'],
    ['0 0 * * XYZ', 'failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax'],
    ['5 j * * *', 'failed to parse int from j: strconv.Atoi: parsing "j": invalid syntax'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['0 0 15W * *', 'failed to parse int from 15W: strconv.Atoi: parsing "15W": invalid syntax'],
    ['0 0 * * 5L', 'failed to parse int from 5L: strconv.Atoi: parsing "5L": invalid syntax'],
    ['0 0 * * 1#2', 'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax'],
    ['H 0 * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['10-5 * * * *', 'beginning of range (10) beyond end of range (5): 10-5'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['0 0 * JANUARY *', 'failed to parse int from JANUARY: strconv.Atoi: parsing "JANUARY": invalid syntax'],
    ['0 0 jan * *', 'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax'],
    ['@unrecognized', 'unrecognized descriptor: @unrecognized'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['@minutely', 'unrecognized descriptor: @minutely'],
    ['@weekdays', 'unrecognized descriptor: @weekdays'],
    ['@daily ', 'unrecognized descriptor: @daily '],
    ['@every', 'unrecognized descriptor: @every'],
    ['@every Xm', 'failed to parse duration @every Xm: time: invalid duration "Xm"'],
    ['@every ', 'failed to parse duration @every : time: invalid duration ""'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5d', 'failed to parse duration @every 5d: time: unknown unit "d" in duration "5d"'],
    ['@every 1 h', 'failed to parse duration @every 1 h: time: unknown unit " h" in duration "1 h"'],
    ['@every 5\u00b5x', 'failed to parse duration @every 5\u00b5x: time: unknown unit "\\xc2\\xb5x" in duration "5\\xc2\\xb5x"'],
    ['@every 9999999999h', 'failed to parse duration @every 9999999999h: time: invalid duration "9999999999h"'],
    ['TZ=Nowhere/City * * * * *', 'provided bad location Nowhere/City: unknown time zone Nowhere/City'],
    ['TZ=a..b * * * * *', 'provided bad location a..b: time: invalid location name'],
    ['TZ=UTC', 'runtime error: slice bounds out of range [3:-1]'],
  ])('%j fails with robfig\'s text', (expr, text) => {
    expect(message(expr)).toBe(text)
  })

  it('reports the error as a kubectl field error too', () => {
    expect(parseStandard('0 0 * * 7')).toEqual(
      E.left({
        _tag: 'CronError',
        reason: 'Unparseable',
        schedule: '0 0 * * 7',
        message: 'end of range (7) above maximum (6): 7',
        fieldErrors: ['spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7'],
      }),
    )
  })
})
