import { instantOf, type Instant } from './instant'
import type { Pod, PodCondition } from './pod'

export const podReadyCondition = (pod: Pod): PodCondition | undefined =>
  (pod.status?.conditions ?? []).find((c) => c.type === 'Ready')

/** `podutil.IsPodReady`: the Ready condition is True. */
export const isPodReady = (pod: Pod): boolean => podReadyCondition(pod)?.status === 'True'

/**
 * `podutil.IsPodAvailable`: Ready, and Ready for longer than minReadySeconds. At exactly
 * lastTransitionTime + minReadySeconds the pod is not yet available (upstream compares strictly).
 */
export const isPodAvailable = (pod: Pod, minReadySeconds: number, now: Instant): boolean => {
  const ready = podReadyCondition(pod)
  if (ready?.status !== 'True') return false
  if (minReadySeconds === 0) return true
  const since = instantOf(ready.lastTransitionTime)
  return since !== undefined && since + minReadySeconds * 1000 < now
}

export const isPodTerminal = (pod: Pod): boolean => pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded'
