import type { SimulatedCluster } from '../memory/simulatedCluster'

export interface RealTimeClock {
  stop(): Promise<void>
}

/**
 * Drives the cluster's virtual clock from the wall clock: every `tickMs`, the virtual time
 * catches up to start + elapsed × speed. `cluster.run` waits for the async work each timer starts,
 * so a tick never overlaps the previous one; a slow tick is caught up by the next.
 */
export const startRealTimeClock = (cluster: SimulatedCluster, speed: number, tickMs = 50): RealTimeClock => {
  const virtualStart = cluster.clock.now()
  const realStart = Date.now()
  let running: Promise<unknown> = Promise.resolve()
  let busy = false
  const tick = (): void => {
    if (busy) return
    const target = virtualStart + (Date.now() - realStart) * speed
    const ahead = target - cluster.clock.now()
    if (ahead <= 0) return
    busy = true
    running = cluster.run({ for: ahead }).finally(() => {
      busy = false
    })
  }
  const timer = setInterval(tick, tickMs)
  return {
    stop: async () => {
      clearInterval(timer)
      await running.catch(() => undefined)
    },
  }
}
