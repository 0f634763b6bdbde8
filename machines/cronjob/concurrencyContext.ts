import type { CronJob } from '../../core/api'
import { syncStatusOf, type CronJobSyncStatus } from '../../core/cronjob'

/**
 * What the concurrency machine remembers: the CronJob (policy, deadline, template), the status the controller
 * keeps (`active` and the last schedule time, in core's shape) and the slot Forbid held back, which runs late
 * when the running Job ends while it is still the most recent slot and inside the deadline.
 */
export interface ConcurrencyContext {
  readonly cronJob: CronJob
  readonly status: CronJobSyncStatus
  readonly blockedSlot: number | undefined
}

/** The CronJob as last read; its status seeds `active` and the last schedule time. */
export interface ConcurrencyMachineInput {
  readonly cronJob: CronJob
}

export const concurrencyContextOf = (input: ConcurrencyMachineInput): ConcurrencyContext => ({
  cronJob: input.cronJob,
  status: syncStatusOf(input.cronJob),
  blockedSlot: undefined,
})

/** The `active` entry of a Job by name, if the machine counts it as running. */
export const activeRefNamed = (context: ConcurrencyContext, name: string) => context.status.active.find((ref) => ref.name === name)
