import { instantOf } from '../api/instant'
import type { Pod } from '../api/pod'
import { isPodReady, podReadyCondition } from '../api/podStatus'
import { containerStatusesOf } from './containerStatuses'

/** What `controller.ActivePods.Less` looks at, read once per pod. */
interface Rank {
  readonly unscheduled: boolean
  readonly phase: number
  readonly ready: boolean
  /** Ready transition time; 0 (Go's zero time) when unknown. */
  readonly readySince: number
  readonly restarts: number
  /** Creation time; 0 when unknown. */
  readonly created: number
}

const phaseOrdinal = (pod: Pod): number => {
  switch (pod.status?.phase) {
    case 'Unknown':
      return 1
    case 'Running':
      return 2
    default:
      return 0
  }
}

const rankOf = (pod: Pod): Rank => {
  const ready = isPodReady(pod)
  return {
    unscheduled: (pod.spec.nodeName ?? '') === '',
    phase: phaseOrdinal(pod),
    ready,
    readySince: ready ? (instantOf(podReadyCondition(pod)?.lastTransitionTime) ?? 0) : 0,
    restarts: Math.max(0, ...containerStatusesOf(pod).map((s) => s.restartCount)),
    created: instantOf(pod.metadata.creationTimestamp) ?? 0,
  }
}

/** `afterOrZero`: zero first, else the later time first. Returns the comparator sign. */
const newerFirst = (a: number, b: number): number => {
  if (a === b) return 0
  if (a === 0 || b === 0) return a === 0 ? -1 : 1
  return a > b ? -1 : 1
}

const compareRanks = (a: Rank, b: Rank, nodesDiffer: boolean): number => {
  if (nodesDiffer && a.unscheduled !== b.unscheduled) return a.unscheduled ? -1 : 1
  if (a.phase !== b.phase) return a.phase - b.phase
  if (a.ready !== b.ready) return a.ready ? 1 : -1
  if (a.ready) {
    const byReady = newerFirst(a.readySince, b.readySince)
    if (byReady !== 0) return byReady
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts
  return newerFirst(a.created, b.created)
}

/**
 * Mirrors `controller.ActivePods.Less`, the order in which active pods are deleted first:
 * unscheduled, then Pending < Unknown < Running, not ready, ready more recently, more restarts,
 * newer creation. Ties keep their input order (a stable sort).
 */
export const compareForDeletion = (a: Pod, b: Pod): number =>
  compareRanks(rankOf(a), rankOf(b), (a.spec.nodeName ?? '') !== (b.spec.nodeName ?? ''))

/** Pods in deletion order, each pod's rank computed once (n log n comparisons stay cheap). */
export const sortForDeletion = (pods: ReadonlyArray<Pod>): ReadonlyArray<Pod> =>
  pods
    .map((pod) => ({ pod, rank: rankOf(pod), node: pod.spec.nodeName ?? '' }))
    .sort((a, b) => compareRanks(a.rank, b.rank, a.node !== b.node))
    .map(({ pod }) => pod)
