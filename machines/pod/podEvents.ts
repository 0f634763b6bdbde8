import type { Instant } from '../../core/api'

/**
 * Facts the simulated kubelet tells a pod machine. Each carries its virtual time `at`; what
 * happens on the pod's own timers (containers started, exited, grace period over, deadline
 * passed) the machine derives from its delays and needs no event.
 */
export type PodEvent = PodScheduled | DeletionRequested | ContainerExited

/** The pod was bound to a node, and that node's kubelet took it on. */
export interface PodScheduled {
  readonly type: 'pod.scheduled'
  readonly at: Instant
  readonly nodeName: string
}

/** The pod got a deletionTimestamp; `gracePeriodSeconds` is `metadata.deletionGracePeriodSeconds`. */
export interface DeletionRequested {
  readonly type: 'deletion.requested'
  readonly at: Instant
  readonly gracePeriodSeconds?: number
}

/** The containers exited on their own, outside the lifecycle (a crash, an OOM kill, an injected fault). */
export interface ContainerExited {
  readonly type: 'container.exited'
  readonly at: Instant
  readonly exitCode: number
  /** Runtime reason; by default `Completed` for 0 and `Error` otherwise. */
  readonly reason?: string
}

export const podScheduled = (at: Instant, nodeName: string): PodScheduled => ({ type: 'pod.scheduled', at, nodeName })

export const deletionRequested = (at: Instant, gracePeriodSeconds?: number): DeletionRequested =>
  gracePeriodSeconds === undefined ? { type: 'deletion.requested', at } : { type: 'deletion.requested', at, gracePeriodSeconds }

export const containerExited = (at: Instant, exitCode: number, reason?: string): ContainerExited =>
  reason === undefined ? { type: 'container.exited', at, exitCode } : { type: 'container.exited', at, exitCode, reason }
