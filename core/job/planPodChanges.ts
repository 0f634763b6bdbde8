import type { Instant } from '../api/instant'
import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import { createPod, type Action } from '../plan'
import { remainingBackoffOf, remainingIndexBackoffMs, type BackoffRecord } from './backoff'
import { firstPendingIndexes, newIndexFailureCounts } from './indexes'
import type { OrderedIntervals } from './intervals'
import { completionsOf, hasBackoffLimitPerIndex, isIndexedJob, isSuspended, jobOwner, onlyReplaceFailedPods, parallelismOf } from './jobSpec'
import { podFromTemplate } from './podFromTemplate'
import { activePodsForRemoval } from './podsForRemoval'
import { planPodDeletions } from './planPodDeletions'

/** `MaxPodCreateDeletePerSync`. */
export const maxPodCreateDeletePerSync = 500

/** Everything `manageJob` reads. */
export interface PodChangeInput {
  readonly job: Job
  readonly now: Instant
  readonly pods: ReadonlyArray<Pod>
  readonly activePods: ReadonlyArray<Pod>
  readonly succeeded: number
  readonly terminating: number
  readonly backoff: BackoffRecord
  readonly succeededIndexes: OrderedIntervals
  readonly failedIndexes?: OrderedIntervals
  readonly delayedDeletion: ReadonlyMap<number, Pod>
}

/** What `manageJob` does: its actions and the counters it leaves behind. */
export interface PodChanges {
  readonly actions: ReadonlyArray<Action>
  readonly active: number
  readonly terminatingAdded: number
  readonly readyRemoved: number
  readonly requeueAfterMs?: number
}

/** `wantActive`: work-queue jobs keep what runs after a first success; else the remaining completions, capped by parallelism. */
export const wantActiveOf = (job: Job, active: number, succeeded: number): number => {
  const completions = completionsOf(job)
  if (completions === undefined) return succeeded > 0 ? active : parallelismOf(job)
  return Math.max(0, Math.min(completions - succeeded, parallelismOf(job)))
}

const deletions = (input: PodChangeInput, count: number, cap: number, suspending = false): PodChanges | undefined => {
  const chosen = activePodsForRemoval(input.job, input.activePods, count).slice(0, cap)
  const removals = suspending ? chosen.map((r) => ({ ...r, reason: 'Suspended' as const })) : chosen
  if (removals.length === 0) return undefined
  const planned = planPodDeletions(input.job, removals, true)
  return {
    actions: planned.actions,
    active: input.activePods.length - planned.deleted,
    terminatingAdded: planned.deleted,
    readyRemoved: planned.deletedReady,
  }
}

/** Creation is deferred: nothing created, a requeue of at least the 1 s batch period, real `active` reported. */
const deferred = (input: PodChangeInput, remainingMs: number): PodChanges => ({
  actions: [],
  active: input.activePods.length,
  terminatingAdded: 0,
  readyRemoved: 0,
  requeueAfterMs: Math.max(remainingMs, 1000),
})

const creations = (input: PodChangeInput, wanted: number): PodChanges => {
  const { job, now } = input
  const active = input.activePods.length
  if (!hasBackoffLimitPerIndex(job)) {
    const remaining = remainingBackoffOf(input.backoff, now)
    if (remaining > 0) return deferred(input, remaining)
  }
  const diff = Math.min(wanted, maxPodCreateDeletePerSync)
  let pods: ReadonlyArray<Pod>
  if (isIndexedJob(job)) {
    let indexes = firstPendingIndexes(job, input.pods, input.activePods, input.succeededIndexes, input.failedIndexes, diff)
    if (hasBackoffLimitPerIndex(job)) {
      const waits = indexes.map((i) => remainingIndexBackoffMs(input.delayedDeletion.get(i), now))
      const ready = indexes.filter((_, k) => waits[k] === 0)
      if (ready.length === 0 && indexes.length > 0) return deferred(input, Math.min(...waits))
      indexes = ready
    }
    pods = indexes.map((index) =>
      podFromTemplate(job, {
        index,
        ...(hasBackoffLimitPerIndex(job) ? { failureCounts: newIndexFailureCounts(job, input.delayedDeletion.get(index)) } : {}),
      }),
    )
  } else {
    pods = Array.from({ length: diff }, () => podFromTemplate(job))
  }
  const owner = jobOwner(job)
  return { actions: pods.map((p) => createPod(owner, p)), active: active + pods.length, terminatingAdded: 0, readyRemoved: 0 }
}

/**
 * Mirrors `manageJob`: a suspended job loses every active pod; otherwise surplus pods are deleted
 * (at most 500, deletions take precedence over creations), or missing ones are created, at most
 * 500, deferred while the failure backoff runs. Scale-down deletions remove the tracking
 * finalizer first so they never count as failures. The plan lists creates in order; issuing them
 * in slow-start batches (`slowStartBatchSizes`) and recording `SuccessfulCreate` "Created pod:
 * <name>" once the API server has named the pod are the executor's part, as `RealPodControl`'s.
 */
export const planPodChanges = (input: PodChangeInput): PodChanges => {
  const { job, activePods } = input
  const active = activePods.length
  const none: PodChanges = { actions: [], active, terminatingAdded: 0, readyRemoved: 0 }
  if (isSuspended(job)) return deletions(input, active, Number.POSITIVE_INFINITY, true) ?? none
  const wantActive = wantActiveOf(job, active, input.succeeded)
  const removed = deletions(input, Math.max(active - wantActive, 0), maxPodCreateDeletePerSync)
  if (removed !== undefined) return removed
  const diff = wantActive - (onlyReplaceFailedPods(job) ? input.terminating : 0) - active
  return diff > 0 ? creations(input, diff) : none
}

/** `controller.SlowStartInitialBatchSize` doubling: 1, 2, 4, … with the last batch truncated. */
export const slowStartBatchSizes = (count: number): ReadonlyArray<number> => {
  const sizes: number[] = []
  for (let batch = Math.min(1, count), left = count; left > 0; batch = Math.min(2 * batch, left)) {
    sizes.push(batch)
    left -= batch
  }
  return sizes
}
