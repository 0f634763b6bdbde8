import * as E from 'fp-ts/Either'
import type { Command } from 'commander'
import { formatInstant } from '../../../core/api'
import { startClusterControllers } from '../../kubernetes/clusterControllers'
import { connect, defaultKubeconfigPath } from '../../kubernetes/connect'
import { Resources } from '../../runtime/clusterApi'
import type { ControllerManager } from '../../runtime/controllerManager'
import type { CliIo } from '../io'
import { controllersFlagHelp, selectControllers } from './controllerFlags'
import { processServeEnv } from './serve'

export interface ControlFlags {
  readonly kubeconfig: string
  readonly namespace?: string
  readonly controllers?: string | boolean
}

/** What `control` needs from its process: when to stop, and (for tests) the running manager. */
export interface ControlEnv {
  /** Resolves when the controllers should stop (default: SIGINT or SIGTERM). */
  readonly stopped: () => Promise<void>
  readonly onStarted?: (manager: ControllerManager) => void
}

/**
 * `kuberules control`: the DaemonSet, Job and CronJob controllers (or those `--controllers`
 * selects) against a cluster's API in real time, for clusters or namespaces whose built-in
 * controllers are off. Writes only what they own, each with a resourceVersion precondition, and
 * logs every write and event to standard error. Runs until SIGINT/SIGTERM, then exits 0; a bad
 * kubeconfig or an unreachable server exits 1 with one line.
 */
export const runControl = async (flags: ControlFlags, io: CliIo, env: ControlEnv = { stopped: processServeEnv().stopped }): Promise<number> => {
  const selected = selectControllers(flags.controllers)
  if (E.isLeft(selected)) {
    io.err(`${selected.left}\n`)
    return 1
  }
  if (selected.right.length === 0) {
    io.err('error: no controllers to run\n')
    return 1
  }
  const connection = connect(flags.kubeconfig, flags.namespace)
  if (E.isLeft(connection)) {
    io.err(`error: ${connection.left}\n`)
    return 1
  }
  const { api, server } = connection.right
  // The informers would retry an unreachable server forever; say so once and stop instead.
  const reachable = await api.list({ resource: Resources.nodes })
  if (E.isLeft(reachable)) {
    io.err(`error: ${reachable.left.status.message}\n`)
    return 1
  }
  const log = (line: string): void => io.err(`${formatInstant(io.now())} ${line}\n`)
  const manager = await startClusterControllers({ api, controllers: selected.right, log })
  log(`controlling ${flags.namespace !== undefined ? `namespace ${flags.namespace}` : 'all namespaces'} at ${server}: ${selected.right.map((c) => c.name).join(', ')}`)
  env.onStarted?.(manager)
  await env.stopped()
  manager.stop()
  log('stopped')
  return 0
}

/** Registers `kuberules control` on the program. */
export const addControlCommand = (program: Command, io: CliIo, result: { code: number }, env?: ControlEnv): Command =>
  program
    .command('control')
    .description('run the DaemonSet, Job and CronJob controllers against a Kubernetes API until interrupted')
    .option('--kubeconfig <path>', 'kubeconfig of the cluster', defaultKubeconfigPath())
    .option('-n, --namespace <ns>', 'only this namespace (default: all)')
    .option('--controllers <list>', controllersFlagHelp, '*')
    .action(async (opts: ControlFlags) => {
      result.code = await runControl(opts, io, env)
    })
