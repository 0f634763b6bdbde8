import { addSeconds, type Instant } from '../../core/api'
import type { PodContext } from './podContext'

/**
 * When each of the pod's timers falls due, from anchors kept in the context. A delayed transition
 * carries no time of its own, so the machine sets `now` to the due instant when one fires; this
 * keeps its clock exact however far the driving clock jumped.
 */
export type DueAt = (context: PodContext) => Instant

const startedAt = (c: PodContext): Instant => (c.container._tag === 'Running' ? c.container.startedAt : c.now)
const finishedAt = (c: PodContext): Instant => (c.container._tag === 'Terminated' ? c.container.finishedAt : c.now)
const killedSince = (c: PodContext): Instant => c.killing?.since ?? c.now

/** Containers run `start-seconds` after the kubelet took the pod on. */
export const startDue: DueAt = (c) => addSeconds(c.startTime ?? c.now, c.lifecycle.startSeconds)
/** A run ends `run-seconds` after it started. */
export const runDue: DueAt = (c) => addSeconds(startedAt(c), c.lifecycle.runSeconds ?? 0)
/** A container in CrashLoopBackOff restarts once its back-off has passed since it finished. */
export const restartDue: DueAt = (c) => addSeconds(finishedAt(c), c.backOff?.seconds ?? 0)
/** After SIGTERM the container exits on its own after `stopSeconds`... */
export const stopDue: DueAt = (c) => addSeconds(killedSince(c), c.lifecycle.stopSeconds)
/** ...or is killed when the grace period is over. */
export const graceDue: DueAt = (c) => addSeconds(killedSince(c), c.killing?.graceSeconds ?? 0)
/** `activeDeadlineSeconds` counts from `status.startTime` (pkg/kubelet/active_deadline.go). */
export const deadlineDue: DueAt = (c) => addSeconds(c.startTime ?? c.now, c.activeDeadlineSeconds ?? 0)

/**
 * A delay that never ends: the one of a deadline the pod does not have. XState still schedules
 * it; the clocks that drive the machine here (`xstateClock`, `pureTimeline`) keep no timer for it.
 */
export const never = Number.POSITIVE_INFINITY

/** The delay, in milliseconds from the context's `now`, of a timer due at `due`. */
export const delayUntil =
  (due: DueAt) =>
  ({ context }: { context: PodContext }): number =>
    Math.max(0, due(context) - context.now)

/** Until `activeDeadlineSeconds` runs out, or `never` without one. */
export const deadlineDelay = ({ context }: { context: PodContext }): number =>
  context.activeDeadlineSeconds === undefined ? never : delayUntil(deadlineDue)({ context })
