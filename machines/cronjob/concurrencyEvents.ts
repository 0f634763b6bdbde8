/**
 * Facts the CronJob controller tells the concurrency machine, each with its time `at` (epoch ms). The machine
 * decides what concurrencyPolicy makes of them; the schedule itself (which slot is due) stays with core/cron.
 */
export type ConcurrencyEvent = ScheduleDue | JobFinished | JobDeleted

/** A slot came due and no earlier sync has handled it (the most recent due slot, as `nextScheduleTime` finds it). */
export interface ScheduleDue {
  readonly type: 'schedule.due'
  readonly at: number
  readonly scheduledTime: number
}

/** A Job of this CronJob reached `Complete=True` or `Failed=True`. */
export interface JobFinished {
  readonly type: 'job.finished'
  readonly at: number
  readonly name: string
  readonly condition: 'Complete' | 'Failed'
}

/** A running Job of this CronJob went away without finishing (deleted by someone else). */
export interface JobDeleted {
  readonly type: 'job.deleted'
  readonly at: number
  readonly name: string
}

export const scheduleDue = (at: number, scheduledTime: number): ScheduleDue => ({ type: 'schedule.due', at, scheduledTime })

export const jobFinished = (at: number, name: string, condition: JobFinished['condition'] = 'Complete'): JobFinished => ({
  type: 'job.finished',
  at,
  name,
  condition,
})

export const jobDeleted = (at: number, name: string): JobDeleted => ({ type: 'job.deleted', at, name })
