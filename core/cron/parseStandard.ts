import * as E from 'fp-ts/Either'
import { cronError, type CronError } from './cronError'
import { invalidValue } from './internal/fieldError'
import { parseGoDuration } from './internal/goDuration'
import { goFields, goTrimSpace } from './internal/goText'
import {
  DAYS_OF_MONTH, DAYS_OF_WEEK, HOURS, MINUTES, MONTHS, parseField, type Bounds, type FieldSet,
} from './internal/parseField'
import { loadLocation } from './loadLocation'
import type { EverySchedule, Schedule, SpecSchedule } from './schedule'

const NANOS_PER_SECOND = 1_000_000_000n

const range = (from: number, to: number): ReadonlyArray<number> => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** A descriptor's fields; `*` marks a field robfig builds with `all()` (which sets the star bit). */
const DESCRIPTORS: ReadonlyMap<string, readonly [minute: number, hour: number | '*', dom: number | '*', month: number | '*', dow: number | '*']> =
  new Map([
    ['@yearly', [0, 0, 1, 1, '*']],
    ['@annually', [0, 0, 1, 1, '*']],
    ['@monthly', [0, 0, 1, '*', '*']],
    ['@weekly', [0, 0, '*', '*', 0]],
    ['@daily', [0, 0, '*', '*', '*']],
    ['@midnight', [0, 0, '*', '*', '*']],
    ['@hourly', [0, '*', '*', '*', '*']],
  ])

type Parsed = E.Either<string, Schedule>

const fixedField = (value: number | '*', bounds: Bounds): FieldSet =>
  value === '*' ? { values: range(bounds.min, bounds.max), star: true } : { values: [value], star: false }

const specSchedule = (
  source: string,
  fields: readonly [FieldSet, FieldSet, FieldSet, FieldSet, FieldSet],
  location: string | undefined,
): SpecSchedule => ({
  _tag: 'SpecSchedule',
  source,
  seconds: [0],
  minutes: fields[0].values,
  hours: fields[1].values,
  daysOfMonth: fields[2].values,
  months: fields[3].values,
  daysOfWeek: fields[4].values,
  daysOfMonthStar: fields[2].star,
  daysOfWeekStar: fields[4].star,
  ...(location === undefined ? {} : { location }),
})

/** robfig `Every`: under one second becomes one second; sub-second parts are dropped. */
const every = (source: string, nanos: bigint): EverySchedule => ({
  _tag: 'EverySchedule',
  source,
  delaySeconds: Number((nanos < NANOS_PER_SECOND ? NANOS_PER_SECOND : nanos) / NANOS_PER_SECOND),
})

const parseDescriptor = (source: string, descriptor: string, location: string | undefined): Parsed => {
  const fixed = DESCRIPTORS.get(descriptor)
  if (fixed !== undefined) {
    const [minute, hour, dom, month, dow] = fixed
    const fields = [
      fixedField(minute, MINUTES), fixedField(hour, HOURS), fixedField(dom, DAYS_OF_MONTH),
      fixedField(month, MONTHS), fixedField(dow, DAYS_OF_WEEK),
    ] as const
    return E.right(specSchedule(source, fields, location))
  }
  if (descriptor.startsWith('@every ')) {
    const parsed = parseGoDuration(descriptor.slice('@every '.length))
    return E.isLeft(parsed)
      ? E.left(`failed to parse duration ${descriptor}: ${parsed.left}`)
      : E.right(every(source, parsed.right))
  }
  return E.left(`unrecognized descriptor: ${descriptor}`)
}

const parseFields = (source: string, spec: string, location: string | undefined): Parsed => {
  const fields = goFields(spec)
  if (fields.length !== 5) return E.left(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  const parsed: Array<FieldSet> = []
  const bounds = [MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK] as const
  for (const [i, b] of bounds.entries()) {
    const field = parseField(fields[i] ?? '', b)
    if (E.isLeft(field)) return field
    parsed.push(field.right)
  }
  const [minute, hour, dom, month, dow] = parsed as unknown as readonly [FieldSet, FieldSet, FieldSet, FieldSet, FieldSet]
  return E.right(specSchedule(source, [minute, hour, dom, month, dow], location))
}

const parse = (source: string): Parsed => {
  if (source.length === 0) return E.left('empty spec string')
  let spec = source
  let location: string | undefined
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ')
    const eq = spec.indexOf('=')
    // Deviation: robfig v3.0.1 panics on a slice bound here; report Go's panic text instead of crashing.
    if (space < 0) return E.left(`runtime error: slice bounds out of range [${eq + 1}:${space}]`)
    const name = spec.slice(eq + 1, space)
    const loaded = loadLocation(name)
    if (E.isLeft(loaded)) return E.left(`provided bad location ${name}: ${loaded.left}`)
    // `Local` means "the zone of the reference time", i.e. no override.
    location = loaded.right === 'Local' ? undefined : loaded.right
    spec = goTrimSpace(spec.slice(space))
  }
  return spec.startsWith('@') ? parseDescriptor(source, spec, location) : parseFields(source, spec, location)
}

/**
 * The CronJob controller parses every CronJob's schedule on every sync; the answer depends on the
 * expression alone, so it is kept per expression. Results are frozen: callers share them.
 */
const parsedBySource = new Map<string, E.Either<CronError, Schedule>>()
const parsedCacheLimit = 1024

const deepFreeze = <A>(value: A): A => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  for (const child of Object.values(value)) deepFreeze(child)
  return Object.freeze(value)
}

/**
 * Mirrors robfig/cron v3 `ParseStandard`, the parser the CronJob controller runs on every sync: five fields or a
 * descriptor, an optional `TZ=`/`CRON_TZ=` prefix, and robfig's exact error texts in `message`. API validation
 * is stricter (no `TZ` at all, see `parseSchedule`); use this one for schedules already stored in the cluster.
 */
export const parseStandard = (expression: string): E.Either<CronError, Schedule> => {
  const known = parsedBySource.get(expression)
  if (known !== undefined) return known
  const parsed = parse(expression)
  const result = deepFreeze(
    E.isLeft(parsed)
      ? E.left(cronError('Unparseable', expression, parsed.left, [invalidValue('spec.schedule', expression, parsed.left)]))
      : parsed,
  )
  // Bounded: a cleared cache only costs re-parsing, never a different answer.
  if (parsedBySource.size >= parsedCacheLimit) parsedBySource.clear()
  parsedBySource.set(expression, result)
  return result
}

