import { setup } from 'xstate'
import {
  allowsNewRun,
  concurrencyPolicyOf,
  isAlreadyProcessed,
  isWithinStartingDeadline,
  replacesActive,
} from '../../core/cronjob'
import type { CreateJob, DeleteJob, RecordEvent } from '../../core/plan'
import { activeRefNamed, type ConcurrencyContext, type ConcurrencyMachineInput } from './concurrencyContext'
import type { ConcurrencyEvent } from './concurrencyEvents'

type Args = { readonly context: ConcurrencyContext; readonly event: ConcurrencyEvent }

const policyOf = (context: ConcurrencyContext): string => concurrencyPolicyOf(context.cronJob)
const deadlineOf = (context: ConcurrencyContext) => context.cronJob.spec.startingDeadlineSeconds
const activeCount = (context: ConcurrencyContext): number => context.status.active.length

/**
 * The concurrency machine's types and named implementations. Guards are thin wrappers over core/cronjob's
 * predicates (`allowsNewRun`, `replacesActive`, `isWithinStartingDeadline`, `isAlreadyProcessed`), so each rule is
 * written once. The effects `createJob`, `deleteJob` and `recordEvent` carry core plan actions and are no-ops here;
 * adapters `.provide` them (for example by executing the action against the API).
 */
export const concurrencySetup = setup({
  types: {
    context: {} as ConcurrencyContext,
    events: {} as ConcurrencyEvent,
    input: {} as ConcurrencyMachineInput,
  },
  actions: {
    createJob: (_, _params: CreateJob) => {},
    deleteJob: (_, _params: DeleteJob) => {},
    recordEvent: (_, _params: RecordEvent) => {},
  },
  guards: {
    hasActive: ({ context }: Args) => activeCount(context) > 0,
    isAlreadyProcessed: ({ context, event }: Args) =>
      event.type === 'schedule.due' && isAlreadyProcessed(context.cronJob, context.status, event.scheduledTime),
    isPastDeadline: ({ context, event }: Args) =>
      event.type === 'schedule.due' && !isWithinStartingDeadline(event.scheduledTime, deadlineOf(context), event.at),
    forbidsNewRun: ({ context }: Args) => !allowsNewRun(policyOf(context), activeCount(context)),
    replacesActive: ({ context }: Args) => replacesActive(policyOf(context), activeCount(context)),
    isActiveJob: ({ context, event }: Args) => event.type !== 'schedule.due' && activeRefNamed(context, event.name) !== undefined,
    /** The ending Job was the one Forbid waited for, and the slot it held back may still start. */
    runsBlockedSlot: ({ context, event }: Args) =>
      context.blockedSlot !== undefined &&
      allowsNewRun(policyOf(context), activeCount(context) - 1) &&
      isWithinStartingDeadline(context.blockedSlot, deadlineOf(context), event.at),
  },
})
