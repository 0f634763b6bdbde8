import { assign, setup } from 'xstate'
import { namespaceOf, nameOf, type Instant } from '../../core/api'
import { isJobFinished, JobConditionTypes, planTtl } from '../../core/job'
import { deleteJob, type DeleteJob } from '../../core/plan'
import { observedOf, type JobContext, type JobMachineInput } from './jobContext'
import type { JobEvent } from './jobEvents'
import { hasStarted, hasTrueCondition, isWaitingOnBackoff, remainingTtlMs } from './jobPredicates'

/** What `reportFinished` hands to adapters (a CronJob controller, a `kubectl wait`). */
export interface FinishedReport {
  readonly type: 'Complete' | 'Failed'
  readonly reason: string
  readonly message: string
}

/** What `requestSync` asks for: sync the Job again after this delay (0 after a spec edit). */
export interface SyncRequest {
  readonly afterSeconds: number
}

type Args = { readonly context: JobContext; readonly event: JobEvent }

const observedCondition = (type: string) => (args: Args): boolean => hasTrueCondition(observedOf(args).job, type)

/** The TTL controller's delete: foreground propagation, as `ttlafterfinished` issues it. */
export const ttlDeletion = (context: JobContext): DeleteJob =>
  deleteJob(namespaceOf(context.job), nameOf(context.job), 'Foreground', 'TTLExpired')

/**
 * The Job machine's types and named implementations. Guards read the conditions the reducer
 * wrote (via core's `isConditionTrue`/`isJobFinished`) and core's backoff and TTL rules; the
 * effects `requestSync`, `reportFinished` and `deleteJob` are no-ops that adapters `.provide`.
 */
export const jobSetup = setup({
  types: {
    context: {} as JobContext,
    events: {} as JobEvent,
    input: {} as JobMachineInput,
  },
  actions: {
    requestSync: (_, _params: SyncRequest) => {},
    reportFinished: (_, _params: FinishedReport) => {},
    deleteJob: (_, _params: DeleteJob) => {},
    recordSync: assign((args: Args) => observedOf(args)),
    recordSuspend: assign(({ context }, p: { readonly at: Instant; readonly suspend: boolean }) => ({
      now: p.at,
      job: { ...context.job, spec: { ...context.job.spec, suspend: p.suspend } },
    })),
    recordTime: assign((_, p: { readonly at: Instant }) => ({ now: p.at })),
  },
  guards: {
    isComplete: (args: Args) => isJobFinished(observedOf(args).job) && hasTrueCondition(observedOf(args).job, JobConditionTypes.complete),
    isFailed: (args: Args) => isJobFinished(observedOf(args).job) && hasTrueCondition(observedOf(args).job, JobConditionTypes.failed),
    hasFailureTarget: observedCondition(JobConditionTypes.failureTarget),
    hasSuccessCriteriaMet: observedCondition(JobConditionTypes.successCriteriaMet),
    isSuspendedByController: observedCondition(JobConditionTypes.suspended),
    isWaitingOnBackoff: (args: Args) => {
      const { job, backoff, now } = observedOf(args)
      return isWaitingOnBackoff(job, backoff, now)
    },
    hasStarted: (args: Args) => hasStarted(observedOf(args).job),
    hasTtl: ({ context }: Args) => remainingTtlMs(context.job, context.now) !== undefined,
    isTtlDue: ({ context, event }: Args) => planTtl(context.job, event.at).some((a) => a.type === 'DeleteJob'),
  },
  delays: {
    ttlDelay: ({ context }: { readonly context: JobContext }) => remainingTtlMs(context.job, context.now) ?? 0,
  },
})
