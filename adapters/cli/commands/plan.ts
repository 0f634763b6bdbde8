import * as E from 'fp-ts/Either'
import { makeInstant, parseInstant, type Instant } from '../../../core/api'
import { planSnapshot, snapshotOf } from '../../../core/snapshot'
import type { CliIo } from '../io'
import { printPlan, type PlanFormat } from '../printPlan'
import { readManifests } from '../readManifests'

export interface PlanOptions {
  readonly filename: ReadonlyArray<string>
  readonly now?: string
  readonly output: string
}

const formats: ReadonlyArray<PlanFormat> = ['json', 'yaml', 'text']

/** `kuberules plan`: one reconcile pass over a snapshot, printed; exit 1 on invalid input, nothing printed to stdout. */
export const runPlan = (opts: PlanOptions, io: CliIo): number => {
  if (!formats.includes(opts.output as PlanFormat)) {
    io.err(`error: unable to match a printer suitable for the output format "${opts.output}", allowed formats are: json,yaml,text\n`)
    return 1
  }
  if (opts.filename.length === 0) {
    io.err('error: must specify one of -f and -k\n')
    return 1
  }
  let now: Instant = makeInstant(io.now())
  if (opts.now !== undefined) {
    const parsed = parseInstant(opts.now)
    if (E.isLeft(parsed)) {
      io.err(`error: --now: ${parsed.left}\n`)
      return 1
    }
    now = parsed.right
  }
  const read = readManifests(opts.filename, io)
  if (read === undefined) return 1
  io.out(printPlan(planSnapshot(snapshotOf(read.manifests), now), opts.output as PlanFormat))
  return 0
}
