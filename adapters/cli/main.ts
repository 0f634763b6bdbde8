import { Command, CommanderError } from 'commander'
import { addControlCommand } from './commands/control'
import { addCronCommand } from './commands/cronNext'
import { addDiffCommand } from './commands/diff'
import { addExpandCommand } from './commands/expand'
import { runPlan } from './commands/plan'
import { addServeCommand } from './commands/serve'
import { addSimulateCommand } from './commands/simulateCommand'
import { processIo, type CliIo } from './io'

const collect = (value: string, previous: ReadonlyArray<string>): ReadonlyArray<string> => [...previous, value]

/** Builds the `kuberules` command tree; each action stores its exit code in `result`. */
export const buildProgram = (io: CliIo, result: { code: number }): Command => {
  const program = new Command('kuberules')
    .description('Kubernetes workload controllers as a declarative rules engine')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
  program
    .command('plan')
    .description('run one reconcile pass of every DaemonSet, Job and CronJob in a snapshot and print the actions')
    .option('-f, --filename <file>', 'manifest file, folder, or - for standard input (repeatable)', collect, [])
    .option('--now <rfc3339>', "the controllers' clock (default: the current time)")
    .option('-o, --output <format>', 'json, yaml or text', 'json')
    .action((opts: { filename: ReadonlyArray<string>; now?: string; output: string }) => {
      result.code = runPlan(opts, io)
    })
  addExpandCommand(program, io, result)
  addCronCommand(program, io, result)
  addSimulateCommand(program, io, result)
  addServeCommand(program, io, result)
  addDiffCommand(program, io, result)
  addControlCommand(program, io, result)
  return program
}

/** Runs the CLI on `argv` (as process.argv) and resolves to the exit code. */
export const main = async (argv: ReadonlyArray<string>, io: CliIo = processIo): Promise<number> => {
  const result = { code: 0 }
  const program = buildProgram(io, result)
  try {
    await program.parseAsync([...argv])
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1
    throw e
  }
  return result.code
}
