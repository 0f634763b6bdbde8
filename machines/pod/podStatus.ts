import { formatInstant, type PodPhase } from '../../core/api'
import { containerStatusesOf, type ContainerStatus } from './containerStatus'
import type { PodContext } from './podContext'
import { podConditionsOf, type PodConditionView } from './podConditions'

/**
 * `v1.PodStatus` as the simulated kubelet writes it. It is assignable to core's `PodStatus` (hence
 * plain arrays), so adapters store it as is.
 */
export type PodStatusView = {
  readonly phase: PodPhase
  readonly conditions: PodConditionView[]
  readonly reason?: string
  readonly message?: string
  readonly startTime?: string
  readonly containerStatuses: ContainerStatus[]
}

/** `reason`/`message` of the active deadline handler (pkg/kubelet/active_deadline.go). */
export const deadlineExceeded = {
  reason: 'DeadlineExceeded',
  message: 'Pod was active on the node longer than the specified deadline',
} as const

/**
 * `getPhase` in pkg/kubelet/kubelet_pods.go for a pod whose containers share one lifecycle:
 * Pending until they run; Running while they run or restart; once they exited, Running under
 * restartPolicy Always, Succeeded for exit 0, Failed under Never, Running (restarting) under
 * OnFailure. A terminal pod (stopped for good) is Succeeded or Failed by its exit code alone, and
 * a pod past its active deadline is Failed whatever its containers do.
 */
export const podPhaseOf = (context: PodContext): PodPhase => {
  if (context.deadlineExceeded) return 'Failed'
  const run = context.container
  switch (run._tag) {
    case 'NotCreated':
      return 'Pending'
    case 'Running':
      return 'Running'
    case 'Terminated':
      if (context.terminal) return run.exitCode === 0 ? 'Succeeded' : 'Failed'
      // In CrashLoopBackOff the container waits with a last termination: stopped, not succeeded.
      if (context.crashLoop || context.restartPolicy === 'Always') return 'Running'
      if (run.exitCode === 0) return 'Succeeded'
      return context.restartPolicy === 'Never' ? 'Failed' : 'Running'
  }
}

/**
 * The status the kubelet writes at `context.now`: phase, the kubelet-owned conditions (with
 * lastTransitionTime carried over from `context.status`), `startTime` and `containerStatuses`.
 * Pure: the machine records it in its context and hands it to the `writeStatus` effect.
 */
export const podStatusOf = (context: PodContext): PodStatusView => {
  const phase = podPhaseOf(context)
  return {
    phase,
    conditions: podConditionsOf(context, phase),
    ...(context.deadlineExceeded ? deadlineExceeded : {}),
    ...(context.startTime !== undefined ? { startTime: formatInstant(context.startTime) } : {}),
    containerStatuses: containerStatusesOf(context),
  }
}
