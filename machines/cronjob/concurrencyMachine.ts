import { assign, enqueueActions, not } from 'xstate'
import { CronJobEvents } from '../../core/cronjob'
import { concurrencyContextOf } from './concurrencyContext'
import { endRunThenLateRun, startRun } from './concurrencyRun'
import { concurrencySetup } from './concurrencySetup'

/**
 * concurrencyPolicy as a machine (reference §5): `idle` while no Job of the CronJob runs, `running` while some do.
 * `schedule.due` for an unprocessed slot inside `startingDeadlineSeconds` creates its Job (Allow, or nothing
 * running), is held back with `JobAlreadyActive` (Forbid while a Job runs), or deletes the running Jobs first
 * (Replace). When the last running Job ends (`job.finished`, `job.deleted`), a slot Forbid held back starts late
 * if still inside the deadline — the most recent one, since each later `schedule.due` replaces it.
 *
 * A model fed by the controller, not its source of truth: the level-triggered reducer (`reconcileCronJob`) decides
 * from the snapshot at every sync, and a property checks that both take the same decisions. Pure: effects are
 * named actions carrying core plan actions, supplied by adapters through `.provide`. Known gap: were several Jobs
 * running under Forbid (only possible after stale reads), the reducer repeats `JobAlreadyActive` each time one of
 * them ends while the held-back slot is still due; the machine announces it once.
 */
export const concurrencyMachine = concurrencySetup.createMachine({
  id: 'cronjobConcurrency',
  context: ({ input }) => concurrencyContextOf(input),
  initial: 'idle',
  states: {
    idle: { always: { guard: 'hasActive', target: 'running' } },
    running: { always: { guard: not('hasActive'), target: 'idle' } },
  },
  on: {
    'schedule.due': [
      { guard: 'isAlreadyProcessed' },
      // Outside the deadline window the slot is simply missed: no event, as upstream.
      { guard: 'isPastDeadline' },
      {
        guard: 'forbidsNewRun',
        actions: [
          { type: 'recordEvent', params: ({ context }) => CronJobEvents.jobAlreadyActive(context.cronJob) },
          assign({ blockedSlot: ({ event }) => event.scheduledTime }),
        ],
      },
      {
        actions: enqueueActions(({ context, event, enqueue, check }) => {
          const run = startRun(context, event.scheduledTime, check('replacesActive'))
          for (const effect of run.effects) enqueue(effect)
          enqueue.assign({ status: run.status, blockedSlot: undefined })
        }),
      },
    ],
    'job.finished': {
      guard: 'isActiveJob',
      actions: enqueueActions(({ context, event, enqueue, check }) => {
        const ended = endRunThenLateRun(context, event.name, event.condition, check('runsBlockedSlot'))
        for (const effect of ended.effects) enqueue(effect)
        enqueue.assign({ status: ended.status, blockedSlot: ended.blockedSlot })
      }),
    },
    'job.deleted': {
      guard: 'isActiveJob',
      actions: enqueueActions(({ context, event, enqueue, check }) => {
        const ended = endRunThenLateRun(context, event.name, 'Missing', check('runsBlockedSlot'))
        for (const effect of ended.effects) enqueue(effect)
        enqueue.assign({ status: ended.status, blockedSlot: ended.blockedSlot })
      }),
    },
  },
})

export type ConcurrencyMachine = typeof concurrencyMachine
