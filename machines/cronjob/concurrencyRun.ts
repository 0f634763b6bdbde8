import { formatInstant, syntheticUid } from '../../core/api'
import {
  CronJobEvents,
  cronJobRef,
  deleteFromActiveList,
  jobFromTemplate,
  jobName,
  jobReference,
  REPLACED_REASON,
  type CronJobSyncStatus,
} from '../../core/cronjob'
import { createJob, deleteJob, type CreateJob, type DeleteJob, type RecordEvent } from '../../core/plan'
import { activeRefNamed, type ConcurrencyContext } from './concurrencyContext'

/** One effect of the machine, as XState lists it: a named action carrying a core plan action. */
export type ConcurrencyEffect =
  | { readonly type: 'createJob'; readonly params: CreateJob }
  | { readonly type: 'deleteJob'; readonly params: DeleteJob }
  | { readonly type: 'recordEvent'; readonly params: RecordEvent }

/** The effects of one decision and the status they leave. */
export interface ConcurrencyStep {
  readonly effects: ReadonlyArray<ConcurrencyEffect>
  readonly status: CronJobSyncStatus
}

/**
 * Starts a run for `scheduledTime`, as steps (l)–(n) of `syncCronJob`: with `replace`, every running Job is deleted
 * first (background propagation, `SuccessfulDelete`); then the slot's Job from core's `jobFromTemplate` is created
 * (`SuccessfulCreate`), listed in `active` under the uid a store derives for it, and becomes the last schedule time.
 */
export const startRun = (context: ConcurrencyContext, scheduledTime: number, replace: boolean): ConcurrencyStep => {
  const cj = context.cronJob
  const effects: ConcurrencyEffect[] = []
  let status = context.status
  if (replace) {
    for (const ref of context.status.active) {
      const name = ref.name ?? ''
      effects.push(
        { type: 'deleteJob', params: deleteJob(ref.namespace ?? cronJobRef(cj).namespace, name, 'Background', REPLACED_REASON) },
        { type: 'recordEvent', params: CronJobEvents.successfulDelete(cj, name) },
      )
      status = deleteFromActiveList(status, ref.uid)
    }
  }
  const job = jobFromTemplate(cj, scheduledTime)
  const name = jobName(cronJobRef(cj).name, scheduledTime)
  effects.push(
    { type: 'createJob', params: createJob({ ...cronJobRef(cj), uid: cj.metadata.uid ?? '' }, job) },
    { type: 'recordEvent', params: CronJobEvents.successfulCreate(cj, name) },
  )
  const ref = jobReference(job, syntheticUid(cronJobRef(cj).namespace, name))
  return { effects, status: { ...status, active: [...status.active, ref], lastScheduleTime: formatInstant(scheduledTime) } }
}

/** A running Job ended: it leaves `active`, with `SawCompletedJob` (finished) or `MissingJob` (gone). */
export const endRun = (context: ConcurrencyContext, name: string, condition: 'Complete' | 'Failed' | 'Missing'): ConcurrencyStep => {
  const cj = context.cronJob
  const event = condition === 'Missing' ? CronJobEvents.missingJob(cj, name) : CronJobEvents.sawCompletedJob(cj, name, condition)
  return { effects: [{ type: 'recordEvent', params: event }], status: deleteFromActiveList(context.status, activeRefNamed(context, name)?.uid) }
}

/** What the end of a run leaves: its effects, the status, and the slot still held back (if any). */
export interface EndedRun extends ConcurrencyStep {
  readonly blockedSlot: number | undefined
}

/**
 * A running Job ended, then — when `runLate` (the `runsBlockedSlot` guard) holds — the slot Forbid held back
 * starts now, late. A held-back slot survives while other Jobs still run, and is dropped once none does.
 */
export const endRunThenLateRun = (
  context: ConcurrencyContext,
  name: string,
  condition: 'Complete' | 'Failed' | 'Missing',
  runLate: boolean,
): EndedRun => {
  const ended = endRun(context, name, condition)
  const blocked = context.blockedSlot
  if (runLate && blocked !== undefined) {
    const late = startRun({ ...context, status: ended.status }, blocked, false)
    return { effects: [...ended.effects, ...late.effects], status: late.status, blockedSlot: undefined }
  }
  return { ...ended, blockedSlot: ended.status.active.length > 0 ? blocked : undefined }
}
