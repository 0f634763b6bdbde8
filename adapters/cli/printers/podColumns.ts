import type { KubeObject } from '../../runtime/clusterApi'
import { ageOf } from './humanDuration'

interface ContainerState {
  readonly waiting?: { readonly reason?: string }
  readonly running?: { readonly startedAt?: string }
  readonly terminated?: { readonly reason?: string; readonly exitCode?: number; readonly signal?: number; readonly finishedAt?: string }
}
interface ContainerStatus {
  readonly ready?: boolean
  readonly restartCount?: number
  readonly state?: ContainerState
  readonly lastState?: ContainerState
}
interface PodView {
  readonly spec?: { readonly containers?: ReadonlyArray<unknown>; readonly nodeName?: string }
  readonly status?: {
    readonly phase?: string
    readonly reason?: string
    readonly conditions?: ReadonlyArray<{ readonly type?: string; readonly status?: string }>
    readonly containerStatuses?: ReadonlyArray<ContainerStatus>
  }
}

/**
 * The Pod row of `kubectl get pods` (`printPod` in pkg/printers/internalversion): READY, STATUS
 * (the phase, overridden by the pod's reason, then by a container's waiting or terminated
 * reason, `Terminating` while a non-terminal pod is being deleted), RESTARTS with the age of the
 * last restart, AGE. The `-o wide` NODE column follows.
 */
export const podColumns = (pod: KubeObject, now: number): ReadonlyArray<string> => {
  const { spec, status } = pod as unknown as PodView
  const statuses = status?.containerStatuses ?? []
  let reason = status?.phase ?? ''
  if ((status?.reason ?? '') !== '') reason = status?.reason ?? reason
  let restarts = 0
  let ready = 0
  let running = false
  let lastRestart = ''
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i] ?? {}
    restarts += c.restartCount ?? 0
    const finished = c.lastState?.terminated?.finishedAt ?? ''
    if (finished > lastRestart) lastRestart = finished
    const { waiting, terminated } = c.state ?? {}
    if ((waiting?.reason ?? '') !== '') reason = waiting?.reason ?? reason
    else if ((terminated?.reason ?? '') !== '') reason = terminated?.reason ?? reason
    else if (terminated !== undefined) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`
    else if (c.ready === true && c.state?.running !== undefined) {
      running = true
      ready++
    }
  }
  if (reason === 'Completed' && running) {
    reason = (status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
  }
  const phase = status?.phase ?? ''
  if (pod.metadata.deletionTimestamp != null && status?.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp != null && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'
  const restartText = restarts !== 0 && lastRestart !== '' ? `${restarts} (${ageOf(lastRestart, now)} ago)` : String(restarts)
  const node = spec?.nodeName ?? ''
  return [
    `${ready}/${spec?.containers?.length ?? 0}`,
    reason,
    restartText,
    ageOf(pod.metadata.creationTimestamp, now),
    node === '' ? '<none>' : node,
  ]
}

export const podHeaders: ReadonlyArray<string> = ['READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE']
