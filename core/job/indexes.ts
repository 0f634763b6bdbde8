import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import { completionIndexOf, hasIndexBelow, indexAbsoluteFailureCountOf, indexFailureCountOf, indexIgnoredFailureCountOf } from './completionIndex'
import { validNewPods } from './countTerminated'
import { finishedTimeOf } from './finishedTime'
import { intervalsHas, mergeIntervals, parseIndexes, withIndexes, type OrderedIntervals } from './intervals'
import { indexedCompletionsOf, onlyReplaceFailedPods } from './jobSpec'
import { matchPodFailurePolicy } from './podFailurePolicy'
import { hasTrackingFinalizer, isPodFailed, isSucceeded, isTerminating } from './podState'

/**
 * Mirrors `calculateSucceededIndexes`: the indexes already in `status.completedIndexes` and those
 * plus the in-range indexes of succeeded pods still holding the finalizer.
 */
export const succeededIndexesOf = (job: Job, pods: ReadonlyArray<Pod>): { readonly previous: OrderedIntervals; readonly current: OrderedIntervals } => {
  const completions = indexedCompletionsOf(job)
  const previous = parseIndexes(job.status?.completedIndexes, completions)
  const fresh = pods.filter((p) => isSucceeded(p) && hasTrackingFinalizer(p) && hasIndexBelow(p, completions)).map(completionIndexOf)
  return { previous, current: withIndexes(previous, fresh) }
}

/** `isIndexFailed`: a counted failure at or past backoffLimitPerIndex, or a FailIndex match. */
export const isIndexFailed = (job: Job, pod: Pod): boolean => {
  if (!isPodFailed(pod, job)) return false
  const match = matchPodFailurePolicy(job.spec.podFailurePolicy, pod)
  if (match.action === 'FailIndex') return true
  return match.countFailed && indexFailureCountOf(pod) >= (job.spec.backoffLimitPerIndex ?? 0)
}

/** Mirrors `calculateFailedIndexes`: `status.failedIndexes` plus indexes whose new failure fails them. */
export const failedIndexesOf = (job: Job, pods: ReadonlyArray<Pod>): OrderedIntervals => {
  const completions = indexedCompletionsOf(job)
  const previous = parseIndexes(job.status?.failedIndexes, completions)
  const fresh = pods.filter((p) => hasIndexBelow(p, completions) && hasTrackingFinalizer(p) && isIndexFailed(job, p)).map(completionIndexOf)
  return withIndexes(previous, fresh)
}

const indexesOfPods = (pods: ReadonlyArray<Pod>): ReadonlyArray<number> => pods.map(completionIndexOf).filter((i) => i >= 0)

/**
 * Mirrors `firstPendingIndexes`: the `count` lowest indexes below completions that are not
 * succeeded, held by an active pod, failed, or (only-replace-failed mode) held by a terminating pod.
 */
export const firstPendingIndexes = (
  job: Job,
  pods: ReadonlyArray<Pod>,
  activePods: ReadonlyArray<Pod>,
  succeeded: OrderedIntervals,
  failed: OrderedIntervals | undefined,
  count: number,
): ReadonlyArray<number> => {
  if (count <= 0) return []
  const completions = indexedCompletionsOf(job)
  let taken = withIndexes(succeeded, indexesOfPods(activePods))
  if (onlyReplaceFailedPods(job)) taken = withIndexes(taken, indexesOfPods(pods.filter(isTerminating)))
  if (failed !== undefined) taken = mergeIntervals(taken, failed)
  const out: number[] = []
  let candidate = 0
  for (const { first, last } of taken) {
    for (; candidate < completions && out.length < count && candidate < first; candidate++) out.push(candidate)
    if (candidate < last + 1) candidate = last + 1
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate)
  return out
}

/**
 * Mirrors `getPodsWithDelayedDeletionPerIndex`: per pending index, the failed pod whose finalizer
 * is kept until a replacement carries its failure counts (highest count, then latest finish).
 */
export const podsWithDelayedDeletion = (
  job: Job,
  pods: ReadonlyArray<Pod>,
  activePods: ReadonlyArray<Pod>,
  expectedRemovals: ReadonlySet<string>,
  succeeded: OrderedIntervals,
  failed: OrderedIntervals,
): ReadonlyMap<number, Pod> => {
  const completions = indexedCompletionsOf(job)
  const active = new Set(indexesOfPods(activePods))
  const held = new Map<number, Pod>()
  for (const pod of validNewPods(job, pods, new Set(), expectedRemovals, (p) => isPodFailed(p, job))) {
    const index = completionIndexOf(pod)
    if (index < 0 || index >= completions || intervalsHas(succeeded, index) || intervalsHas(failed, index) || active.has(index)) continue
    const last = held.get(index)
    if (last === undefined || (indexAbsoluteFailureCountOf(last) <= indexAbsoluteFailureCountOf(pod) && finishedTimeOf(pod) >= finishedTimeOf(last))) {
      held.set(index, pod)
    }
  }
  return held
}

/** `getNewIndexFailureCounts`: the annotations a replacement inherits, bumped for the pod it replaces. */
export const newIndexFailureCounts = (job: Job, replaced: Pod | undefined): { readonly failures: number; readonly ignored: number } => {
  if (replaced === undefined) return { failures: 0, ignored: 0 }
  const failures = indexFailureCountOf(replaced)
  const ignored = indexIgnoredFailureCountOf(replaced)
  return matchPodFailurePolicy(job.spec.podFailurePolicy, replaced).countFailed
    ? { failures: failures + 1, ignored }
    : { failures, ignored: ignored + 1 }
}
