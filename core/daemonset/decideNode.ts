import { isBeingDeleted, isPodAvailable, isPodReady, DaemonSetKeys, type Pod } from '../api'
import type { DeletePodReason, RecordEvent } from '../plan'
import { allowsSurge } from './budgets'
import { failedDaemonPod, succeededDaemonPod } from './events'
import { backoffDelayMs, failedPodsBackoffKey, isInBackoff, nextBackoff, type FailedPodBackoff } from './failedPodBackoff'
import { sortPods } from './podOrder'
import type { DaemonSetView, NodeEligibility } from './view'

export interface PodDeletion {
  readonly pod: Pod
  readonly reason: DeletePodReason
}

/** What `manage` decides for one node. */
export interface NodeVerdict {
  readonly create: boolean
  readonly deletions: ReadonlyArray<PodDeletion>
  readonly events: ReadonlyArray<RecordEvent>
  /** Set when a failed pod is left in place during its backoff: sync again after this delay. */
  readonly requeueAfterMs?: number
  readonly backoff: FailedPodBackoff
}

/** With surge: keep the oldest new and the oldest old pod, deleting the old once the new is available. */
const surgeDeletions = (view: DaemonSetView, running: ReadonlyArray<Pod>): ReadonlyArray<PodDeletion> => {
  let oldestNew: Pod | undefined
  let oldestOld: Pod | undefined
  const out: PodDeletion[] = []
  for (const pod of sortPods(running)) {
    // A plain label comparison: the template-generation label is not consulted here upstream.
    const isNew = pod.metadata.labels?.[DaemonSetKeys.revisionHash] === view.hash
    if (isNew && oldestNew === undefined) oldestNew = pod
    else if (!isNew && oldestOld === undefined) oldestOld = pod
    else out.push({ pod, reason: 'Surplus' })
  }
  if (oldestNew !== undefined && oldestOld !== undefined) {
    const minReady = view.ds.spec.minReadySeconds ?? 0
    if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, minReady, view.now)) {
      out.push({ pod: oldestOld, reason: 'Outdated' })
    }
  }
  return out
}

/**
 * Mirrors `podsShouldBeOnNode`: create where a daemon pod is missing, replace failed pods with
 * backoff, delete succeeded pods, prune duplicates (keeping the oldest), and clear nodes the pod
 * may no longer run on.
 */
export const decideNode = (
  view: DaemonSetView,
  nodeName: string,
  elig: NodeEligibility,
  pods: ReadonlyArray<Pod>,
  backoff: FailedPodBackoff,
): NodeVerdict => {
  const none: NodeVerdict = { create: false, deletions: [], events: [], backoff }
  if (elig.shouldRun && pods.length === 0) return { ...none, create: true }
  if (!elig.shouldContinueRunning) {
    const deletions = pods.filter((p) => !isBeingDeleted(p)).map((pod): PodDeletion => ({ pod, reason: 'NotEligible' }))
    return { ...none, deletions }
  }
  const deletions: PodDeletion[] = []
  const events: RecordEvent[] = []
  const running: Pod[] = []
  let nextBackoffState = backoff
  let requeueAfterMs: number | undefined
  for (const pod of pods) {
    if (isBeingDeleted(pod)) continue
    const phase = pod.status?.phase
    if (phase === 'Failed') {
      const key = failedPodsBackoffKey(view.ds, nodeName)
      if (isInBackoff(nextBackoffState, key, view.now)) {
        requeueAfterMs = backoffDelayMs(nextBackoffState, key)
        continue
      }
      nextBackoffState = nextBackoff(nextBackoffState, key, view.now)
      events.push(failedDaemonPod(view.ds, pod, nodeName))
      deletions.push({ pod, reason: 'Failed' })
    } else if (phase === 'Succeeded') {
      events.push(succeededDaemonPod(view.ds, pod, nodeName))
      deletions.push({ pod, reason: 'Succeeded' })
    } else running.push(pod)
  }
  let create = false
  if (!allowsSurge(view.ds)) {
    if (running.length > 1) deletions.push(...sortPods(running).slice(1).map((pod): PodDeletion => ({ pod, reason: 'Surplus' })))
  } else if (running.length === 0) {
    create = elig.shouldRun
  } else {
    deletions.push(...surgeDeletions(view, running))
  }
  return {
    create,
    deletions,
    events,
    backoff: nextBackoffState,
    ...(requeueAfterMs !== undefined ? { requeueAfterMs } : {}),
  }
}
