import type { Controller } from './controller'
import { startControllerLoop, type ControllerLoop, type ControllerLoopDeps, type LoopStats } from './controllerLoop'

/** The running controllers of a kube-controller-manager. */
export interface ControllerManager {
  readonly loops: ReadonlyArray<ControllerLoop>
  /** Queues every key of every controller, as an informer resync does. */
  resync(): void
  /** True when no controller has a key queued or syncing (keys waiting for a time do not count). */
  isQuiet(): boolean
  stats(): Readonly<Record<string, LoopStats>>
  stop(): void
}

/**
 * Starts one loop per controller on shared informers, then starts the informers, so every
 * loop's triggers see the initial list. Resolves once the caches hold it.
 */
export const startControllerManager = async (controllers: ReadonlyArray<Controller>, deps: ControllerLoopDeps): Promise<ControllerManager> => {
  const loops = controllers.map((c) => startControllerLoop(c, deps))
  await deps.informers.start()
  return {
    loops,
    resync: () => {
      for (const loop of loops) loop.resync()
    },
    isQuiet: () => loops.every((l) => l.queue.length() === 0 && l.queue.processing() === 0),
    stats: () => Object.fromEntries(loops.map((l) => [l.name, l.stats()])),
    stop: () => {
      for (const loop of loops) loop.stop()
      deps.informers.stop()
    },
  }
}
