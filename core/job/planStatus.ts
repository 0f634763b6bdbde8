import { formatInstant, type Instant } from '../api/instant'
import type { Job, JobCondition, JobStatus, UncountedTerminatedPods } from '../api/job'
import type { Pod } from '../api/pod'
import { recordEvent, updateStatus, type Action } from '../plan'
import { completionIndexOf, sortByCompletionIndex } from './completionIndex'
import { ensureCondition, JobConditionTypes, newCondition } from './conditions'
import type { UncountedSets } from './countTerminated'
import { formatIntervals, intervalsHas, intervalsTotal, withIndexes, type OrderedIntervals } from './intervals'
import { completionsOf, hasBackoffLimitPerIndex, indexedCompletionsOf, isIndexedJob, isJobBeingDeleted, jobRef } from './jobSpec'
import { removeTrackingFinalizer } from './planPodDeletions'
import { matchPodFailurePolicy } from './podFailurePolicy'
import { hasTrackingFinalizer, isPodFailed, isSucceeded, uidOf } from './podState'
import type { Verdict } from './verdict'

/** `MaxUncountedPods`: new indexes plus uncounted UIDs recorded per sync, keeping status under ~20 KB. */
export const maxUncountedPods = 500

/** What the accounting pass needs: the sync's pods, verdict and the status drafted so far. */
export interface StatusInput {
  readonly job: Job
  readonly now: Instant
  readonly pods: ReadonlyArray<Pod>
  readonly expectedRemovals: ReadonlySet<string>
  /** `uncountedTerminatedPods` as the sync found them. */
  readonly uncounted: UncountedSets
  readonly verdict?: Verdict
  /** Status with startTime, suspend condition, active, ready and terminating already set. */
  readonly draft: JobStatus
  readonly needsFlush: boolean
  readonly terminating: number
  readonly previousSucceededIndexes: OrderedIntervals
  readonly succeededIndexes: OrderedIntervals
  readonly failedIndexes?: OrderedIntervals
  readonly delayedDeletion: ReadonlyMap<number, Pod>
}

export interface StatusPlan {
  readonly actions: ReadonlyArray<Action>
  readonly finished: boolean
}

/** `cleanUncountedPodsWithoutFinalizers`: UIDs whose pod lost its finalizer (or is gone) move to the counters. */
const settleUncounted = (status: JobStatus, withFinalizer: ReadonlySet<string>): { readonly status: JobStatus; readonly changed: boolean } => {
  const succeeded = status.uncountedTerminatedPods?.succeeded ?? []
  const failed = status.uncountedTerminatedPods?.failed ?? []
  const keptSucceeded = succeeded.filter((u) => withFinalizer.has(u))
  const keptFailed = failed.filter((u) => withFinalizer.has(u))
  const changed = keptSucceeded.length !== succeeded.length || keptFailed.length !== failed.length
  return {
    changed,
    status: {
      ...status,
      succeeded: (status.succeeded ?? 0) + succeeded.length - keptSucceeded.length,
      failed: (status.failed ?? 0) + failed.length - keptFailed.length,
      uncountedTerminatedPods: uncountedOf(keptSucceeded, keptFailed),
    },
  }
}

/** The wire form: empty lists are omitted, as Go's `omitempty` does, leaving `{}`. */
const uncountedOf = (succeeded: ReadonlyArray<string>, failed: ReadonlyArray<string>): UncountedTerminatedPods => ({
  ...(succeeded.length > 0 ? { succeeded: [...succeeded] } : {}),
  ...(failed.length > 0 ? { failed: [...failed] } : {}),
})

/** `canRemoveFinalizer`: job deleting or decided, pod succeeded, or failed and not held for its index. */
const canRemoveFinalizer = (input: StatusInput, pod: Pod, failed: boolean): boolean => {
  if (isJobBeingDeleted(input.job) || input.verdict !== undefined || isSucceeded(pod)) return true
  if (!failed) return false
  if (!hasBackoffLimitPerIndex(input.job)) return true
  const held = input.delayedDeletion.get(completionIndexOf(pod))
  return held === undefined || uidOf(held) !== uidOf(pod)
}

const finalCondition = (verdict: Verdict, now: Instant): JobCondition =>
  newCondition(verdict._tag === 'FailureTarget' ? JobConditionTypes.failed : JobConditionTypes.complete, 'True', verdict.reason, verdict.message, now)

const finishEvents = (job: Job, verdict: Verdict, succeeded: number): ReadonlyArray<Action> => {
  if (verdict._tag === 'FailureTarget') return [recordEvent(jobRef(job), 'Warning', verdict.reason, verdict.message)]
  const completions = completionsOf(job)
  return [
    ...(completions !== undefined && succeeded > completions
      ? [recordEvent(jobRef(job), 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached')]
      : []),
    recordEvent(jobRef(job), 'Normal', 'Completed', 'Job completed'),
  ]
}

/**
 * Mirrors `trackJobStatusAndRemoveFinalizers`: records newly finished pods (UIDs in
 * `uncountedTerminatedPods`, or indexes in `completedIndexes`) and the interim condition in a
 * first status write, removes their tracking finalizers, then moves the UIDs into the counters
 * and, once nothing is uncounted or terminating, adds `Complete`/`Failed` in a second write.
 * Every API call is assumed to succeed; a failed one leaves a state the next sync resumes from.
 */
export const planStatus = (input: StatusInput): StatusPlan => {
  const { job, now, verdict, uncounted } = input
  const indexed = isIndexedJob(job)
  const completions = indexedCompletionsOf(job)
  const pods = indexed ? sortByCompletionIndex(input.pods) : input.pods
  const isNew = (p: Pod): boolean => hasTrackingFinalizer(p) && !input.expectedRemovals.has(uidOf(p))
  const withFinalizer = new Set(pods.filter(isNew).map(uidOf))
  const settled = settleUncounted(input.draft, withFinalizer)
  let status = settled.status
  let flush = input.needsFlush || settled.changed
  const newSucceeded = [...(status.uncountedTerminatedPods?.succeeded ?? [])]
  const newFailed = [...(status.uncountedTerminatedPods?.failed ?? [])]
  const newIndexes: number[] = []
  const released: Pod[] = []
  let capped = false
  for (const pod of pods) {
    if (!isNew(pod)) continue
    const failed = isPodFailed(pod, job)
    if (!canRemoveFinalizer(input, pod, failed)) continue
    released.push(pod)
    const uid = uidOf(pod)
    const index = completionIndexOf(pod)
    const inRange = index >= 0 && index < completions
    if (isSucceeded(pod) && !uncounted.failed.has(uid)) {
      if (indexed) {
        // The index itself de-duplicates successes: no UID needs recording.
        if (inRange && !intervalsHas(input.previousSucceededIndexes, index)) {
          newIndexes.push(index)
          flush = true
        }
      } else if (!uncounted.succeeded.has(uid)) {
        newSucceeded.push(uid)
        flush = true
      }
    } else if (failed || verdict?._tag === 'FailureTarget') {
      // Once the job is failing, every pod that did not succeed counts as failed.
      if (!uncounted.failed.has(uid) && (!indexed || inRange) && matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) {
        newFailed.push(uid)
        flush = true
      }
    }
    if (newIndexes.length + newSucceeded.length + newFailed.length >= maxUncountedPods) {
      capped = true
      break
    }
  }
  status = { ...status, uncountedTerminatedPods: uncountedOf(newSucceeded, newFailed) }
  if (indexed) {
    const succeededIndexes = withIndexes(input.succeededIndexes, newIndexes)
    const completedIndexes = formatIntervals(succeededIndexes)
    const failedIndexes = input.failedIndexes === undefined ? undefined : formatIntervals(input.failedIndexes)
    if (completedIndexes !== (job.status?.completedIndexes ?? '') || failedIndexes !== (job.status?.failedIndexes ?? undefined)) flush = true
    const { completedIndexes: _c, failedIndexes: _f, ...rest } = status
    status = {
      ...rest,
      succeeded: intervalsTotal(succeededIndexes),
      ...(completedIndexes !== '' ? { completedIndexes } : {}),
      ...(failedIndexes !== undefined ? { failedIndexes } : {}),
    }
  }
  let conditions = status.conditions ?? []
  if (verdict !== undefined && !verdict.recorded) {
    conditions = [...conditions, newCondition(verdict._tag, 'True', verdict.reason, verdict.message, now)]
    status = { ...status, conditions }
    flush = true
  }
  const actions: Action[] = []
  if (flush) actions.push(updateStatus(jobRef(job), status))
  actions.push(...released.map(removeTrackingFinalizer))
  const releasedUids = new Set(released.map(uidOf))
  const stillHeld = new Set([...withFinalizer].filter((uid) => !releasedUids.has(uid)))
  const after = settleUncounted(status, stillHeld)
  status = after.status
  flush = after.changed
  const remaining = (status.uncountedTerminatedPods?.succeeded?.length ?? 0) + (status.uncountedTerminatedPods?.failed?.length ?? 0)
  const finished = verdict !== undefined && !capped && remaining === 0 && input.terminating === 0
  if (finished) {
    const wanted = finalCondition(verdict, now)
    const ensured = ensureCondition(status.conditions ?? [], { type: wanted.type, status: 'True', reason: verdict.reason, message: verdict.message }, now)
    status = { ...status, conditions: [...ensured.conditions], ...(verdict._tag === 'SuccessCriteriaMet' ? { completionTime: formatInstant(now) } : {}) }
    flush = true
  }
  if (flush) actions.push(updateStatus(jobRef(job), status))
  if (finished) actions.push(...finishEvents(job, verdict, status.succeeded ?? 0))
  return { actions, finished }
}
