import { instantOf, type Instant } from '../api/instant'
import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import type { UpdatePod } from '../plan'
import { emptyBackoffRecord, nextBackoffRecord, type BackoffRecord } from './backoff'
import { claimPods } from './claimPods'
import { countTerminated, type TerminatedCounts } from './countTerminated'
import { failedIndexesOf, podsWithDelayedDeletion, succeededIndexesOf } from './indexes'
import { intervalsTotal, type OrderedIntervals } from './intervals'
import type { JobInput } from './jobInput'
import { hasBackoffLimitPerIndex, isIndexedJob, isSuspended } from './jobSpec'
import { countReady, isActive, isTerminating } from './podState'

/** The indexed view of a sync: succeeded (and failed) indexes and the failed pods held per index. */
export interface IndexedView {
  readonly previous: OrderedIntervals
  readonly succeeded: OrderedIntervals
  readonly failed?: OrderedIntervals
  readonly delayed: ReadonlyMap<number, Pod>
}

/** What one sync sees before deciding anything (the opening of `syncJob`, reference §5 steps 1–4). */
export interface SyncView {
  readonly job: Job
  readonly now: Instant
  readonly satisfied: boolean
  readonly expected: ReadonlySet<string>
  readonly claimActions: ReadonlyArray<UpdatePod>
  readonly pods: ReadonlyArray<Pod>
  readonly activePods: ReadonlyArray<Pod>
  readonly terminating: number
  readonly ready: number
  readonly counts: TerminatedCounts
  /** `succeeded` as the completion check reads it: the succeeded indexes for Indexed jobs. */
  readonly succeeded: number
  readonly priorStart?: Instant
  readonly startTime?: Instant
  readonly backoff: BackoffRecord
  readonly indexed: IndexedView
}

const indexedViewOf = (job: Job, pods: ReadonlyArray<Pod>, activePods: ReadonlyArray<Pod>, expected: ReadonlySet<string>): IndexedView => {
  if (!isIndexedJob(job)) return { previous: [], succeeded: [], delayed: new Map() }
  const { previous, current } = succeededIndexesOf(job, pods)
  if (!hasBackoffLimitPerIndex(job)) return { previous, succeeded: current, delayed: new Map() }
  const failed = failedIndexesOf(job, pods)
  return { previous, succeeded: current, failed, delayed: podsWithDelayedDeletion(job, pods, activePods, expected, current, failed) }
}

/** Claims the pods, classifies and counts them, sets `startTime` and folds new finishes into the backoff record. */
export const syncViewOf = (input: JobInput): SyncView => {
  const { job, now } = input
  const expected = new Set(input.pendingFinalizerRemovals ?? [])
  const claimed = claimPods(job, input.pods)
  const pods = claimed.pods
  const activePods = pods.filter(isActive)
  const counts = countTerminated(job, pods, expected)
  const indexed = indexedViewOf(job, pods, activePods, expected)
  const priorStart = instantOf(job.status?.startTime)
  const startTime = priorStart ?? (isSuspended(job) ? undefined : now)
  return {
    job,
    now,
    satisfied: input.expectationsSatisfied ?? true,
    expected,
    claimActions: claimed.actions,
    pods,
    activePods,
    terminating: pods.filter(isTerminating).length,
    ready: countReady(activePods),
    counts,
    succeeded: isIndexedJob(job) ? intervalsTotal(indexed.succeeded) : counts.succeeded,
    ...(priorStart !== undefined ? { priorStart } : {}),
    ...(startTime !== undefined ? { startTime } : {}),
    backoff: nextBackoffRecord(input.backoff ?? emptyBackoffRecord, counts.newSucceeded, counts.newFailed),
    indexed,
  }
}
