import * as E from 'fp-ts/Either'
import { parseInstant } from '../../../core/api'
import { defaultSimulationStart } from '../../memory/simulatedCluster'
import type { RunUntil } from '../../memory/runClock'

/** The flags of `kuberules simulate` as commander hands them over. */
export interface SimulateFlags {
  readonly filename: ReadonlyArray<string>
  readonly nodes?: string
  readonly for?: string
  readonly untilSettled?: boolean
  readonly start?: string
  readonly seed?: string
  readonly output: string
  readonly summary: boolean
}

export type SimulateFormat = 'timeline' | 'json'

/** The flags checked and parsed. */
export interface SimulateOptions {
  readonly filename: ReadonlyArray<string>
  readonly nodes: number
  readonly until: RunUntil
  readonly start: number
  readonly seed: number
  readonly output: SimulateFormat
  readonly summary: boolean
}

/** Without `--for` or `--until-settled` a simulation runs ten virtual minutes. */
export const defaultDurationMs = 10 * 60 * 1000

const units: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * Go's `time.ParseDuration`, in milliseconds: decimal numbers with units (`90m`, `1h30m`, `2.5s`,
 * `500ms`), an optional sign, or a bare `0`. Undefined for anything else.
 */
export const parseDuration = (text: string): number | undefined => {
  const trimmed = text.trim()
  if (/^[+-]?0$/.test(trimmed)) return 0
  const match = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(trimmed)
  if (match === null) return undefined
  let total = 0
  for (const part of (match[2] ?? '').matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * (units[part[2] ?? ''] ?? Number.NaN)
  if (!Number.isFinite(total)) return undefined
  return match[1] === '-' ? -total : total
}

const wholeNumber = (flag: string, text: string | undefined, fallback: number): E.Either<string, number> => {
  if (text === undefined) return E.right(fallback)
  return /^\d+$/.test(text.trim()) ? E.right(Number(text.trim())) : E.left(`error: invalid argument "${text}" for "${flag}" flag: must be a non-negative integer`)
}

/** Checks the flags; errors are kubectl-style lines for standard error. */
export const parseSimulateFlags = (flags: SimulateFlags): E.Either<string, SimulateOptions> => {
  if (flags.output !== 'timeline' && flags.output !== 'json') {
    return E.left(`error: unable to match a printer suitable for the output format "${flags.output}", allowed formats are: timeline,json`)
  }
  if (flags.filename.length === 0) return E.left('error: must specify one of -f and -k')
  if (flags.for !== undefined && flags.untilSettled === true) return E.left('error: --for and --until-settled cannot be used together')
  let until: RunUntil = { for: defaultDurationMs }
  if (flags.untilSettled === true) until = { untilSettled: true }
  if (flags.for !== undefined) {
    const ms = parseDuration(flags.for)
    if (ms === undefined || ms < 0) return E.left(`error: invalid argument "${flags.for}" for "--for" flag: expected a duration such as 90s, 10m or 1h30m`)
    until = { for: ms }
  }
  let start = defaultSimulationStart
  if (flags.start !== undefined) {
    const parsed = parseInstant(flags.start)
    if (E.isLeft(parsed)) return E.left(`error: --start: ${parsed.left}`)
    start = parsed.right
  }
  const nodes = wholeNumber('--nodes', flags.nodes, 0)
  if (E.isLeft(nodes)) return nodes
  const seed = wholeNumber('--seed', flags.seed, 0)
  if (E.isLeft(seed)) return seed
  return E.right({ filename: flags.filename, nodes: nodes.right, until, start, seed: seed.right, output: flags.output, summary: flags.summary })
}
