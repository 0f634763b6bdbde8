import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Command } from 'commander'
import * as E from 'fp-ts/Either'
import { kubeconfigYaml } from '../../http/kubeconfig'
import { startRealTimeClock } from '../../http/realTime'
import { startApiServer, type ApiServer } from '../../http/server'
import { readyNodes } from '../../memory/applyObjects'
import { runtimeKinds, simulatedRuntime, type ContainerRuntime, type RuntimeKind } from '../../memory/containerRuntime'
import { createProcessRuntime } from '../../memory/processRuntime'
import { createSimulatedCluster } from '../../memory/simulatedCluster'
import type { ObjectBody } from '../../runtime/clusterApi'
import type { CliIo } from '../io'
import { readManifests } from '../readManifests'
import { controllersFlagHelp, selectControllers } from './controllerFlags'

const collect = (value: string, previous: ReadonlyArray<string>): ReadonlyArray<string> => [...previous, value]

export interface ServeFlags {
  readonly filename: ReadonlyArray<string>
  readonly nodes: string
  readonly port: string
  readonly speed: string
  readonly kubeconfig: string
  readonly address: string
  readonly token?: string
  /** `--controllers <list>` (kube-controller-manager's syntax, default `*`), or false for `--no-controllers`. */
  readonly controllers?: string | boolean
  /** `--runtime simulated|process` (default simulated). */
  readonly runtime?: string
}

/** What `serve` needs from its process: when to stop, and (for tests) where it listens. */
export interface ServeEnv {
  /** Resolves when the server should shut down (default: SIGINT or SIGTERM). */
  readonly stopped: () => Promise<void>
  readonly onListening?: (url: string) => void
}

export const processServeEnv = (): ServeEnv => ({
  stopped: () =>
    new Promise((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        resolve()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    }),
})

const isRuntimeKind = (text: string): text is RuntimeKind => (runtimeKinds as ReadonlyArray<string>).includes(text)

const isBody = (value: unknown): value is ObjectBody => typeof value === 'object' && value !== null && !Array.isArray(value)

const parseNumber = (name: string, text: string, ok: (n: number) => boolean): number | string => {
  const n = Number(text)
  return text.trim() !== '' && Number.isFinite(n) && ok(n) ? n : `error: invalid ${name} "${text}"`
}

/**
 * `kuberules serve` (contracts §4): the embedded cluster with its manifests and `--nodes` workers,
 * its virtual clock following the wall clock × `--speed`, behind the Kubernetes-compatible API.
 * Writes a kubeconfig, prints the kubectl command to use, and exits 0 on SIGINT/SIGTERM.
 */
export const runServe = async (flags: ServeFlags, io: CliIo, env: ServeEnv = processServeEnv()): Promise<number> => {
  const nodes = parseNumber('--nodes', flags.nodes, (n) => Number.isInteger(n) && n >= 0)
  const port = parseNumber('--port', flags.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535)
  const speed = parseNumber('--speed', flags.speed, (n) => n > 0)
  const bad = [nodes, port, speed].find((v): v is string => typeof v === 'string')
  if (bad !== undefined || typeof nodes !== 'number' || typeof port !== 'number' || typeof speed !== 'number') {
    io.err(`${bad ?? 'error: invalid flags'}\n`)
    return 1
  }
  const controllers = selectControllers(flags.controllers)
  if (E.isLeft(controllers)) {
    io.err(`${controllers.left}\n`)
    return 1
  }
  const runtimeKind = flags.runtime ?? 'simulated'
  if (!isRuntimeKind(runtimeKind)) {
    io.err(`error: invalid --runtime "${runtimeKind}": choose ${runtimeKinds.join(' or ')}\n`)
    return 1
  }
  const read = flags.filename.length > 0 ? readManifests(flags.filename, io) : { objects: [] }
  if (read === undefined) return 1
  const manifests = read.objects.map((o) => o.object).filter(isBody)
  const named = new Set(manifests.filter((o) => o.kind === 'Node').map((o) => o.metadata?.name ?? ''))
  // Whole seconds, as the apiserver stamps creationTimestamp; starting at the wall clock makes AGE read true.
  // The simulated kubelet and scheduler run with any set of controllers, none included (for `kuberules control`).
  // Real processes only make sense on a clock that follows the wall clock, which serve's does.
  const runtime: ContainerRuntime = runtimeKind === 'process' ? createProcessRuntime() : simulatedRuntime
  const cluster = await createSimulatedCluster({ start: Math.floor(io.now() / 1000) * 1000, record: false, controllers: controllers.right, runtime })
  const failures = cluster.apply([...readyNodes(nodes).filter((n) => !named.has(n.metadata?.name ?? '')), ...manifests])
  if (failures.length > 0) {
    io.err(`${failures.map((f) => f.message).join('\n')}\n`)
    cluster.stop()
    return 1
  }
  let server: ApiServer
  try {
    server = await startApiServer({
      store: cluster.store,
      port,
      address: flags.address,
      ...(flags.token !== undefined ? { token: flags.token } : {}),
      ...(runtime.kind === 'process' ? { logs: runtime.logs } : {}),
    })
  } catch (e) {
    io.err(`error: cannot listen on ${flags.address}:${port}: ${e instanceof Error ? e.message : String(e)}\n`)
    cluster.stop()
    return 1
  }
  const clock = startRealTimeClock(cluster, speed)
  const kubeconfig = path.resolve(flags.kubeconfig)
  fs.writeFileSync(kubeconfig, kubeconfigYaml(server.url, flags.token), { mode: 0o600 })
  if (flags.token === undefined && !['127.0.0.1', '::1', 'localhost'].includes(flags.address)) {
    io.err(`warning: serving on ${flags.address} without --token: anyone who can reach it can change the cluster\n`)
  }
  if (runtime.kind === 'process') {
    io.err(`warning: --runtime process runs the manifests' container commands on this machine as this user: unsafe for untrusted manifests\n`)
  }
  io.out(`kuberules API serving at ${server.url} (speed ×${speed})\n`)
  io.out(`controllers: ${controllers.right.length === 0 ? 'none' : controllers.right.map((c) => c.name).join(', ')}\n`)
  io.out(`kubeconfig written to ${kubeconfig}\n`)
  io.out(`  kubectl --kubeconfig ${kubeconfig} get nodes\n`)
  env.onListening?.(server.url)
  await env.stopped()
  await server.close()
  await clock.stop()
  cluster.stop()
  if (runtime.kind === 'process') await runtime.stop()
  io.out('kuberules API stopped\n')
  return 0
}

/** Registers `kuberules serve` on the program. */
export const addServeCommand = (program: Command, io: CliIo, result: { code: number }, env?: ServeEnv): Command =>
  program
    .command('serve')
    .description('serve the embedded cluster as a Kubernetes API on loopback, for kubectl and client libraries')
    .option('-f, --filename <file>', 'manifest file, folder, or - for standard input (repeatable)', collect, [])
    .option('--nodes <n>', 'add N ready worker nodes node-1..node-N', '3')
    .option('--port <port>', 'port to listen on (0: any free port)', '6443')
    .option('--speed <x>', 'virtual seconds per real second', '1')
    .option('--kubeconfig <path>', 'where to write the kubeconfig for the server', 'kuberules.kubeconfig')
    .option('--address <ip>', 'address to bind (the API has no authorization: keep it on loopback)', '127.0.0.1')
    .option('--token <token>', 'require this bearer token on every request')
    .option('--controllers <list>', controllersFlagHelp, '*')
    .option('--runtime <runtime>', 'who runs containers: simulated (the lifecycle annotations) or process (their commands, locally: unsafe for untrusted manifests)', 'simulated')
    .option('--no-controllers', 'run no controllers (the kubelet and scheduler still run): for kuberules control')
    .action(async (opts: ServeFlags) => {
      result.code = await runServe(opts, io, env)
    })
