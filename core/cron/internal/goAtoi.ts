import * as E from 'fp-ts/Either'
import { goQuote, utf8Bytes } from './goText'

const MAX_INT64 = (1n << 63n) - 1n
const MAX_UINT64 = (1n << 64n) - 1n

const syntaxError = (s: string): E.Either<string, bigint> =>
  E.left(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`)
const rangeError = (s: string): E.Either<string, bigint> =>
  E.left(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`)

const isDigit = (c: string): boolean => c >= '0' && c <= '9'

/**
 * Go's `strconv.Atoi` on a 64-bit platform, as robfig/cron's `mustParseInt` calls it: an optional sign and
 * decimal digits. Returns the value or the `NumError` text; the first problem from the left wins, as in Go.
 */
export const goAtoi = (s: string): E.Either<string, bigint> => {
  const negative = s.startsWith('-')
  const digits = negative || s.startsWith('+') ? s.slice(1) : s
  const byteLength = utf8Bytes(s).length
  if (byteLength > 0 && byteLength < 19) {
    // Go's fast path: small enough that it cannot overflow.
    if (digits === '' || ![...digits].every(isDigit)) return syntaxError(s)
    const n = BigInt(digits)
    return E.right(negative ? -n : n)
  }
  if (digits === '') return syntaxError(s)
  let n = 0n
  for (const c of digits) {
    if (!isDigit(c)) return syntaxError(s)
    n = n * 10n + BigInt(c.charCodeAt(0) - 48)
    if (n > MAX_UINT64) return rangeError(s)
  }
  if (negative ? n > MAX_INT64 + 1n : n > MAX_INT64) return rangeError(s)
  return E.right(negative ? -n : n)
}
