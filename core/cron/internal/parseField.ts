import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { goAtoi } from './goAtoi'

/** A field's range and its names (robfig's `bounds`). */
export interface Bounds {
  readonly min: number
  readonly max: number
  readonly names?: ReadonlyMap<string, number>
}

/** The values one field allows, plus robfig's star bit. */
export interface FieldSet {
  readonly values: ReadonlyArray<number>
  readonly star: boolean
}

const names = (list: ReadonlyArray<string>, first: number): ReadonlyMap<string, number> =>
  new Map(list.map((name, i) => [name, first + i]))

export const SECONDS: Bounds = { min: 0, max: 59 }
export const MINUTES: Bounds = { min: 0, max: 59 }
export const HOURS: Bounds = { min: 0, max: 23 }
export const DAYS_OF_MONTH: Bounds = { min: 1, max: 31 }
export const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: names(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], 1),
}
export const DAYS_OF_WEEK: Bounds = { min: 0, max: 6, names: names(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], 0) }

/** robfig `mustParseInt`: Go `Atoi`, then no negatives. */
const parseNumber = (expr: string): E.Either<string, bigint> =>
  pipe(
    goAtoi(expr),
    E.mapLeft((atoiError) => `failed to parse int from ${expr}: ${atoiError}`),
    E.filterOrElse(
      (n) => n >= 0n,
      (n) => `negative number (${n}) not allowed: ${expr}`,
    ),
  )

/** robfig `parseIntOrName`: a whole-token, case-insensitive name, else a number. */
const parseIntOrName = (expr: string, bounds: Bounds): E.Either<string, bigint> => {
  const named = bounds.names?.get(expr.toLowerCase())
  return named === undefined ? parseNumber(expr) : E.right(BigInt(named))
}

interface Range {
  readonly start: bigint
  readonly end: bigint
  readonly step: bigint
  readonly star: boolean
}

/** robfig `getRange`: `*` | `?` | `v` | `v-v`, optionally `/step`; checks run in robfig's order. */
const parseRange = (expr: string, bounds: Bounds): E.Either<string, Range> => {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-')
  const low = lowAndHigh[0] ?? ''
  const min = BigInt(bounds.min)
  const max = BigInt(bounds.max)
  let start = min
  let end = max
  // QUIRK (robfig): after `*` or `?` the rest of the range is ignored, so `*-5` means `*`.
  let star = low === '*' || low === '?'
  if (!star) {
    const first = parseIntOrName(low, bounds)
    if (E.isLeft(first)) return first
    start = first.right
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) {
      const second = parseIntOrName(lowAndHigh[1] ?? '', bounds)
      if (E.isLeft(second)) return second
      end = second.right
    } else return E.left(`too many hyphens: ${expr}`)
  }
  let step = 1n
  if (rangeAndStep.length === 2) {
    const parsed = parseNumber(rangeAndStep[1] ?? '')
    if (E.isLeft(parsed)) return parsed
    step = parsed.right
    // `N/step` means `N-max/step`.
    if (lowAndHigh.length === 1) end = max
    // `*/1` keeps the star bit; any larger step clears it.
    if (step > 1n) star = false
  } else if (rangeAndStep.length > 2) return E.left(`too many slashes: ${expr}`)
  if (start < min) return E.left(`beginning of range (${start}) below minimum (${min}): ${expr}`)
  if (end > max) return E.left(`end of range (${end}) above maximum (${max}): ${expr}`)
  if (start > end) return E.left(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0n) return E.left(`step of range should be a positive number: ${expr}`)
  return E.right({ start, end, step, star })
}

/**
 * robfig `getField`: a comma-separated list of ranges (empty items are skipped), as a sorted value set with
 * the star bit. Errors carry robfig's exact text.
 */
export const parseField = (field: string, bounds: Bounds): E.Either<string, FieldSet> => {
  const allowed = new Array<boolean>(bounds.max + 1).fill(false)
  let star = false
  for (const expr of field.split(',').filter((item) => item !== '')) {
    const range = parseRange(expr, bounds)
    if (E.isLeft(range)) return range
    const { start, end, step } = range.right
    for (let v = start; v <= end; v += step) allowed[Number(v)] = true
    star ||= range.right.star
  }
  const values = allowed.flatMap((on, v) => (on ? [v] : []))
  return E.right({ values, star })
}
