import type { Instant } from '../api/instant'
import type { JobCondition } from '../api/job'
import type { Action } from '../plan'
import { decideCompletion } from './decideSuccess'
import { isJobBeingDeleted } from './jobSpec'
import { planPodChanges } from './planPodChanges'
import { planPodDeletions } from './planPodDeletions'
import { planSuspendCondition } from './suspendCondition'
import type { SyncView } from './syncView'
import { deleteReasonFor, type Verdict } from './verdict'

/** The pod half of a sync: its actions, the counters it leaves and the verdict that stands. */
export interface PodOutcome {
  readonly actions: ReadonlyArray<Action>
  readonly active: number
  readonly terminating: number
  readonly ready: number
  readonly verdict?: Verdict
  /** Conditions after the Suspended bookkeeping, when it ran. */
  readonly conditions?: ReadonlyArray<JobCondition>
  readonly suspendChanged: boolean
  readonly restartedAt?: Instant
  readonly requeueAfterMs?: number
}

/** A verdict deletes every active pod but keeps their finalizers, so the status pass counts them. */
const planVerdictDeletions = (view: SyncView, verdict: Verdict): PodOutcome => {
  const deleted = planPodDeletions(view.job, view.activePods.map((pod) => ({ pod, reason: deleteReasonFor(verdict) })), false)
  return {
    actions: deleted.actions,
    active: view.activePods.length - deleted.deleted,
    terminating: view.terminating + deleted.deleted,
    ready: view.ready - deleted.deletedReady,
    // Pods not yet in the cache may exist: the verdict is derived again next time.
    ...(view.satisfied ? { verdict } : {}),
    suspendChanged: false,
  }
}

/** `manageJob` when expectations allow, then the completion check and the Suspended condition. */
const planManagedPods = (view: SyncView): PodOutcome => {
  const { job, now, indexed } = view
  const manage = view.satisfied && !isJobBeingDeleted(job)
  const changes = manage
    ? planPodChanges({
        job,
        now,
        pods: view.pods,
        activePods: view.activePods,
        succeeded: view.succeeded,
        terminating: view.terminating,
        backoff: view.backoff,
        succeededIndexes: indexed.succeeded,
        ...(indexed.failed !== undefined ? { failedIndexes: indexed.failed } : {}),
        delayedDeletion: indexed.delayed,
      })
    : { actions: [], active: view.activePods.length, terminatingAdded: 0, readyRemoved: 0 }
  const base = {
    active: changes.active,
    terminating: view.terminating + changes.terminatingAdded,
    ready: view.ready - changes.readyRemoved,
    ...(changes.requeueAfterMs !== undefined ? { requeueAfterMs: changes.requeueAfterMs } : {}),
  }
  const verdict = decideCompletion(job, view.succeeded, changes.active)
  if (verdict !== undefined) return { ...base, actions: changes.actions, verdict, suspendChanged: false }
  // Conditions change only in syncs where manageJob ran, so stale caches cannot flip them.
  if (!manage) return { ...base, actions: changes.actions, suspendChanged: false }
  const suspend = planSuspendCondition(job, now)
  return {
    ...base,
    actions: [...changes.actions, ...suspend.events],
    conditions: suspend.conditions,
    suspendChanged: suspend.changed,
    ...(suspend.restartedAt !== undefined ? { restartedAt: suspend.restartedAt } : {}),
  }
}

/**
 * The branch of `syncJob` after the terminal evaluation: delete the active pods of a decided job,
 * or run `manageJob` and check for completion. Creates and deletes never happen together.
 */
export const planSyncPods = (view: SyncView, verdict: Verdict | undefined): PodOutcome =>
  verdict !== undefined ? planVerdictDeletions(view, verdict) : planManagedPods(view)
