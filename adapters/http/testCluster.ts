import { createSimulatedCluster, type SimulatedCluster } from '../memory/simulatedCluster'
import { startRealTimeClock, type RealTimeClock } from './realTime'
import { startApiServer, type ApiServer, type ApiServerOptions } from './server'

/** A served simulated cluster for tests: nodes, the API on a free loopback port, real time × speed. */
export interface ServedCluster {
  readonly cluster: SimulatedCluster
  readonly api: ApiServer
  stop(): Promise<void>
}

export const serveTestCluster = async (options: { readonly nodes?: number; readonly speed?: number } & Omit<ApiServerOptions, 'store'> = {}): Promise<ServedCluster> => {
  // Start at the wall clock so AGE columns read like a live cluster's.
  const cluster = await createSimulatedCluster({ start: Math.floor(Date.now() / 1000) * 1000, record: false })
  cluster.addNodes(options.nodes ?? 2)
  const { nodes: _n, speed: _s, ...serverOptions } = options
  const api = await startApiServer({ ...serverOptions, store: cluster.store })
  const clock: RealTimeClock = startRealTimeClock(cluster, options.speed ?? 1)
  return {
    cluster,
    api,
    stop: async () => {
      await api.close()
      await clock.stop()
      cluster.stop()
    },
  }
}
