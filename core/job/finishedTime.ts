import { instantOf, type Instant } from '../api/instant'
import type { Pod } from '../api/pod'
import { podReadyCondition } from '../api/podStatus'
import { containerStatusesOf, initContainerStatusesOf } from './containerStatuses'

/** Latest `finishedAt` when every (app and init) container is terminated with a time; else undefined. */
const finishedFromContainers = (pod: Pod): Instant | undefined => {
  let latest: Instant | undefined
  for (const status of [...containerStatusesOf(pod), ...initContainerStatusesOf(pod)]) {
    const at = instantOf(status.terminated?.finishedAt)
    if (at === undefined) return undefined
    if (latest === undefined || at > latest) latest = at
  }
  return latest
}

/**
 * Mirrors `getFinishedTime` (backoff_utils.go): all containers' latest finish, else the
 * `Ready=False` transition, else `deletionTimestamp − grace`, else `creationTimestamp` (epoch 0
 * when even that is missing, Go's zero time being far in the past too).
 */
export const finishedTimeOf = (pod: Pod): Instant => {
  const fromContainers = finishedFromContainers(pod)
  if (fromContainers !== undefined) return fromContainers
  const ready = podReadyCondition(pod)
  const readyFalse = ready?.status === 'False' ? instantOf(ready.lastTransitionTime) : undefined
  if (readyFalse !== undefined) return readyFalse
  const deletion = instantOf(pod.metadata.deletionTimestamp)
  if (deletion !== undefined) return (deletion - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000) as Instant
  return instantOf(pod.metadata.creationTimestamp) ?? (0 as Instant)
}
