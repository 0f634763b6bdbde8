import * as E from 'fp-ts/Either'
import type { Command } from 'commander'
import { makeInstant } from '../../../core/api'
import { planSnapshot } from '../../../core/snapshot'
import { differencesOf, diffDocument, diffText } from '../../kubernetes/clusterDiff'
import { connect, defaultKubeconfigPath } from '../../kubernetes/connect'
import { readSnapshot } from '../../kubernetes/readSnapshot'
import type { CliIo } from '../io'

export interface DiffFlags {
  readonly kubeconfig: string
  readonly namespace?: string
  readonly output: string
}

/** `kubectl diff`'s exit codes: 0 in step, 1 differences, above 1 the diff itself failed. */
export const DiffExit = { same: 0, different: 1, failed: 2 } as const

/**
 * `kuberules diff`: reads the live cluster through its API (read-only), runs one sync of every
 * DaemonSet, Job and CronJob on it at the current time, as freshly started controllers would, and
 * prints what they would change: a missing daemon pod names its node, and the plan's notes say
 * why other nodes get none. Exits like `kubectl diff`; failures are one line on standard error.
 */
export const runDiff = async (flags: DiffFlags, io: CliIo): Promise<number> => {
  if (flags.output !== 'text' && flags.output !== 'json') {
    io.err(`error: unable to match a printer suitable for the output format "${flags.output}", allowed formats are: json,text\n`)
    return DiffExit.failed
  }
  const connection = connect(flags.kubeconfig, flags.namespace)
  if (E.isLeft(connection)) {
    io.err(`error: ${connection.left}\n`)
    return DiffExit.failed
  }
  const read = await readSnapshot(connection.right.api, flags.namespace)
  if (E.isLeft(read)) {
    io.err(`error: ${read.left.status.message}\n`)
    return DiffExit.failed
  }
  for (const skipped of read.right.skipped) io.err(`warning: left out ${skipped}\n`)
  const plan = planSnapshot(read.right.snapshot, makeInstant(io.now()))
  const differences = differencesOf(plan)
  io.out(flags.output === 'json' ? `${JSON.stringify(diffDocument(plan, differences), null, 2)}\n` : diffText(differences, read.right.snapshot))
  return differences.length > 0 ? DiffExit.different : DiffExit.same
}

/** Registers `kuberules diff` on the program. */
export const addDiffCommand = (program: Command, io: CliIo, result: { code: number }): Command =>
  program
    .command('diff')
    .description("show where a live cluster differs from what the DaemonSet, Job and CronJob controllers would make of it (read-only; exit 1 when it does)")
    .option('--kubeconfig <path>', 'kubeconfig of the cluster', defaultKubeconfigPath())
    .option('-n, --namespace <ns>', 'only this namespace (default: all)')
    .option('-o, --output <format>', 'text or json', 'text')
    .action(async (opts: DiffFlags) => {
      result.code = await runDiff(opts, io)
    })
