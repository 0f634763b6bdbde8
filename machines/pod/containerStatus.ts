import { formatInstant } from '../../core/api'
import { formatGoDuration } from './crashLoopBackOff'
import type { PodContext, Terminated } from './podContext'

export type ContainerStateWaiting = { readonly waiting: { readonly reason: string; readonly message?: string } }
export type ContainerStateRunning = { readonly running: { readonly startedAt: string } }
export type ContainerStateTerminated = {
  readonly terminated: {
    readonly exitCode: number
    readonly reason: string
    readonly startedAt: string
    readonly finishedAt: string
  }
}
export type ContainerState = ContainerStateWaiting | ContainerStateRunning | ContainerStateTerminated

/** `v1.ContainerStatus` as the kubelet writes it, fields in the API's order (no runtime ids). */
export type ContainerStatus = {
  readonly name: string
  readonly state: ContainerState
  /** `{}` until the container has terminated once. */
  readonly lastState: ContainerStateTerminated | Readonly<Record<string, never>>
  readonly ready: boolean
  readonly restartCount: number
  readonly image: string
  readonly imageID: string
  readonly started: boolean
}

const terminatedState = (run: Terminated): ContainerStateTerminated => ({
  terminated: {
    exitCode: run.exitCode,
    reason: run.reason,
    startedAt: formatInstant(run.startedAt),
    finishedAt: formatInstant(run.finishedAt),
  },
})

/** The runtime's reason for an exit: `Completed` for 0, `Error` otherwise (containerd, CRI-O). */
export const exitReason = (exitCode: number): string => (exitCode === 0 ? 'Completed' : 'Error')

/** `format.Pod`: how the kubelet names a pod in messages. */
const podDescription = (context: PodContext): string => `${context.name}_${context.namespace}(${context.uid})`

const crashLoopMessage = (context: PodContext, container: string): string =>
  `back-off ${formatGoDuration(context.backOff?.seconds ?? 0)} restarting failed container=${container} pod=${podDescription(context)}`

const stateOf = (context: PodContext, container: string): Pick<ContainerStatus, 'state' | 'lastState'> => {
  const run = context.container
  const last = context.previous !== undefined ? terminatedState(context.previous) : {}
  switch (run._tag) {
    case 'NotCreated':
      return { state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} }
    case 'Running':
      return { state: { running: { startedAt: formatInstant(run.startedAt) } }, lastState: last }
    case 'Terminated':
      // A container the kubelet will restart is shown waiting, its exit moved to lastState.
      return context.crashLoop
        ? {
            state: { waiting: { reason: 'CrashLoopBackOff', message: crashLoopMessage(context, container) } },
            lastState: terminatedState(run),
          }
        : { state: terminatedState(run), lastState: last }
  }
}

/**
 * The pod's `containerStatuses` as `convertToAPIContainerStatuses` in pkg/kubelet/kubelet_pods.go
 * builds them, sorted by name. With no readiness or startup probes a container is ready and
 * started exactly while it runs.
 */
export const containerStatusesOf = (context: PodContext): ContainerStatus[] => {
  const running = context.container._tag === 'Running'
  return [...context.containers]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => ({
      name: c.name,
      ...stateOf(context, c.name),
      ready: running,
      restartCount: context.restartCount,
      image: c.image,
      imageID: context.container._tag === 'NotCreated' && context.previous === undefined ? '' : c.image,
      started: running,
    }))
}
