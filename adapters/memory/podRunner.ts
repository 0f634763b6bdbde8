import { createActor, type Actor } from 'xstate'
import { annotationsOf, controllerOf, makeInstant, type Pod, type StringMap } from '../../core/api'
import { deletionRequested, podLifecycleOf, podMachine, podScheduled, type PodMachine, type PodRef, type PodStatusView } from '../../machines/pod'
import { Resources, type KubeObject } from '../runtime/clusterApi'
import { createFailBudget } from './failBudget'
import type { MemoryStore } from './memoryStore'
import { xstateClock } from './xstateClock'

/** One pod the kubelet knows: its latest stored version and, once it runs on a node, its machine. */
export interface RunningPod {
  pod: Pod
  actor?: Actor<PodMachine>
  /** Set once the machine asked for the pod's removal: its DELETE arrives while the machine finishes. */
  removing?: boolean
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
 */
export const createPodRunner = (store: MemoryStore, stopSeconds: number, byUid: (uid: string) => RunningPod | undefined): PodRunner => {
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
      actor.start()
      actor.send(podScheduled(makeInstant(store.clock.now()), nodeName))
      if (entry.pod.metadata.deletionTimestamp != null) requestDeletion(entry)
    },
    requestDeletion,
    halt: (entry) => {
      // A machine that asked for its own removal is finishing its final state: let it.
      if (entry.removing !== true) entry.actor?.stop()
      delete entry.actor
    },
  }
}
