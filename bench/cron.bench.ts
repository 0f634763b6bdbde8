import * as E from 'fp-ts/Either'
import { CronExpressionParser } from 'cron-parser'
import { Cron } from 'croner'
import * as fc from 'fast-check'
import { performance } from 'node:perf_hooks'
import { mostRecentScheduleTime, nextAfter, parseStandard, type Schedule } from '../core/cron'
import { arbCronExpression, arbCronInstant, cronTimeZones } from '../properties/arbitraries/cronJobSchedule'
import { fmt, medianMs } from './measure'


/** Schedules of the throughput runs: frequent, weekday, the day rule, stepped hours, monthly. */
const expressions: ReadonlyArray<string> = ['*/5 * * * *', '0 2 * * 1-5', '0 0 13 * 5', '30 6-16/4 * * *', '0 0 1 * *']
const zones = ['UTC', 'America/New_York'] as const
const start = Date.parse('2024-01-01T00:00:00Z')
/** Chained calls per timed run and per expression: each call starts from the previous answer, as a scheduler does. */
const calls = 200

const parse = (expression: string): Schedule => {
  const parsed = parseStandard(expression)
  if (E.isLeft(parsed)) throw new Error(parsed.left.message)
  return parsed.right
}

/** Runs `next` `calls` times per expression, each from the previous result; returns the mean µs per call. */
const perCall = (next: (expression: string, from: number) => number): number => {
  const ms = medianMs(() => {
    for (const expression of expressions) {
      let t = start
      for (let i = 0; i < calls; i++) t = next(expression, t)
    }
  }, 5, 1)
  return (ms * 1000) / (calls * expressions.length)
}

interface Contenders {
  readonly core: number
  readonly cronParserReset: number
  readonly cronParserNew: number
  readonly croner: number
}

const measureZone = (zone: string): Contenders => {
  const schedules = new Map(expressions.map((e) => [e, parse(e)] as const))
  const resettable = new Map(expressions.map((e) => [e, CronExpressionParser.parse(e, { tz: zone, currentDate: new Date(start) })] as const))
  const croners = new Map(expressions.map((e) => [e, new Cron(e, { timezone: zone, legacyMode: true })] as const))
  return {
    core: perCall((e, t) => nextAfter(schedules.get(e) as Schedule, t, zone) ?? t),
    // Used naively: one expression object, its cursor reset before every call.
    cronParserReset: perCall((e, t) => {
      const expr = resettable.get(e)
      expr?.reset(new Date(t))
      return expr?.next().getTime() ?? t
    }),
    // Used naively: a new expression for every call.
    cronParserNew: perCall((e, t) => CronExpressionParser.parse(e, { tz: zone, currentDate: new Date(t) }).next().getTime()),
    croner: perCall((e, t) => croners.get(e)?.nextRun(new Date(t))?.getTime() ?? t),
  }
}

const us = (x: number): string => `${x.toFixed(2)} µs`
const kops = (x: number): string => `${(1000 / x).toFixed(0)}k calls/s`

/** The missed-slot question after ten years of downtime on `* * * * *`: O(1) estimate vs listing every minute. */
const missedSlots = (): ReadonlyArray<string> => {
  const schedule = parse('* * * * *')
  const now = Date.parse('2036-01-01T00:00:30Z')
  const last = Date.parse('2026-01-01T00:00:00Z')
  const input = { schedule, timeZone: 'UTC', creationTimestamp: last, lastScheduleTime: last, now }
  const estimate = medianMs(() => mostRecentScheduleTime(input, true), 51, 10)
  const window = mostRecentScheduleTime(input, true)
  const found = E.isRight(window) ? window.right.mostRecent : undefined
  // The v1 controller's way: walk every slot since the last run with Next (once; it takes seconds).
  const t0 = performance.now()
  let slots = 0
  let mostRecent = 0
  for (let t = nextAfter(schedule, last); t !== undefined && t <= now; t = nextAfter(schedule, t)) {
    slots++
    mostRecent = t
  }
  const stepping = performance.now() - t0
  return [
    `  missed slots after 10 years down on "* * * * *" (${slots.toLocaleString('en-US')} slots): mostRecentScheduleTime ${us(estimate * 1000)} (target < 1 ms);` +
      ` stepping every slot ${fmt(stepping)}; ratio ${(stepping / estimate).toFixed(0)}×; same answer: ${String(found === mostRecent)}`,
  ]
}

/** Single calls on random schedules, zones (with DST, half-hour DST, midnight gaps) and instants: the 1 ms budget. */
const randomCalls = (): ReadonlyArray<string> => {
  const cases = fc
    .sample(fc.tuple(arbCronExpression(), arbCronInstant(), fc.constantFrom(...cronTimeZones)), { seed: 4, numRuns: 5000 })
    .map(([spec, from, zone]) => [parse(spec.expression), from, zone] as const)
  for (const [schedule, from, zone] of cases) nextAfter(schedule, from, zone)
  const times = cases
    .map(([schedule, from, zone]) => {
      const t0 = performance.now()
      nextAfter(schedule, from, zone)
      return performance.now() - t0
    })
    .sort((a, b) => a - b)
  const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? Number.NaN
  return [`  ${times.length.toLocaleString('en-US')} single calls on random schedules, zones and instants: median ${us(q(0.5) * 1000)}, p99 ${us(q(0.99) * 1000)}, max ${us(q(1) * 1000)} (the max includes GC and JIT pauses; target < 1 ms each)`]
}

/**
 * Issue 4's targets: core/cron's Next at least 2× the faster of cron-parser (used naively: reset or a new
 * expression per call) and croner, in UTC and in America/New_York; the ten-year missed-slot estimate under 1 ms.
 */
export const benchCron = (): ReadonlyArray<string> => {
  const lines = [`Cron dialect: Next, ${calls} chained calls on each of ${expressions.map((e) => `"${e}"`).join(', ')} (median of 5 runs)`]
  for (const zone of zones) {
    const c = measureZone(zone)
    const cronParser = Math.min(c.cronParserReset, c.cronParserNew)
    const fastest = Math.min(cronParser, c.croner)
    lines.push(
      `  ${zone}: core/cron ${us(c.core)} (${kops(c.core)}); cron-parser reset ${us(c.cronParserReset)}, new per call ${us(c.cronParserNew)}; ` +
        `croner ${us(c.croner)}; core/cron vs the faster (${fastest === c.croner ? 'croner' : 'cron-parser'}) ${(fastest / c.core).toFixed(1)}× (target ≥ 2×)`,
    )
  }
  return [...lines, ...randomCalls(), ...missedSlots()]
}
