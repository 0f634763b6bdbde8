import * as E from 'fp-ts/Either'
import { formatInstant, instantOf, isBeingDeleted, isPodReady, isPodTerminal, type Instant, type Pod } from '../../core/api'
import { targetNodeOf } from '../../core/scheduling'
import type { ClusterState } from '../../core/snapshot'

/** The cluster after the rest of the world took its turn, and whether anything changed. */
export interface Settled<S extends ClusterState> {
  readonly state: S
  readonly changed: boolean
}

const started = (pod: Pod, nodeName: string, now: Instant): Pod => {
  const ready = isPodReady(pod)
  const conditions = [
    ...(pod.status?.conditions ?? []).filter((c) => c.type !== 'Ready'),
    ready ? (pod.status?.conditions ?? []).find((c) => c.type === 'Ready') : undefined,
  ].filter((c) => c !== undefined)
  return {
    ...pod,
    spec: { ...pod.spec, nodeName },
    status: {
      ...pod.status,
      phase: 'Running',
      conditions: ready ? conditions : [...conditions, { type: 'Ready', status: 'True', lastTransitionTime: formatInstant(now) }],
    },
  }
}

const isHealthy = (pod: Pod, nodeName: string): boolean =>
  pod.spec.nodeName === nodeName && pod.status?.phase === 'Running' && isPodReady(pod)

/**
 * A healthy world between two syncs, at `now`: the scheduler binds every pod pinned to an existing
 * node, the kubelet starts it Running and Ready (lastTransitionTime = now), finishes terminating
 * pods whose deletionTimestamp has passed (their finalizers done), and PodGC removes pods bound to
 * nodes that no longer exist. Terminal pods stay terminal: the controller must clean them up.
 * Simplification: the scheduler binds even where a taint would keep the pod Pending.
 */
export const settleCluster = <S extends ClusterState>(state: S, now: Instant): Settled<S> => {
  const nodes = new Set(state.nodes.map((n) => n.metadata.name ?? ''))
  let changed = false
  const pods: Pod[] = []
  for (const pod of state.pods) {
    if (isBeingDeleted(pod)) {
      const due = instantOf(pod.metadata.deletionTimestamp)
      if (due === undefined || due <= now) {
        changed = true
        continue
      }
      pods.push(pod)
      continue
    }
    const bound = pod.spec.nodeName ?? ''
    if (bound !== '' && !nodes.has(bound)) {
      changed = true
      continue
    }
    const target = targetNodeOf(pod)
    if (isPodTerminal(pod) || E.isLeft(target) || !nodes.has(target.right) || isHealthy(pod, target.right)) {
      pods.push(pod)
      continue
    }
    changed = true
    pods.push(started(pod, target.right, now))
  }
  return { state: changed ? { ...state, pods } : state, changed }
}
