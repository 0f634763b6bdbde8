import type { Pod } from '../../core/api'
import type { PodContext } from '../../machines/pod'
import type { ContainerLogs } from './containerLog'

/** What a runtime may tell the kubelet about one pod. */
export interface RuntimeHost {
  /** The virtual time, to stamp log lines with. */
  now(): number
  /** Every container of the current run has exited (the pod machine's `container.exited`). */
  exited(exitCode: number, reason?: string): void
}

/** One pod's containers in a runtime that runs them. */
export interface PodContainers {
  /** Called with each context the pod machine settles in: starts a new run, sends SIGTERM, kills. */
  sync(context: PodContext): void
  /** The pod's machine is gone: kill what still runs and forget the pod, its logs included. */
  release(): void
}

/**
 * Who decides how long containers run and how they exit:
 * - `simulated`: the lifecycle annotations (contracts §3) on the virtual clock; nothing runs;
 * - `process`: each container's command runs as a local process, and the pod machine waits for
 *   it (`exitsWhenTold`); only meaningful when the virtual clock follows the wall clock.
 */
export type ContainerRuntime = SimulatedRuntime | ProcessRuntime

export interface SimulatedRuntime {
  readonly kind: 'simulated'
}

export interface ProcessRuntime {
  readonly kind: 'process'
  /** Takes a pod on; called once its machine starts on a node. */
  attach(pod: Pod, host: RuntimeHost): PodContainers
  readonly logs: ContainerLogs
  /** Processes still running. */
  running(): number
  /** Kills every process left, waits until they are gone and removes the working folders. */
  stop(): Promise<void>
}

export const simulatedRuntime: SimulatedRuntime = { kind: 'simulated' }

export const runtimeKinds = ['simulated', 'process'] as const
export type RuntimeKind = (typeof runtimeKinds)[number]
