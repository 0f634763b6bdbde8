import * as E from 'fp-ts/Either'
import { DAYS_OF_WEEK, MONTHS, parseField, type Bounds } from './parseField'

// Ported from robfig/cron v3 parser_test.go (TestRange, TestField, TestAll, TestBits); bit masks become value lists.
const bounds = (min: number, max: number): Bounds => ({ min, max })

describe('parseField (robfig getRange/getField)', () => {
  it.each([
    ['5', 0, 7, [5], false],
    ['0', 0, 7, [0], false],
    ['7', 0, 7, [7], false],
    ['5-5', 0, 7, [5], false],
    ['5-6', 0, 7, [5, 6], false],
    ['5-7', 0, 7, [5, 6, 7], false],
    ['5-6/2', 0, 7, [5], false],
    ['5-7/2', 0, 7, [5, 7], false],
    ['5-7/1', 0, 7, [5, 6, 7], false],
    ['*', 1, 3, [1, 2, 3], true],
    ['*/2', 1, 3, [1, 3], false],
    ['*/1', 1, 3, [1, 2, 3], true],
    ['?', 1, 3, [1, 2, 3], true],
    ['5,6', 1, 7, [5, 6], false],
    ['5,6,7', 1, 7, [5, 6, 7], false],
    ['1,5-7/2,3', 1, 7, [1, 3, 5, 7], false],
    ['1,,2', 0, 7, [1, 2], false],
    ['3,*', 1, 3, [1, 2, 3], true],
    ['2/3', 0, 7, [2, 5], false],
    ['+5', 0, 7, [5], false],
    ['05', 0, 7, [5], false],
    ['*-5', 0, 7, [0, 1, 2, 3, 4, 5, 6, 7], true],
    ['1-3/99', 0, 7, [1], false],
  ] as const)('%s in %i-%i', (expr, min, max, values, star) => {
    expect(parseField(expr, bounds(min, max))).toEqual(E.right({ values, star }))
  })

  it.each([
    ['5--5', 0, 0, 'too many hyphens: 5--5'],
    ['jan-x', 0, 0, 'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax'],
    ['2-x', 1, 5, 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['*/-12', 0, 0, 'negative number (-12) not allowed: -12'],
    ['*//2', 0, 0, 'too many slashes: *//2'],
    ['1', 3, 5, 'beginning of range (1) below minimum (3): 1'],
    ['6', 3, 5, 'end of range (6) above maximum (5): 6'],
    ['5-3', 3, 5, 'beginning of range (5) beyond end of range (3): 5-3'],
    ['*/0', 0, 0, 'step of range should be a positive number: */0'],
    ['-5', 0, 7, 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['1/', 0, 7, 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['L', 1, 31, 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['15W', 1, 31, 'failed to parse int from 15W: strconv.Atoi: parsing "15W": invalid syntax'],
    ['99999999999999999999', 0, 59, 'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['9223372036854775807', 0, 59, 'end of range (9223372036854775807) above maximum (59): 9223372036854775807'],
  ] as const)('%s in %i-%i fails', (expr, min, max, message) => {
    expect(parseField(expr, bounds(min, max))).toEqual(E.left(message))
  })

  it('reads month and weekday names as whole, case-insensitive tokens', () => {
    expect(parseField('JAN-mar,Dec', MONTHS)).toEqual(E.right({ values: [1, 2, 3, 12], star: false }))
    expect(parseField('mon-FRI', DAYS_OF_WEEK)).toEqual(E.right({ values: [1, 2, 3, 4, 5], star: false }))
    expect(parseField('sun/2', DAYS_OF_WEEK)).toEqual(E.right({ values: [0, 2, 4, 6], star: false }))
    expect(parseField('January', MONTHS)).toEqual(E.left('failed to parse int from January: strconv.Atoi: parsing "January": invalid syntax'))
  })

  it('rejects day-of-week 7 and the # extension', () => {
    expect(parseField('7', DAYS_OF_WEEK)).toEqual(E.left('end of range (7) above maximum (6): 7'))
    expect(parseField('5-7', DAYS_OF_WEEK)).toEqual(E.left('end of range (7) above maximum (6): 5-7'))
    expect(parseField('1#2', DAYS_OF_WEEK)).toEqual(E.left('failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax'))
  })
})
