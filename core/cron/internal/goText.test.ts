import * as E from 'fp-ts/Either'
import { goAtoi } from './goAtoi'
import { goFields, goQuote, goTimeQuote, goTrimSpace } from './goText'

describe('Go text helpers', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('0 0 * * 7')).toBe('"0 0 * * 7"')
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(goQuote('\t\n\u0007\u0000\u007f')).toBe('"\\t\\n\\a\\x00\\x7f"')
    expect(goQuote('caf\u00e9 \u00a0 \ufeff \u{1F600}')).toBe('"caf\u00e9 \\u00a0 \\ufeff \u{1F600}"')
  })

  it('quotes like the time package', () => {
    expect(goTimeQuote('5\u00b5x')).toBe('"5\\xc2\\xb5x"')
    expect(goTimeQuote('a"b')).toBe('"a\\"b"')
  })

  it('splits and trims on Go white space only', () => {
    expect(goFields('\u0085a\u3000b\u2028c  ')).toEqual(['a', 'b', 'c'])
    expect(goFields('a\ufeffb')).toEqual(['a\ufeffb'])
    expect(goTrimSpace(' \t x y \n')).toBe('x y')
  })

  it('parses integers like strconv.Atoi', () => {
    expect(goAtoi('42')).toEqual(E.right(42n))
    expect(goAtoi('+007')).toEqual(E.right(7n))
    expect(goAtoi('-0')).toEqual(E.right(0n))
    expect(goAtoi('-9223372036854775808')).toEqual(E.right(-9223372036854775808n))
    expect(goAtoi('')).toEqual(E.left('strconv.Atoi: parsing "": invalid syntax'))
    expect(goAtoi('+')).toEqual(E.left('strconv.Atoi: parsing "+": invalid syntax'))
    expect(goAtoi('1_000')).toEqual(E.left('strconv.Atoi: parsing "1_000": invalid syntax'))
    expect(goAtoi('9223372036854775808')).toEqual(E.left('strconv.Atoi: parsing "9223372036854775808": value out of range'))
    expect(goAtoi('-9223372036854775809')).toEqual(E.left('strconv.Atoi: parsing "-9223372036854775809": value out of range'))
    // The first problem from the left wins: the overflow comes before the stray letter.
    expect(goAtoi('99999999999999999999x')).toEqual(E.left('strconv.Atoi: parsing "99999999999999999999x": value out of range'))
    expect(goAtoi('9999999999999999x9999')).toEqual(E.left('strconv.Atoi: parsing "9999999999999999x9999": invalid syntax'))
  })
})
