import { createActor, type Actor } from 'xstate'
import { annotationsOf, controllerOf, makeInstant, type Pod, type StringMap } from '../../core/api'
import { containerExited, deletionRequested, podLifecycleOf, podMachine, podScheduled, type PodMachine, type PodRef, type PodStatusView } from '../../machines/pod'
import { Resources, type KubeObject } from '../runtime/clusterApi'
import { simulatedRuntime, type ContainerRuntime, type PodContainers } from './containerRuntime'
import { createFailBudget } from './failBudget'
import type { MemoryStore } from './memoryStore'
import { xstateClock } from './xstateClock'

/** One pod the kubelet knows: its latest stored version and, once it runs on a node, its machine. */
export interface RunningPod {
  pod: Pod
  actor?: Actor<PodMachine>
  /** Set once the machine asked for the pod's removal: its DELETE arrives while the machine finishes. */
  removing?: boolean
  /** Its processes, when the runtime runs them. */
  containers?: PodContainers
}

export interface PodRunner {
  /** Starts the pod's machine on `nodeName` at the current instant. */
  start(entry: RunningPod, nodeName: string): void
  /** Tells a running pod it got a deletionTimestamp. */
  requestDeletion(entry: RunningPod): void
  /** Stops the pod's machine without writing anything (the pod is gone, or its node is). */
  halt(entry: RunningPod): void
}

const templateAnnotationsOf = (owner: KubeObject | undefined): StringMap => {
  const template = (owner?.['spec'] as { readonly template?: { readonly metadata?: { readonly annotations?: StringMap } } } | undefined)?.template
  return template?.metadata?.annotations ?? {}
}

/**
 * Runs `machines/pod` actors on the virtual clock and carries out their effects against the
 * store: `writeStatus` as a PUT of the status subresource, `removePod` as the zero-grace delete
 * of the status manager. The lifecycle comes from the pod's annotations, then its owner's
 * template and the owner itself; `fail-times` is counted per owner (`createFailBudget`).
 * Under a process runtime the machine waits for exits instead (`exitsWhenTold`): the runtime
 * follows each snapshot to start, signal and kill processes, and its exits come back as
 * `container.exited`.
 */
export const createPodRunner = (
  store: MemoryStore,
  stopSeconds: number,
  byUid: (uid: string) => RunningPod | undefined,
  runtime: ContainerRuntime = simulatedRuntime,
): PodRunner => {
  const clock = xstateClock(store.clock)
  const budget = createFailBudget()

  const writeStatus = (uid: string, status: PodStatusView): void => {
    const current = store.byUid(uid)?.object
    if (current === undefined) return
    const { namespace = '', name = '' } = current.metadata
    store.updateStatus({ resource: Resources.pods, namespace, name, body: { ...current, status } })
  }

  const removePod = (ref: PodRef): void => {
    const entry = byUid(ref.uid)
    if (entry !== undefined) entry.removing = true
    store.delete({ resource: Resources.pods, namespace: ref.namespace, name: ref.name, gracePeriodSeconds: 0, preconditions: { uid: ref.uid } })
  }

  const machine = podMachine.provide({
    actions: {
      writeStatus: ({ context }, { status }) => writeStatus(context.uid, status),
      removePod: (_, ref) => removePod(ref),
    },
  })

  const lifecycleOf = (pod: Pod) => {
    const ref = controllerOf(pod)
    const owner = ref === undefined ? undefined : store.byUid(ref.uid)?.object
    const ownerAnnotations = { ...(owner === undefined ? {} : annotationsOf(owner)), ...templateAnnotationsOf(owner) }
    const lifecycle = podLifecycleOf(pod, { ownerAnnotations, stopSeconds })
    // Real processes decide how runs end: the annotations' run-seconds and exit codes do not apply.
    if (runtime.kind === 'process') return { ...lifecycle, exitsWhenTold: true } as const
    if (ref === undefined || lifecycle.failTimes === 0) return lifecycle
    const runsPerPod = pod.spec.restartPolicy === 'Never' ? 1 : Number.POSITIVE_INFINITY
    return { ...lifecycle, failTimes: budget.allot(ref.uid, lifecycle.failTimes, runsPerPod) }
  }

  const requestDeletion = (entry: RunningPod): void => {
    entry.actor?.send(deletionRequested(makeInstant(store.clock.now()), entry.pod.metadata.deletionGracePeriodSeconds))
  }

  return {
    start: (entry, nodeName) => {
      const actor = createActor(machine, { input: { pod: entry.pod, lifecycle: lifecycleOf(entry.pod) }, clock })
      entry.actor = actor
      if (runtime.kind === 'process') {
        const containers = runtime.attach(entry.pod, {
          now: () => store.clock.now(),
          exited: (exitCode, reason) => {
            if (actor.getSnapshot().status === 'active') actor.send(containerExited(makeInstant(store.clock.now()), exitCode, reason))
          },
        })
        entry.containers = containers
        actor.subscribe((snapshot) => containers.sync(snapshot.context))
      }
      actor.start()
      actor.send(podScheduled(makeInstant(store.clock.now()), nodeName))
      if (entry.pod.metadata.deletionTimestamp != null) requestDeletion(entry)
    },
    requestDeletion,
    halt: (entry) => {
      // A machine that asked for its own removal is finishing its final state: let it.
      if (entry.removing !== true) entry.actor?.stop()
      delete entry.actor
      entry.containers?.release()
      delete entry.containers
    },
  }
}
