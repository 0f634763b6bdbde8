import * as E from 'fp-ts/Either'
import { goTimeQuote } from './goText'

const NANOS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // micro sign
  ['\u03bcs', 1_000n], // Greek mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
])

const LIMIT = 1n << 63n
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/**
 * Go's `time.ParseDuration`, returning nanoseconds or Go's error text. A sequence of decimal numbers, each
 * with an optional fraction and a unit (`1h30m`, `1.5h`, `-90s`); `"0"` needs no unit.
 */
export const parseGoDuration = (orig: string): E.Either<string, bigint> => {
  const invalid = E.left(`time: invalid duration ${goTimeQuote(orig)}`)
  let s = orig
  const negative = s.startsWith('-')
  if (negative || s.startsWith('+')) s = s.slice(1)
  if (s === '0') return E.right(0n)
  if (s === '') return invalid
  let total = 0n
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid
    let i = 0
    let whole = 0n
    while (isDigit(s[i])) {
      if (whole > LIMIT / 10n) return invalid
      whole = whole * 10n + BigInt(Number(s[i]))
      if (whole > LIMIT) return invalid
      i++
    }
    const hadWhole = i > 0
    let fraction = 0n
    let scale = 1
    let hadFraction = false
    if (s[i] === '.') {
      i++
      const fractionStart = i
      let overflow = false
      while (isDigit(s[i])) {
        // Like Go, stop accumulating precision once the fraction no longer fits.
        if (!overflow) {
          const next = fraction * 10n + BigInt(Number(s[i]))
          if (fraction > (LIMIT - 1n) / 10n || next > LIMIT) overflow = true
          else {
            fraction = next
            scale *= 10
          }
        }
        i++
      }
      hadFraction = i > fractionStart
    }
    if (!hadWhole && !hadFraction) return invalid
    let j = i
    while (j < s.length && !(s[j] === '.' || isDigit(s[j]))) j++
    if (j === i) return E.left(`time: missing unit in duration ${goTimeQuote(orig)}`)
    const unitName = s.slice(i, j)
    const unit = NANOS.get(unitName)
    if (unit === undefined) return E.left(`time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(orig)}`)
    s = s.slice(j)
    if (whole > LIMIT / unit) return invalid
    let value = whole * unit
    if (fraction > 0n) {
      // Go computes the fractional part in float64 and truncates.
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)))
      if (value > LIMIT) return invalid
    }
    total += value
    if (total > LIMIT) return invalid
  }
  if (negative) return E.right(-total)
  return total > LIMIT - 1n ? invalid : E.right(total)
}
