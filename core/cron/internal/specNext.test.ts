import * as E from 'fp-ts/Either'
import fc from 'fast-check'
import { CronExpressionParser } from 'cron-parser'
import { parseStandard } from '../parseStandard'
import type { SpecSchedule } from '../schedule'
import { mod } from './civil'
import { compiledSchedule, dayMatches, type CompiledSchedule } from './compiledSchedule'
import { goDate, wallClock } from './goDate'
import { specNext } from './specNext'
import { zoneOffsets, type ZoneOffsets } from './zoneOffsets'

/**
 * robfig/cron v3 `SpecSchedule.Next`, transcribed one unit step at a time: the oracle for the jumps. Like
 * `specNext` it gives up where robfig would loop forever (a day missing from the calendar, Pacific/Apia 2011).
 */
const literalNext = (c: CompiledSchedule, zone: ZoneOffsets, from: number): number | undefined => {
  let t = from + 1
  let w = wallClock(zone, t)
  let added = false
  const yearLimit = w.year + 5
  const set = (s: number): void => {
    t = s
    w = wallClock(zone, t)
  }
  wrap: for (;;) {
    if (w.year > yearLimit) return undefined
    while (c.month[w.month] !== 1) {
      if (!added) {
        added = true
        set(goDate(zone, w.year, w.month, 1, 0, 0, 0))
      }
      set(goDate(zone, w.year, w.month + 1, w.day, w.hour, w.minute, w.second))
      if (w.month === 1) continue wrap
    }
    while (!dayMatches(c, w.day, w.weekday)) {
      if (!added) {
        added = true
        set(goDate(zone, w.year, w.month, w.day, 0, 0, 0))
      }
      const before = t
      set(goDate(zone, w.year, w.month, w.day + 1, w.hour, w.minute, w.second))
      if (w.hour !== 0) set(t + (w.hour > 12 ? 24 - w.hour : -w.hour) * 3600)
      if (t === before) return undefined
      if (w.day === 1) continue wrap
    }
    while (c.nextHour[w.hour] !== w.hour) {
      if (!added) {
        added = true
        set(goDate(zone, w.year, w.month, w.day, w.hour, 0, 0))
      }
      set(t + 3600)
      if (w.hour === 0) continue wrap
    }
    while (c.nextMinute[w.minute] !== w.minute) {
      if (!added) {
        added = true
        set(t - mod(t, 60))
      }
      set(t + 60)
      if (w.minute === 0) continue wrap
    }
    while (c.nextSecond[w.second] !== w.second) {
      added = true
      set(t + 1)
      if (w.second === 0) continue wrap
    }
    return t
  }
}

const ZONES = [
  'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'America/Havana',
  'America/Santiago', 'Pacific/Chatham', 'Antarctica/Troll', 'Africa/Casablanca', 'Asia/Kolkata', 'Pacific/Apia',
  'Asia/Beirut', 'Asia/Gaza', 'America/Asuncion', 'Europe/Dublin',
]

const item = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min, max }).map(String),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 13 })).map(([a, s]) => `${a}/${s}`),
    fc.integer({ min: 1, max: 13 }).map((s) => `*/${s}`),
  )
const field = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(item(min, max), { minLength: 1, maxLength: 3 }).map((items) => items.join(','))

const expression = fc
  .tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 6))
  .map((fields) => fields.join(' '))

const schedule = (expr: string): SpecSchedule => {
  const parsed = parseStandard(expr)
  if (E.isLeft(parsed) || parsed.right._tag !== 'SpecSchedule') throw new Error(`bad test schedule ${expr}`)
  return parsed.right
}

// 1990-01-01 .. 2040-01-01, in seconds.
const instant = fc.integer({ min: 631_152_000, max: 2_208_988_800 })

/** Offset changes of a zone between 1990 and 2040: where the jumps have to fall back to single steps. */
const transitions = (zone: ZoneOffsets): ReadonlyArray<number> => {
  const found: Array<number> = []
  for (let t = zone.transitionIn(631_152_000, 2_208_988_800); t !== undefined; t = zone.transitionIn(t, 2_208_988_800)) found.push(t)
  return found
}

/** Uniform instants, and instants within two days of an offset change. */
const instantIn = (zone: ZoneOffsets): fc.Arbitrary<number> => {
  const changes = transitions(zone)
  return changes.length === 0
    ? instant
    : fc.oneof(instant, fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 86_400, max: 2 * 86_400 })).map(([t, d]) => t + d))
}

describe('specNext (jumping) agrees with robfig unit-by-unit', () => {
  it.each(ZONES)('random schedules in %s', (zoneName) => {
    const zone = zoneOffsets(zoneName)
    if (zone === undefined) throw new Error(zoneName)
    fc.assert(
      fc.property(expression, instantIn(zone), (expr, from) => {
        const c = compiledSchedule(schedule(expr))
        const next = specNext(c, zone, from)
        expect(next).toBe(literalNext(c, zone, from))
        if (next !== undefined) expect(next).toBeGreaterThan(from)
      }),
      { numRuns: 400, seed: 20260101 },
    )
  })

  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Chatham', 'Pacific/Apia'])(
    'chained next times around transitions in %s', (zoneName) => {
    const zone = zoneOffsets(zoneName)
    if (zone === undefined) throw new Error(zoneName)
    for (const expr of ['0 * * * *', '30 * * * *', '*/15 * * * *', '0 2 * * *', '30 2 * * *', '0 0 * * *', '30 1 * * *', '0 0 1 * *', '5 0 * * 0']) {
      const c = compiledSchedule(schedule(expr))
      let fast: number | undefined = Date.UTC(2011, 0, 1) / 1000
      let slow: number | undefined = fast
      for (let i = 0; i < 160 && fast !== undefined; i++) {
        fast = specNext(c, zone, fast)
        slow = slow === undefined ? undefined : literalNext(c, zone, slow)
        expect(fast).toBe(slow)
        // Jump ahead now and then so the run crosses both transitions of several years.
        if (fast !== undefined && i % 4 === 3) fast = slow = fast + 40 * 86_400
      }
    }
  })

  it('returns the first allowed second when the seconds field is restricted', () => {
    const zone = zoneOffsets('Europe/Berlin')
    if (zone === undefined) throw new Error('zone')
    const c = compiledSchedule({ ...schedule('20-35/15 * * * *'), seconds: [15, 50] })
    const from = Date.UTC(2012, 6, 9, 21, 35, 51) / 1000
    expect(specNext(c, zone, from)).toBe(literalNext(c, zone, from))
  })
})

/** cron-parser's syntax for the same sets: `*` where robfig has the star bit, explicit lists otherwise (§16 #5). */
const canonical = (s: SpecSchedule): string => {
  const list = (values: ReadonlyArray<number>, star: boolean): string => (star ? '*' : values.join(','))
  const full = (values: ReadonlyArray<number>, size: number): boolean => values.length === size
  return [
    list(s.minutes, full(s.minutes, 60)),
    list(s.hours, full(s.hours, 24)),
    list(s.daysOfMonth, s.daysOfMonthStar),
    list(s.months, full(s.months, 12)),
    list(s.daysOfWeek, s.daysOfWeekStar),
  ].join(' ')
}

describe('specNext agrees with cron-parser where the two dialects coincide (UTC, canonical syntax)', () => {
  it('random schedules', () => {
    const utc = zoneOffsets('UTC')
    if (utc === undefined) throw new Error('UTC')
    fc.assert(
      fc.property(expression, instant, (expr, from) => {
        const s = schedule(expr)
        const ours = specNext(compiledSchedule(s), utc, from)
        fc.pre(ours !== undefined)
        const theirs = CronExpressionParser.parse(canonical(s), { tz: 'UTC', currentDate: new Date(from * 1000) }).next().getTime()
        expect(ours === undefined ? undefined : ours * 1000).toBe(theirs)
      }),
      { numRuns: 500, seed: 20260101 },
    )
  })
})
