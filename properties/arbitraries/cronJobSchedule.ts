import * as fc from 'fast-check'

/**
 * One field of a five-field schedule as generated: its text and, computed here independently of core/cron's
 * parser, the values it allows and robfig's star bit (`*` or `?`, unstepped or step 1, alone or in a list).
 */
export interface CronFieldSpec {
  readonly text: string
  readonly values: ReadonlyArray<number>
  readonly star: boolean
}

/** A generated schedule: a five-field spec with its expected fields, or `@every` with its delay. */
export type CronExpressionSpec =
  | {
      readonly _tag: 'Fields'
      readonly expression: string
      readonly minutes: ReadonlyArray<number>
      readonly hours: ReadonlyArray<number>
      readonly daysOfMonth: ReadonlyArray<number>
      readonly months: ReadonlyArray<number>
      readonly daysOfWeek: ReadonlyArray<number>
      readonly daysOfMonthStar: boolean
      readonly daysOfWeekStar: boolean
    }
  | { readonly _tag: 'Every'; readonly expression: string; readonly delaySeconds: number }

/** Zones for the dialect properties: no DST, the usual DST, a half-hour DST, historic midnight gaps, a +05:30. */
export const cronTimeZones: ReadonlyArray<string> = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Kolkata']

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

const span = (from: number, to: number, step = 1): ReadonlyArray<number> => {
  const out: number[] = []
  for (let v = from; v <= to; v += step) out.push(v)
  return out
}

/** How a value is written: a number, or (month, day of week) sometimes a three-letter name in any case. */
const valueText = (value: number, min: number, names: ReadonlyArray<string> | undefined, asName: boolean, upper: boolean): string => {
  const name = names?.[value - min]
  if (!asName || name === undefined) return String(value)
  return upper ? name.toUpperCase() : name
}

/** One item of a field's list: `*`/`?` (optionally stepped), a value, or a range, optionally stepped. */
const arbItem = (min: number, max: number, names?: ReadonlyArray<string>): fc.Arbitrary<CronFieldSpec> => {
  const step = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: Math.max(1, max - min) }) })
  const wild = fc.record({ symbol: fc.constantFrom('*', '?'), step }).map(({ symbol, step: s }): CronFieldSpec => ({
    text: s === undefined ? symbol : `${symbol}/${s}`,
    values: span(min, max, s ?? 1),
    star: s === undefined || s === 1,
  }))
  const single = fc.record({ v: fc.integer({ min, max }), asName: fc.boolean(), upper: fc.boolean() }).map(({ v, asName, upper }) => ({
    text: valueText(v, min, names, asName, upper),
    values: [v],
    star: false,
  }))
  const range = fc
    .record({ a: fc.integer({ min, max }), b: fc.integer({ min, max }), step, asName: fc.boolean() })
    .map(({ a, b, step: s, asName }): CronFieldSpec => {
      const [lo, hi] = a <= b ? [a, b] : [b, a]
      const text = `${valueText(lo, min, names, asName, false)}-${valueText(hi, min, names, asName, false)}`
      return { text: s === undefined ? text : `${text}/${s}`, values: span(lo, hi, s ?? 1), star: false }
    })
  // `v/step` means `v-max/step`.
  const from = fc.record({ v: fc.integer({ min, max }), s: fc.integer({ min: 1, max: Math.max(1, max - min) }) }).map(({ v, s }) => ({
    text: `${v}/${s}`,
    values: span(v, max, s),
    star: false,
  }))
  return fc.oneof({ weight: 3, arbitrary: wild }, { weight: 3, arbitrary: single }, { weight: 2, arbitrary: range }, { weight: 1, arbitrary: from })
}

/** A field: usually one item, sometimes a list (duplicates and overlaps allowed, as robfig unions them). */
export const arbCronField = (min: number, max: number, names?: ReadonlyArray<string>): fc.Arbitrary<CronFieldSpec> =>
  fc.array(arbItem(min, max, names), { minLength: 1, maxLength: 3 }).map((items) => ({
    text: items.map((i) => i.text).join(','),
    values: [...new Set(items.flatMap((i) => i.values))].sort((a, b) => a - b),
    star: items.some((i) => i.star),
  }))

const arbFields: fc.Arbitrary<CronExpressionSpec> = fc
  .tuple(arbCronField(0, 59), arbCronField(0, 23), arbCronField(1, 31), arbCronField(1, 12, monthNames), arbCronField(0, 6, dayNames))
  .map(([minute, hour, dom, month, dow]) => ({
    _tag: 'Fields',
    expression: [minute, hour, dom, month, dow].map((f) => f.text).join(' '),
    minutes: minute.values,
    hours: hour.values,
    daysOfMonth: dom.values,
    months: month.values,
    daysOfWeek: dow.values,
    daysOfMonthStar: dom.star,
    daysOfWeekStar: dow.star,
  }))

const all = (min: number, max: number) => span(min, max)
const descriptor = (expression: string, minutes: number[], hours: ReadonlyArray<number>, dom: ReadonlyArray<number>, month: ReadonlyArray<number>, dow: ReadonlyArray<number>, domStar: boolean, dowStar: boolean): CronExpressionSpec => ({
  _tag: 'Fields',
  expression,
  minutes,
  hours,
  daysOfMonth: dom,
  months: month,
  daysOfWeek: dow,
  daysOfMonthStar: domStar,
  daysOfWeekStar: dowStar,
})

/** The descriptors Kubernetes accepts, with robfig's expansions (reference §15.4). */
const descriptors: ReadonlyArray<CronExpressionSpec> = [
  descriptor('@yearly', [0], [0], [1], [1], all(0, 6), false, true),
  descriptor('@annually', [0], [0], [1], [1], all(0, 6), false, true),
  descriptor('@monthly', [0], [0], [1], all(1, 12), all(0, 6), false, true),
  descriptor('@weekly', [0], [0], all(1, 31), all(1, 12), [0], true, false),
  descriptor('@daily', [0], [0], all(1, 31), all(1, 12), all(0, 6), true, true),
  descriptor('@midnight', [0], [0], all(1, 31), all(1, 12), all(0, 6), true, true),
  descriptor('@hourly', [0], all(0, 23), all(1, 31), all(1, 12), all(0, 6), true, true),
]

const arbEvery: fc.Arbitrary<CronExpressionSpec> = fc
  .record({ h: fc.integer({ min: 0, max: 3 }), m: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }) })
  .filter(({ h, m, s }) => h + m + s > 0)
  .map(({ h, m, s }) => ({ _tag: 'Every', expression: `@every ${h}h${m}m${s}s`, delaySeconds: h * 3600 + m * 60 + s }))

/** Schedules Kubernetes accepts, built so their fields are known without the parser under test. */
export const arbCronExpression = (): fc.Arbitrary<CronExpressionSpec> =>
  fc.oneof({ weight: 8, arbitrary: arbFields }, { weight: 1, arbitrary: fc.constantFrom(...descriptors) }, { weight: 1, arbitrary: arbEvery })

/** Instants from 2000 to 2040, whole seconds or not, for the dialect properties. */
export const arbCronInstant = (): fc.Arbitrary<number> =>
  fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') })
