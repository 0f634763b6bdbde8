import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import { hasIndexBelow } from './completionIndex'
import { indexedCompletionsOf, isIndexedJob } from './jobSpec'
import { matchPodFailurePolicy } from './podFailurePolicy'
import { hasTrackingFinalizer, isPodFailed, isSucceeded, uidOf } from './podState'

/** The UIDs of `status.uncountedTerminatedPods`, as sets. */
export interface UncountedSets {
  readonly succeeded: ReadonlySet<string>
  readonly failed: ReadonlySet<string>
}

/** Finished pods not yet accounted for, and the counters they lead to (reference §5 step 2). */
export interface TerminatedCounts {
  readonly uncounted: UncountedSets
  readonly newSucceeded: ReadonlyArray<Pod>
  /** Includes failures an Ignore rule matched: they still feed the backoff record. */
  readonly newFailed: ReadonlyArray<Pod>
  readonly succeeded: number
  readonly failed: number
}

export const uncountedSetsOf = (job: Job): UncountedSets => ({
  succeeded: new Set(job.status?.uncountedTerminatedPods?.succeeded ?? []),
  failed: new Set(job.status?.uncountedTerminatedPods?.failed ?? []),
})

/**
 * `getValidPodsWithFilter`: pods still holding the tracking finalizer, not listed in `uncounted`,
 * whose finalizer removal is not already awaited and, for Indexed jobs, with an in-range index.
 */
export const validNewPods = (
  job: Job,
  pods: ReadonlyArray<Pod>,
  uncounted: ReadonlySet<string>,
  expectedRemovals: ReadonlySet<string>,
  keep: (pod: Pod) => boolean,
): ReadonlyArray<Pod> => {
  const indexed = isIndexedJob(job)
  const completions = indexedCompletionsOf(job)
  return pods.filter((p) => {
    const uid = uidOf(p)
    if (!hasTrackingFinalizer(p) || uncounted.has(uid) || expectedRemovals.has(uid)) return false
    if (indexed && !hasIndexBelow(p, completions)) return false
    return keep(p)
  })
}

/**
 * Mirrors `getNewFinishedPods` and the counters of `syncJob`: succeeded = status + new + uncounted;
 * failed = status + new failures not matching an Ignore rule + uncounted.
 */
export const countTerminated = (job: Job, pods: ReadonlyArray<Pod>, expectedRemovals: ReadonlySet<string>): TerminatedCounts => {
  const uncounted = uncountedSetsOf(job)
  const newSucceeded = validNewPods(job, pods, uncounted.succeeded, expectedRemovals, isSucceeded)
  const newFailed = validNewPods(job, pods, uncounted.failed, expectedRemovals, (p) => isPodFailed(p, job))
  const policy = job.spec.podFailurePolicy
  const countedFailures = policy == null ? newFailed.length : newFailed.filter((p) => matchPodFailurePolicy(policy, p).countFailed).length
  return {
    uncounted,
    newSucceeded,
    newFailed,
    succeeded: (job.status?.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size,
    failed: (job.status?.failed ?? 0) + countedFailures + uncounted.failed.size,
  }
}
