import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import type { DeletePodReason } from '../plan'
import { completionIndexOf, sortByCompletionIndex } from './completionIndex'
import { indexedCompletionsOf, isIndexedJob } from './jobSpec'
import { sortForDeletion } from './rankPods'

/** An active pod chosen for deletion, with why. */
export interface PodRemoval {
  readonly pod: Pod
  readonly reason: DeletePodReason
}

/**
 * Mirrors `appendDuplicatedIndexPodsForRemoval`: pods without a valid index or with an index at or
 * above completions, and all but the most progressed pod of each repeated index.
 */
export const duplicatedIndexPods = (
  pods: ReadonlyArray<Pod>,
  completions: number,
): { readonly remove: ReadonlyArray<Pod>; readonly keep: ReadonlyArray<Pod> } => {
  const remove: Pod[] = []
  const keep: Pod[] = []
  const sorted = sortByCompletionIndex(pods)
  let group: Pod[] = []
  const flush = (): void => {
    const index = group[0] === undefined ? -1 : completionIndexOf(group[0])
    if (index < 0) remove.push(...group)
    else if (group.length === 1) keep.push(...group)
    else {
      const ranked = sortForDeletion(group)
      remove.push(...ranked.slice(0, -1))
      keep.push(...ranked.slice(-1))
    }
    group = []
  }
  for (const [k, pod] of sorted.entries()) {
    const index = completionIndexOf(pod)
    if (index >= completions) {
      // Upstream appends the out-of-range tail before settling the group in progress.
      remove.push(...sorted.slice(k))
      break
    }
    if (group[0] !== undefined && completionIndexOf(group[0]) !== index) flush()
    group.push(pod)
  }
  flush()
  return { remove, keep }
}

/**
 * Mirrors `activePodsForRemoval`: for Indexed jobs the duplicated and out-of-range pods first
 * (even when nothing else must go), then the `atLeast` first pods of the deletion ranking.
 */
export const activePodsForRemoval = (job: Job, active: ReadonlyArray<Pod>, atLeast: number): ReadonlyArray<PodRemoval> => {
  const { remove, keep } = isIndexedJob(job) ? duplicatedIndexPods(active, indexedCompletionsOf(job)) : { remove: [], keep: active }
  const surplus = remove.map((pod): PodRemoval => ({ pod, reason: 'Surplus' }))
  if (surplus.length >= atLeast) return surplus
  const ranked = sortForDeletion(keep).slice(0, atLeast - surplus.length)
  return [...surplus, ...ranked.map((pod): PodRemoval => ({ pod, reason: 'ScaleDown' }))]
}
