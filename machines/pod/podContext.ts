import { instantOf, makeInstant, nameOf, namespaceOf, type Instant, type Pod } from '../../core/api'
import type { BackOffEntry } from './crashLoopBackOff'
import type { PodLifecycle } from './podLifecycle'
import type { PodStatusView } from './podStatus'

/** What the pod machine is started with: the Pod as created and how the simulation runs it. */
export interface PodMachineInput {
  readonly pod: Pod
  readonly lifecycle: PodLifecycle
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never'

/** A container's state in the runtime (not yet the API view, which may show it as waiting). */
export type ContainerRun =
  | { readonly _tag: 'NotCreated' }
  | { readonly _tag: 'Running'; readonly startedAt: Instant }
  | Terminated

export interface Terminated {
  readonly _tag: 'Terminated'
  readonly exitCode: number
  readonly reason: string
  readonly startedAt: Instant
  readonly finishedAt: Instant
}

/**
 * Everything the machine knows. All containers of the pod share one lifecycle (the simulation
 * annotations are per pod), so one `ContainerRun` stands for each of them.
 */
export interface PodContext {
  readonly name: string
  readonly namespace: string
  readonly uid: string
  readonly containers: ReadonlyArray<{ readonly name: string; readonly image: string }>
  readonly restartPolicy: RestartPolicy
  readonly terminationGracePeriodSeconds: number
  readonly activeDeadlineSeconds?: number
  readonly lifecycle: PodLifecycle
  /** Virtual time of the latest transition: an event's `at`, or a timer's anchor plus its delay. */
  readonly now: Instant
  readonly nodeName?: string
  /** When the kubelet took the pod on (`status.startTime`), the anchor of activeDeadlineSeconds. */
  readonly startTime?: Instant
  /** Container runs started so far; decides which runs fail (`failTimes`). */
  readonly runs: number
  readonly restartCount: number
  readonly container: ContainerRun
  /** The run before the current one (`lastState`). */
  readonly previous?: Terminated
  readonly backOff?: BackOffEntry
  /** The container waits in CrashLoopBackOff for its next restart. */
  readonly crashLoop: boolean
  /** Containers are being stopped (deletion or deadline) since this instant, with this grace. */
  readonly killing?: { readonly since: Instant; readonly graceSeconds: number }
  readonly deletionRequestedAt?: Instant
  /** The pod is done: no restarts, sandbox gone (`podIsTerminal` in the kubelet). */
  readonly terminal: boolean
  readonly deadlineExceeded: boolean
  /** The status last written, whose conditions keep their lastTransitionTime while unchanged. */
  readonly status?: PodStatusView
}

const restartPolicyOf = (pod: Pod): RestartPolicy => {
  const policy = pod.spec.restartPolicy
  return policy === 'OnFailure' || policy === 'Never' ? policy : 'Always'
}

/** The initial context; unset spec fields take the API server's defaults (Always, 30 s). */
export const podContextOf = ({ pod, lifecycle }: PodMachineInput): PodContext => ({
  name: nameOf(pod),
  namespace: namespaceOf(pod),
  uid: pod.metadata.uid ?? '',
  containers: pod.spec.containers.map((c) => ({ name: c.name, image: c.image ?? '' })),
  restartPolicy: restartPolicyOf(pod),
  terminationGracePeriodSeconds: pod.spec.terminationGracePeriodSeconds ?? 30,
  ...(pod.spec.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: pod.spec.activeDeadlineSeconds } : {}),
  lifecycle,
  now: instantOf(pod.metadata.creationTimestamp) ?? makeInstant(0),
  runs: 0,
  restartCount: 0,
  container: { _tag: 'NotCreated' },
  crashLoop: false,
  terminal: false,
  deadlineExceeded: false,
})
