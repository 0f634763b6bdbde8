import { formatInstant } from '../api/instant'
import type { Job, JobStatus } from '../api/job'
import { planOf, recordEvent, requeue, type Action, type Plan } from '../plan'
import type { BackoffRecord } from './backoff'
import { isJobFinished } from './conditions'
import type { JobInput } from './jobInput'
import { decideFailedIndexes, decideFailure } from './decideFailure'
import { decideSuccessPolicy } from './decideSuccess'
import { isIndexedJob, isManagedExternally, jobRef } from './jobSpec'
import { planFinishedJob } from './planFinishedJob'
import { planStatus } from './planStatus'
import { planSyncPods, type PodOutcome } from './planSyncPods'
import { syncViewOf, type SyncView } from './syncView'
import type { Verdict } from './verdict'

export type { JobInput }

/** The backoff record this sync ends with; the caller keeps it for the next sync, as upstream's `backoffStore`. */
export const nextJobBackoff = (input: JobInput): BackoffRecord => syncViewOf(input).backoff

/**
 * The terminal evaluation of `syncJob`, first match wins: recorded conditions, FailJob,
 * backoffLimit, the deadline, then (Indexed) the per-index limits and the successPolicy.
 */
const decideVerdict = (view: SyncView): { readonly verdict?: Verdict; readonly deadlineRequeueMs?: number } => {
  const { job, indexed } = view
  const failure = decideFailure(job, view.pods, view.counts.failed, view.startTime, view.now)
  const verdict =
    failure.verdict ??
    (indexed.failed !== undefined ? decideFailedIndexes(job, indexed.failed, indexed.succeeded) : undefined) ??
    (isIndexedJob(job) ? decideSuccessPolicy(job, indexed.succeeded) : undefined)
  return { ...(verdict !== undefined ? { verdict } : {}), ...(failure.deadlineRequeueMs !== undefined ? { deadlineRequeueMs: failure.deadlineRequeueMs } : {}) }
}

/** The status before accounting: startTime, the Suspended condition and the active/ready/terminating counters. */
const draftStatus = (view: SyncView, pods: PodOutcome): { readonly draft: JobStatus; readonly needsFlush: boolean } => {
  const status = view.job.status ?? {}
  const startTime = pods.restartedAt ?? view.startTime
  const startChanged = startTime !== view.priorStart
  const conditions = pods.conditions ?? status.conditions ?? []
  const draft: JobStatus = {
    ...status,
    ...(conditions.length > 0 || status.conditions != null ? { conditions: [...conditions] } : {}),
    ...(startTime !== undefined ? { startTime: startChanged ? formatInstant(startTime) : (status.startTime ?? formatInstant(startTime)) } : {}),
    active: pods.active,
    ready: pods.ready,
    terminating: pods.terminating,
    succeeded: status.succeeded ?? 0,
    failed: status.failed ?? 0,
    uncountedTerminatedPods: status.uncountedTerminatedPods ?? {},
  }
  // Upstream flushes on suspend, active, ready or terminating changes; a new startTime is added so
  // that it is never left unwritten (upstream relies on `ready` changing in the same sync).
  const needsFlush =
    pods.suspendChanged || startChanged || pods.active !== (status.active ?? 0) || pods.ready !== status.ready || pods.terminating !== status.terminating
  return { draft, needsFlush }
}

const requeueOf = (job: Job, delaysMs: ReadonlyArray<number | undefined>): ReadonlyArray<Action> => {
  const due = delaysMs.filter((d): d is number => d !== undefined)
  return due.length === 0 ? [] : [requeue(jobRef(job), Math.max(0, Math.min(...due)) / 1000)]
}

/** Mirrors `syncJob` for a Job that is neither finished nor managed elsewhere. */
const syncJob = (input: JobInput): ReadonlyArray<Action> => {
  const view = syncViewOf(input)
  const decided = decideVerdict(view)
  const pods = planSyncPods(view, decided.verdict)
  const { draft, needsFlush } = draftStatus(view, pods)
  const { job, indexed } = view
  const planned = planStatus({
    job,
    now: view.now,
    pods: view.pods,
    draft,
    needsFlush,
    terminating: pods.terminating,
    ...(pods.verdict !== undefined ? { verdict: pods.verdict } : {}),
    expectedRemovals: view.expected,
    uncounted: view.counts.uncounted,
    previousSucceededIndexes: indexed.previous,
    succeededIndexes: indexed.succeeded,
    ...(indexed.failed !== undefined ? { failedIndexes: indexed.failed } : {}),
    delayedDeletion: indexed.delayed,
  })
  const ttl = job.spec.ttlSecondsAfterFinished
  const ttlRequeueMs = planned.finished && ttl != null ? ttl * 1000 : undefined
  return [...view.claimActions, ...pods.actions, ...planned.actions, ...requeueOf(job, [decided.deadlineRequeueMs, pods.requeueAfterMs, ttlRequeueMs])]
}

/**
 * The Job controller as a pure function: one sync of `syncJob` (pkg/controller/job) plus the
 * TTL-after-finished and orphan-finalizer duties for finished Jobs, returned as a plan. Every API
 * call in the plan is assumed to succeed; the next sync resumes from whatever actually happened.
 */
export const reconcileJob = (input: JobInput): Plan => {
  const { job } = input
  if (isManagedExternally(job)) return planOf([])
  if (isJobFinished(job)) return planOf(planFinishedJob(job, input.pods, input.now))
  const mode = job.spec.completionMode
  if (mode != null && mode !== 'NonIndexed' && mode !== 'Indexed') {
    return planOf([recordEvent(jobRef(job), 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown')])
  }
  return planOf(syncJob(input))
}
