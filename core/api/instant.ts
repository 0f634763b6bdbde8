import * as t from 'io-ts'
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'

/** A point in time as epoch milliseconds. Core never reads a clock: instants arrive as inputs. */
export interface InstantBrand {
  readonly Instant: unique symbol
}
export type Instant = t.Branded<number, InstantBrand>

export const Instant = t.brand(t.number, (n): n is Instant => Number.isFinite(n), 'Instant')

export const makeInstant = (ms: number): Instant => ms as Instant

/** Parses an RFC 3339 timestamp (Kubernetes' `metav1.Time` wire form). */
export const parseInstant = (text: string): E.Either<string, Instant> => {
  // A pure cache (Eithers are immutable values, the result depends on the text alone): the same
  // timestamps are read over and over, and the regex test plus `Date.parse` showed in profiles.
  const known = parsed.get(text)
  if (known !== undefined) return known
  if (parsed.size >= parsedLimit) parsed.clear()
  const result = parseInstantUncached(text)
  parsed.set(text, result)
  return result
}
const parsedLimit = 4096
const parsed = new Map<string, E.Either<string, Instant>>()

const parseInstantUncached = (text: string): E.Either<string, Instant> => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) {
    return E.left(`invalid time ${JSON.stringify(text)}: expected RFC3339 such as 2026-01-01T00:00:00Z`)
  }
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? E.right(makeInstant(ms)) : E.left(`invalid time ${JSON.stringify(text)}`)
}

/** Reads an optional timestamp field; a missing or unparsable one yields undefined (Go's zero time). */
export const instantOf = (text: string | null | undefined): Instant | undefined =>
  text == null ? undefined : pipe(parseInstant(text), E.getOrElseW(() => undefined))

/** Formats as Kubernetes does for `metav1.Time`: RFC 3339 in UTC with second precision. */
// A pure cache of the seconds formatted lately: simulations format the same few virtual seconds
// many times over (a pod status alone names its start and its latest change, in turns), and
// `toISOString` was a visible share of a run's time. Bounded: cleared when it grows large.
const formatted = new Map<number, string>()
const formattedLimit = 4096
export const formatInstant = (at: Instant | number): string => {
  const second = Math.floor(at / 1000)
  let text = formatted.get(second)
  if (text === undefined) {
    if (formatted.size >= formattedLimit) formatted.clear()
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
    formatted.set(second, text)
  }
  return text
}

export const addSeconds = (at: Instant, seconds: number): Instant => makeInstant(at + seconds * 1000)
