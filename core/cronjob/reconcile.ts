import { formatInstant } from '../api/instant'
import type { CronJob } from '../api/cronJob'
import type { Job } from '../api/job'
import { syntheticUid } from '../api/identity'
import { controllerOf, namespaceOf, nameOf } from '../api/meta'
import { createJob, deleteJob, requeue, type Action, type Plan } from '../plan'
import { childrenOf } from './children'
import { concurrencyPolicyOf, decideConcurrency } from './concurrency'
import { CronJobEvents, cronJobRef } from './events'
import { cleanupFinishedJobs } from './historyLimits'
import { jobFromTemplate } from './jobFromTemplate'
import { jobName } from './jobName'
import { reconcileChildren } from './reconcileChildren'
import { decideSchedule, isAlreadyProcessed, requeueAfterSeconds } from './schedule'
import { deleteFromActiveList, inActiveList, jobReference, planStatus, syncStatusOf, type CronJobSyncStatus, type SyncStep } from './status'

/** Everything one sync of a CronJob reads. */
export interface CronJobInput {
  readonly cronJob: CronJob
  /** The Jobs of the CronJob's namespace (all of them: children are picked by ownerReference, lookups by name). */
  readonly jobs: ReadonlyArray<Job>
  /** The controller's clock, epoch ms. */
  readonly now: number
  /** The zone of schedules without `timeZone` (upstream: kube-controller-manager's local zone). Default UTC. */
  readonly defaultTimeZone?: string
}

/** The `reason` of the `DeleteJob` that Replace issues for each running Job. */
export const REPLACED_REASON = 'Replaced'

/** A sync's tail: the step so far, and the requeue delay in seconds (none: wait for the next informer event). */
interface Tail extends SyncStep {
  readonly requeueAfter: number | undefined
}

const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`

/** Steps (c)–(n) of `syncCronJob`, from the status left by history cleanup and child reconciliation. */
const syncSchedule = (input: CronJobInput, step: SyncStep, deleted: ReadonlySet<string>): Tail => {
  const { cronJob: cj, now, defaultTimeZone } = input
  const actions: Action[] = [...step.actions]
  /** Ends the sync with these events and no requeue: only an informer event wakes the CronJob again. */
  const stop = (...events: ReadonlyArray<Action>): Tail => ({ status: step.status, actions: [...actions, ...events], requeueAfter: undefined })
  const gate = decideSchedule(cj, step.status, now, defaultTimeZone)
  if (gate._tag === 'Deleting' || gate._tag === 'Suspended') return stop()
  if (gate._tag === 'UnknownTimeZone') return stop(CronJobEvents.unknownTimeZone(cj, gate.timeZone, gate.error))
  if (gate.unsupported) actions.push(CronJobEvents.unsupportedSchedule(cj))
  if (gate._tag === 'Unparseable') return stop(CronJobEvents.unparseableSchedule(cj, gate.error))
  if (gate._tag === 'InvalidSchedule') return stop(CronJobEvents.invalidSchedule(cj, gate.error))
  /** Ends the sync with these events and a requeue for the slot after the most recent one (+100 ms). */
  const wait = (status: CronJobSyncStatus, ...events: ReadonlyArray<Action>): Tail => ({
    status,
    actions: [...actions, ...events],
    requeueAfter: requeueAfterSeconds(cj, gate.schedule, status, now, defaultTimeZone),
  })
  if (gate._tag === 'NotDue') return wait(step.status)
  if (gate.tooManyMissed) actions.push(CronJobEvents.tooManyMissedTimes(cj))
  if (gate._tag === 'TooLate') return wait(step.status, CronJobEvents.missSchedule(cj, gate.scheduledTime))
  const { scheduledTime } = gate
  if (isAlreadyProcessed(cj, step.status, scheduledTime)) return wait(step.status)

  let status = step.status
  const decision = decideConcurrency(concurrencyPolicyOf(cj), status.active)
  if (decision._tag === 'Skip') return wait(status, CronJobEvents.jobAlreadyActive(cj))
  const gone = new Set(deleted)
  if (decision._tag === 'Replace') {
    // Each delete is planned with its event before the create, as upstream issues them.
    for (const ref of decision.jobs) {
      // Upstream GETs the Job first and deletes what it finds; entries of missing Jobs were dropped in step (b).
      const key = keyOf(ref.namespace ?? namespaceOf(cj), ref.name ?? '')
      const target = gone.has(key) ? undefined : input.jobs.find((j) => keyOf(namespaceOf(j), nameOf(j)) === key)
      if (target === undefined) continue
      actions.push(deleteJob(namespaceOf(target), nameOf(target), 'Background', REPLACED_REASON), CronJobEvents.successfulDelete(cj, nameOf(target)))
      status = deleteFromActiveList(status, target.metadata.uid)
      gone.add(key)
    }
  }

  // AlreadyExists: the deterministic name is taken by a Job still there (§7.4).
  const name = jobName(nameOf(cj), scheduledTime)
  const nameKey = keyOf(namespaceOf(cj), name)
  const existing = gone.has(nameKey) ? undefined : input.jobs.find((j) => keyOf(namespaceOf(j), nameOf(j)) === nameKey)
  if (existing !== undefined) {
    const ours = controllerOf(existing)?.uid === (cj.metadata.uid ?? '')
    // Someone else's Job, or ours and listed: upstream returns without requeue.
    if (!ours || inActiveList(status, existing.metadata.uid)) return { status, actions, requeueAfter: undefined }
    // Ours but unlisted (a crash between create and status write): adopt it, without SuccessfulCreate.
    return wait({ ...status, active: [...status.active, jobReference(existing)], lastScheduleTime: formatInstant(scheduledTime) })
  }

  const job = jobFromTemplate(cj, scheduledTime)
  const owner = { ...cronJobRef(cj), uid: cj.metadata.uid ?? '' }
  // The API server picks the new Job's uid; the status refers to it by the uid a store derives for an object
  // created without one (`syntheticUid`), which an executor replaces with the real one from the create response.
  const ref = jobReference(job, syntheticUid(namespaceOf(job), name))
  return wait(
    { ...status, active: [...status.active, ref], lastScheduleTime: formatInstant(scheduledTime) },
    createJob(owner, job),
    CronJobEvents.successfulCreate(cj, name),
  )
}

/**
 * Mirrors `ControllerV2.sync` and `syncCronJob` in kubernetes pkg/controller/cronjob: history cleanup, child and
 * `active` reconciliation, the schedule gate, concurrencyPolicy and at most one Job for the most recent due slot,
 * then a single `UpdateStatus` if the status changed and a `Requeue` for the next slot + 100 ms. Events come in
 * reference §13's order. Total and pure: every input yields a plan, and `now` is read from the input only.
 */
export const reconcileCronJob = (input: CronJobInput): Plan => {
  const cj = input.cronJob
  const before = syncStatusOf(cj)
  const children = childrenOf(cj, input.jobs)
  const cleanup = cleanupFinishedJobs(cj, children, before)
  const deleted = new Set(cleanup.deleted.map((j) => keyOf(namespaceOf(j), nameOf(j))))
  const exists = (namespace: string, name: string): boolean =>
    !deleted.has(keyOf(namespace, name)) && input.jobs.some((j) => namespaceOf(j) === namespace && nameOf(j) === name)
  // Upstream hands the same children to the sync after cleanup: deleted ones still feed lastSuccessfulTime.
  const reconciled = reconcileChildren(cj, children, exists, cleanup.status)
  const tail = syncSchedule(input, { status: reconciled.status, actions: [...cleanup.actions, ...reconciled.actions] }, deleted)
  return {
    actions: [
      ...tail.actions,
      ...planStatus(cj, before, tail.status),
      ...(tail.requeueAfter !== undefined ? [requeue(cronJobRef(cj), tail.requeueAfter)] : []),
    ],
  }
}
