import type { Job, Pod } from '../../core/api'
import { actionsOf } from '../../core/plan'
import { countsEachFinishedPodOnce } from './jobAccounting'
import {
  conditionOf,
  holdsFinalizer,
  isActivePod,
  isFailedForAccounting,
  isFinished,
  isTerminal,
  isTrue,
  listsOf,
  ownedPods,
  phaseOf,
  statusOf,
  statusSequence,
  uid,
} from './jobFacts'
import type { JobSyncRecord } from './jobWorld'
import { allOf, check, holds, violated, type Verdict } from './verdict'

/**
 * Job invariants as plain predicates over one sync (`JobSyncRecord`) or a whole history. They
 * restate the reference (job.md §5, §7.2, §10) from the objects, without calling the reducer's
 * own helpers, so that a reducer bug cannot hide in a shared function.
 */

export { countsEachFinishedPodOnce }

/** `status.succeeded` and `status.failed` never decrease, across the writes of a sync and between syncs. */
export const countersNeverDecrease = (r: JobSyncRecord): Verdict => {
  const seq = statusSequence(r)
  return allOf(
    seq.slice(1).map((s, i) => {
      const prev = seq[i] ?? {}
      return check(
        (s.succeeded ?? 0) >= (prev.succeeded ?? 0) && (s.failed ?? 0) >= (prev.failed ?? 0),
        () => `counters went down in write ${i + 1}: succeeded ${prev.succeeded ?? 0} → ${s.succeeded ?? 0}, failed ${prev.failed ?? 0} → ${s.failed ?? 0}`,
      )
    }),
  )
}

/**
 * After a sync, the Job's active pods number at most `parallelism` and at most the remaining
 * completions (none once suspended), and `status.active` says how many there are. A work-queue
 * Job that has seen a success creates nothing more and keeps what runs (reference §6.2, even
 * above a lowered parallelism), so its active pods only ever go down.
 */
export const activeWithinLimits = (r: JobSyncRecord): Verdict => {
  if (r.after.deleted) return holds
  const job = r.after.job
  const status = statusOf(job)
  const active = ownedPods(job, r.after.pods).filter(isActivePod).length
  const activeBefore = ownedPods(r.input.job, r.input.pods).filter(isActivePod).length
  const parallelism = job.spec.parallelism ?? 1
  const succeeded = (status.succeeded ?? 0) + (status.uncountedTerminatedPods?.succeeded?.length ?? 0)
  const completions = job.spec.completions
  const creates = actionsOf(r.applied, 'CreatePod').length
  const draining = completions == null && succeeded > 0
  // After a crash, status and pods may disagree and lost deletions leave surplus pods until the
  // next sync; only creations that did go through are held to the limits.
  const ran = !isFinished(statusOf(r.input.job)) && !r.crashed
  const bounded = !r.crashed || creates > 0
  return allOf([
    check(!ran || active === (status.active ?? 0), () => `status.active is ${status.active ?? 0} but ${active} pods are active`),
    draining
      ? check(creates === 0 && (r.crashed || active <= activeBefore), () => `a work-queue Job with ${succeeded} successes went from ${activeBefore} to ${active} active pods (${creates} created)`)
      : check(!bounded || active <= parallelism, () => `${active} active pods exceed parallelism ${parallelism}`),
    check(!bounded || completions == null || active <= Math.max(0, completions - succeeded), () => `${active} active pods exceed the remaining completions ${completions ?? 0} − ${succeeded}`),
    check(!ran || job.spec.suspend !== true || active === 0, () => `${active} pods stay active in a suspended Job`),
  ])
}

// Init container statuses are not modelled by the Pod codec but survive decoding as unknown fields.
const statusList = (pod: Pod, key: string): ReadonlyArray<Readonly<Record<string, unknown>>> => {
  const list = (pod.status as Readonly<Record<string, unknown>> | undefined)?.[key]
  return Array.isArray(list) ? (list as ReadonlyArray<Readonly<Record<string, unknown>>>) : []
}

/** Reference §7.2: the sum of container restarts of Pending and Running pods, for restartPolicy OnFailure. */
const restartsOf = (pods: ReadonlyArray<Pod>): number =>
  pods
    .filter((p) => phaseOf(p) === 'Pending' || phaseOf(p) === 'Running')
    .flatMap((p) => ['initContainerStatuses', 'containerStatuses'].flatMap((k) => statusList(p, k)))
    .reduce((n, s) => n + (typeof s['restartCount'] === 'number' ? s['restartCount'] : 0), 0)

/**
 * The failed count a sync sees (reference §5 step 2): counted, listed as uncounted failures, and
 * the new failed pods still holding the finalizer (no podFailurePolicy in play).
 */
export const failuresSeen = (job: Job, pods: ReadonlyArray<Pod>): number => {
  const status = statusOf(job)
  const listed = listsOf(status).failed
  const fresh = ownedPods(job, pods).filter((p) => holdsFinalizer(p) && !listed.has(uid(p)) && isFailedForAccounting(job, p)).length
  return (status.failed ?? 0) + listed.size + fresh
}

/** Reference §7.2 exactly: `failed > backoffLimit`, or under OnFailure restarts `≥ backoffLimit` (`> 0` for a limit of 0). */
export const exceedsBackoffLimit = (job: Job, pods: ReadonlyArray<Pod>): boolean => {
  const limit = job.spec.backoffLimit ?? 6
  if (failuresSeen(job, pods) > limit) return true
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false
  const restarts = restartsOf(ownedPods(job, pods))
  return limit === 0 ? restarts > 0 : restarts >= limit
}

/**
 * The Job is marked failing with BackoffLimitExceeded in exactly the syncs where the reference's
 * rule holds and no verdict was recorded before; that rule beats the deadline; and `Failed` /
 * BackoffLimitExceeded only ever follows a FailureTarget with the same reason.
 */
export const failsExactlyPastBackoffLimit = (r: JobSyncRecord): Verdict => {
  const before = statusOf(r.input.job)
  const after = statusOf(r.after.job)
  const failedAfter = conditionOf(after, 'Failed')
  const targetAfter = conditionOf(after, 'FailureTarget')
  const consistent = check(
    failedAfter?.reason !== 'BackoffLimitExceeded' || targetAfter?.reason === 'BackoffLimitExceeded',
    () => 'Failed/BackoffLimitExceeded without a FailureTarget/BackoffLimitExceeded',
  )
  const decidedBefore = isFinished(before) || isTrue(before, 'FailureTarget') || isTrue(before, 'SuccessCriteriaMet')
  if (decidedBefore || r.crashed || r.input.job.spec.podFailurePolicy != null) return consistent
  const exceeded = exceedsBackoffLimit(r.input.job, r.input.pods)
  const marked = targetAfter?.reason === 'BackoffLimitExceeded'
  return allOf([
    consistent,
    check(
      exceeded === marked,
      () =>
        `backoffLimit ${r.input.job.spec.backoffLimit ?? 6}, ${failuresSeen(r.input.job, r.input.pods)} failures, ` +
        `${restartsOf(ownedPods(r.input.job, r.input.pods))} restarts (${r.input.job.spec.template.spec.restartPolicy}): ` +
        (exceeded ? `expected FailureTarget/BackoffLimitExceeded, got ${targetAfter?.reason ?? 'none'}` : 'marked BackoffLimitExceeded below the limit'),
    ),
  ])
}

/** No status write (and no resulting Job) says Complete while a pod is active or terminating or an outcome is uncounted. */
export const noCompleteWhileActive = (r: JobSyncRecord): Verdict => {
  const problems = statusSequence(r)
    .slice(1)
    .flatMap((s, i) => {
      if (!isTrue(s, 'Complete')) return []
      const uncounted = (s.uncountedTerminatedPods?.succeeded?.length ?? 0) + (s.uncountedTerminatedPods?.failed?.length ?? 0)
      return (s.active ?? 0) === 0 && (s.terminating ?? 0) === 0 && uncounted === 0
        ? []
        : [`write ${i + 1} sets Complete with active ${s.active ?? 0}, terminating ${s.terminating ?? 0}, ${uncounted} uncounted`]
    })
  const after = statusOf(r.after.job)
  const activeAfter = ownedPods(r.after.job, r.after.pods).filter((p) => !isTerminal(p)).length
  if (isTrue(after, 'Complete') && activeAfter > 0) problems.push(`Complete while ${activeAfter} pods have not terminated`)
  return allOf(problems.map(violated))
}

/** Once the Job is finished, none of its pods holds `batch.kubernetes.io/job-tracking`. */
export const noTrackingFinalizerAfterFinish = (r: JobSyncRecord): Verdict => {
  if (!isFinished(statusOf(r.after.job))) return holds
  const held = ownedPods(r.after.job, r.after.pods).filter(holdsFinalizer)
  return check(held.length === 0, () => `finished Job's pods keep the tracking finalizer: ${held.map((p) => p.metadata.name).join(', ')}`)
}

/**
 * The conditions follow reference §13 and the API server's status rules (§3.5): Complete needs
 * SuccessCriteriaMet and Failed needs FailureTarget, never both outcomes, completionTime exactly
 * with Complete, and True interim or terminal conditions are never withdrawn or reworded.
 */
export const conditionsFollowLifecycle = (r: JobSyncRecord): Verdict => {
  const before = statusOf(r.input.job)
  const after = statusOf(r.after.job)
  const sticky = ['SuccessCriteriaMet', 'FailureTarget', 'Complete', 'Failed'].filter((t) => isTrue(before, t))
  return allOf([
    check(!isTrue(after, 'Complete') || isTrue(after, 'SuccessCriteriaMet'), () => 'Complete without SuccessCriteriaMet'),
    check(!isTrue(after, 'Failed') || isTrue(after, 'FailureTarget'), () => 'Failed without FailureTarget'),
    check(!(isTrue(after, 'Complete') && isTrue(after, 'Failed')), () => 'both Complete and Failed'),
    check(!(isTrue(after, 'SuccessCriteriaMet') && isTrue(after, 'FailureTarget')), () => 'both SuccessCriteriaMet and FailureTarget'),
    check((after.completionTime != null) === isTrue(after, 'Complete'), () => `completionTime ${after.completionTime ?? 'unset'} with Complete=${isTrue(after, 'Complete')}`),
    ...sticky.map((t) => check(conditionOf(after, t)?.reason === conditionOf(before, t)?.reason, () => `${t} was withdrawn or changed its reason`)),
  ])
}

/** Every per-sync Job invariant at once. */
export const jobSyncInvariants = (r: JobSyncRecord): Verdict =>
  allOf([countersNeverDecrease(r), activeWithinLimits(r), failsExactlyPastBackoffLimit(r), noCompleteWhileActive(r), noTrackingFinalizerAfterFinish(r), conditionsFollowLifecycle(r)])

/** Every Job invariant over a history: each sync's, and the accounting across syncs. */
export const jobHistoryInvariants = (records: ReadonlyArray<JobSyncRecord>): Verdict =>
  allOf([...records.map((r, n) => prefixed(`sync ${n}: `, jobSyncInvariants(r))), countsEachFinishedPodOnce(records)])

const prefixed = (prefix: string, v: Verdict): Verdict => (v.ok ? v : violated(v.message.split('\n').map((l) => prefix + l).join('\n')))
