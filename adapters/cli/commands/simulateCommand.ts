import type { Command } from 'commander'
import type { CliIo } from '../io'
import { runSimulate, type SimulateEnv } from './simulate'
import type { SimulateFlags } from './simulateOptions'

const collect = (value: string, previous: ReadonlyArray<string>): ReadonlyArray<string> => [...previous, value]

/** Registers `kuberules simulate` (contracts §3) on the program. */
export const addSimulateCommand = (program: Command, io: CliIo, result: { code: number }, env?: SimulateEnv): Command =>
  program
    .command('simulate')
    .description('run the embedded cluster (API store, controllers, simulated kubelet) on the manifests in virtual time')
    .option('-f, --filename <file>', 'manifest file, folder, or - for standard input (repeatable)', collect, [])
    .option('--nodes <n>', 'add N ready worker nodes node-1..node-N')
    .option('--for <duration>', 'virtual time to run, e.g. 90s, 10m, 1h30m (default 10m)')
    .option('--until-settled', 'run until a full resync changes nothing (at most 24h of virtual time)')
    .option('--start <rfc3339>', 'virtual time at the start (default 2026-01-01T00:00:00Z)')
    .option('--seed <n>', 'seed for uids and generated names (default 0)')
    .option('-o, --output <format>', 'timeline or json', 'timeline')
    .option('--no-summary', 'timeline only, without the closing kubectl get tables')
    .action(async (opts: SimulateFlags) => {
      result.code = await runSimulate(opts, io, env)
    })
