import * as E from 'fp-ts/Either'
import type { Command } from 'commander'
import { formatInstant, parseInstant } from '../../../core/api'
import { nextTimes, parseSchedule, validateTimeZone } from '../../../core/cron'
import type { CliIo } from '../io'

export interface CronNextOptions {
  readonly from?: string
  readonly tz: string
  readonly count: string
  readonly output: string
}

const formats = ['json', 'text'] as const
type CronNextFormat = (typeof formats)[number]

const fail = (io: CliIo, lines: ReadonlyArray<string>): number => {
  io.err(`${lines.join('\n')}\n`)
  return 1
}

/**
 * `kuberules cron next EXPR` (contracts §5): the next COUNT times strictly after `--from` at which a CronJob with
 * `schedule: EXPR` and `timeZone: ZONE` would be due, as RFC 3339 UTC. An expression or zone Kubernetes would
 * reject exits 1 with its validation messages; a schedule that never fires prints an empty list.
 */
export const runCronNext = (expression: string, opts: CronNextOptions, io: CliIo): number => {
  if (!(formats as ReadonlyArray<string>).includes(opts.output)) {
    return fail(io, [`error: unable to match a printer suitable for the output format "${opts.output}", allowed formats are: ${formats.join(',')}`])
  }
  if (!/^\d+$/.test(opts.count)) return fail(io, [`error: -n: invalid count ${JSON.stringify(opts.count)}: expected a whole number ≥ 0`])
  let from = io.now()
  if (opts.from !== undefined) {
    const parsed = parseInstant(opts.from)
    if (E.isLeft(parsed)) return fail(io, [`error: --from: ${parsed.left}`])
    from = parsed.right
  }
  const schedule = parseSchedule(expression)
  const zoneErrors = validateTimeZone(opts.tz)
  const errors = [...(E.isLeft(schedule) ? schedule.left.fieldErrors : []), ...zoneErrors]
  if (E.isLeft(schedule) || errors.length > 0) return fail(io, errors)
  const times = nextTimes(schedule.right, from, opts.tz, Number(opts.count)).map(formatInstant)
  const format = opts.output as CronNextFormat
  io.out(format === 'json' ? `${JSON.stringify(times, null, 2)}\n` : times.map((t) => `${t}\n`).join(''))
  return 0
}

/** Adds `kuberules cron next` to the program; the exit code goes to `result`. */
export const addCronCommand = (program: Command, io: CliIo, result: { code: number }): void => {
  const cron = program.command('cron').description('the Kubernetes CronJob cron dialect (robfig/cron v3, as the controller runs it)')
  cron
    .command('next')
    .description('print the next times a CronJob with this schedule and timeZone would be due, as RFC 3339 UTC')
    .argument('<expr>', 'the schedule, e.g. "30 2 * * *" or "@every 1h"')
    .option('--from <rfc3339>', 'list times strictly after this instant (default: now)')
    .option('--tz <zone>', 'the CronJob spec.timeZone (IANA name)', 'UTC')
    .option('-n, --count <count>', 'how many times to print', '5')
    .option('-o, --output <format>', 'json (an array of strings) or text (one per line)', 'json')
    .action((expr: string, opts: CronNextOptions) => {
      result.code = runCronNext(expr, opts, io)
    })
}
