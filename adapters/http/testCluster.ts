import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { ContainerRuntime } from '../memory/containerRuntime'
import { createSimulatedCluster, type SimulatedCluster } from '../memory/simulatedCluster'
import type { Controller } from '../runtime/controller'
import { kubeconfigYaml } from './kubeconfig'
import { kubectlRunner, type Kubectl } from './kubectlRunner'
import { startRealTimeClock, type RealTimeClock } from './realTime'
import { startApiServer, type ApiServer, type ApiServerOptions } from './server'

/** A served simulated cluster for tests: nodes, the API on a free loopback port, real time × speed. */
export interface ServedCluster {
  readonly cluster: SimulatedCluster
  readonly api: ApiServer
  stop(): Promise<void>
}

export const serveTestCluster = async (
  options: {
    readonly nodes?: number
    readonly speed?: number
    readonly controllers?: ReadonlyArray<Controller>
    /** A process runtime is stopped with the cluster, so no process outlives it. */
    readonly runtime?: ContainerRuntime
  } & Omit<ApiServerOptions, 'store' | 'logs'> = {},
): Promise<ServedCluster> => {
  // Start at the wall clock so AGE columns read like a live cluster's.
  const cluster = await createSimulatedCluster({
    start: Math.floor(Date.now() / 1000) * 1000,
    record: false,
    ...(options.controllers !== undefined ? { controllers: options.controllers } : {}),
    ...(options.runtime !== undefined ? { runtime: options.runtime } : {}),
  })
  cluster.addNodes(options.nodes ?? 2)
  const { nodes: _n, speed: _s, controllers: _c, runtime, ...serverOptions } = options
  const api = await startApiServer({ ...serverOptions, store: cluster.store, ...(runtime?.kind === 'process' ? { logs: runtime.logs } : {}) })
  const clock: RealTimeClock = startRealTimeClock(cluster, options.speed ?? 1)
  return {
    cluster,
    api,
    stop: async () => {
      await api.close()
      await clock.stop()
      cluster.stop()
      if (runtime?.kind === 'process') await runtime.stop()
    },
  }
}

/** A served cluster with the real kubectl pointed at it, for tests that replay kubectl sessions. */
export interface KubectlSession {
  readonly served: ServedCluster
  readonly kubectl: Kubectl
  /** A scratch folder (kubectl's HOME) that tests may write manifests to. */
  readonly home: string
  stop(): Promise<void>
}

/**
 * Serves a cluster and writes a kubeconfig for it into a fresh HOME, which keeps kubectl's
 * discovery and /version caches from other runs out of the way.
 */
export const kubectlSession = async (
  options: { readonly nodes?: number; readonly speed?: number; readonly runtime?: ContainerRuntime },
  repo: string,
): Promise<KubectlSession> => {
  const served = await serveTestCluster(options)
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-kubectl-'))
  const kubeconfig = path.join(home, 'kubeconfig')
  fs.writeFileSync(kubeconfig, kubeconfigYaml(served.api.url))
  return {
    served,
    kubectl: kubectlRunner(kubeconfig, home, repo),
    home,
    stop: async () => {
      await served.stop()
      fs.rmSync(home, { recursive: true, force: true })
    },
  }
}
