import type { Subscription } from 'rxjs'
import { createActivity } from '../runtime/activity'
import type { ClusterApi, KubeObject, ObjectBody } from '../runtime/clusterApi'
import type { Controller } from '../runtime/controller'
import { startControllerManager, type ControllerManager } from '../runtime/controllerManager'
import { builtinControllers } from '../runtime/controllers'
import { createSharedInformers } from '../runtime/sharedInformers'
import { applyObjects, clusterNamespaces, readyNodes, type ApplyFailure } from './applyObjects'
import type { ContainerRuntime } from './containerRuntime'
import { countingScheduler } from './countingScheduler'
import { createEventRecorder } from './eventRecorder'
import { startGarbageCollector } from './garbageCollector'
import { startKubelet, type Kubelet } from './kubelet'
import { memoryClusterApi } from './memoryClusterApi'
import type { MemoryStore } from './memoryStore'
import type { ResourceInfo } from './resources'
import { runClock, type RunReport, type RunUntil } from './runClock'
import { createMemoryStore } from './store'
import { createVirtualClock, type VirtualClock } from './virtualClock'
import { virtualScheduler } from './virtualScheduler'

/** 2026-01-01T00:00:00Z: where a simulation's clock starts unless told otherwise, so runs repeat. */
export const defaultSimulationStart = Date.UTC(2026, 0, 1)

export interface SimulatedClusterOptions {
  /** Epoch ms the virtual clock starts at (default `defaultSimulationStart`). */
  readonly start?: number
  /** Seeds uids and generated names (default 0). */
  readonly seed?: number
  readonly controllers?: ReadonlyArray<Controller>
  /** Every controller queues all its keys this often (default 5 virtual minutes; 0: never). */
  readonly resyncPeriodMs?: number
  /** Kinds to serve beyond the built-in ones (manifests of other kinds are carried along). */
  readonly resources?: ReadonlyArray<ResourceInfo>
  /** Seconds containers take to stop after SIGTERM (default 0). */
  readonly stopSeconds?: number
  /** Who runs the containers (default: simulated); its owner stops a process runtime after the cluster. */
  readonly runtime?: ContainerRuntime
  /** Keep every change for `timeline()` (default true). */
  readonly record?: boolean
  readonly log?: (line: string) => void
}

/** One committed change, at the virtual time it happened. */
export interface TimelineEntry {
  readonly time: number
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
  readonly object: KubeObject
}

export interface SimulatedCluster {
  readonly clock: VirtualClock
  readonly store: MemoryStore
  readonly api: ClusterApi
  readonly controllers: ControllerManager
  readonly kubelet: Kubelet
  /** Creates the objects as `kubectl create` does, namespaces and nodes first; all or nothing when each is valid. */
  apply(objects: ReadonlyArray<ObjectBody>): ReadonlyArray<ApplyFailure>
  /** Adds Ready worker nodes `node-1`..`node-<count>`. */
  addNodes(count: number): ReadonlyArray<ApplyFailure>
  /** Moves virtual time from one due timer to the next: for a duration, or until nothing more changes. */
  run(until: RunUntil, onProgress?: (now: number) => void): Promise<RunReport>
  timeline(): ReadonlyArray<TimelineEntry>
  /** Every stored object, by resource, namespace and name. */
  objects(): ReadonlyArray<KubeObject>
  stop(): void
}

/**
 * The embedded cluster on one virtual clock: the API store, the garbage collector, the
 * controllers (on `ClusterApi`, with the virtual RxJS scheduler and one event recorder per
 * component), and the simulated kubelet/scheduler. Nothing reads the wall clock or draws random
 * numbers, so the same options and objects give the same timeline.
 */
export const createSimulatedCluster = async (options: SimulatedClusterOptions = {}): Promise<SimulatedCluster> => {
  const clock = createVirtualClock({ start: options.start ?? defaultSimulationStart })
  const store = createMemoryStore({ clock, seed: options.seed ?? 0, ...(options.resources !== undefined ? { resources: options.resources } : {}) })
  const recorded: TimelineEntry[] = []
  const recording: Subscription | undefined =
    options.record === false ? undefined : store.changes$.subscribe((c) => void recorded.push({ time: clock.now(), type: c.type, object: c.object }))
  const api = memoryClusterApi(store)
  const activity = createActivity()
  const scheduler = virtualScheduler(clock)
  const background = countingScheduler(clock)
  const gc = startGarbageCollector(store)
  const kubelet = startKubelet(store, {
    ...(options.stopSeconds !== undefined ? { stopSeconds: options.stopSeconds } : {}),
    ...(options.runtime !== undefined ? { runtime: options.runtime } : {}),
  })
  const informers = createSharedInformers({ api, decode: 'trusted', scheduler, activity, ...(options.log !== undefined ? { log: options.log } : {}) })
  const controllers = await startControllerManager(options.controllers ?? builtinControllers, {
    api,
    informers,
    scheduler,
    events: (component) => createEventRecorder(store, { component }),
    activity,
    resyncPeriodMs: options.resyncPeriodMs ?? 5 * 60 * 1000,
    resyncScheduler: background,
    ...(options.log !== undefined ? { log: options.log } : {}),
  })
  applyObjects(store, clusterNamespaces)

  return {
    clock,
    store,
    api,
    controllers,
    kubelet,
    apply: (objects) => applyObjects(store, objects),
    addNodes: (count) => applyObjects(store, readyNodes(count)),
    run: (until, onProgress) =>
      runClock({ clock, store, activity, controllers, backgroundPending: () => background.pending() }, until, onProgress),
    timeline: () => recorded,
    objects: () => store.entries().map((e) => e.object),
    stop: () => {
      controllers.stop()
      kubelet.stop()
      gc.stop()
      recording?.unsubscribe()
    },
  }
}
