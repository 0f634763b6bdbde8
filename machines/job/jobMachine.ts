import { makeInstant, type Instant } from '../../core/api'
import { findCondition, jobConditions, remainingBackoffOf } from '../../core/job'
import { jobContextOf, type JobContext } from './jobContext'
import { jobSetup, ttlDeletion, type FinishedReport } from './jobSetup'
import { remainingTtlMs } from './jobPredicates'

type Args = { readonly context: JobContext }

const addMs = (at: Instant, ms: number): Instant => makeInstant(at + ms)

const report = (type: FinishedReport['type']) => ({
  type: 'reportFinished',
  params: ({ context }: Args): FinishedReport => {
    const condition = findCondition(jobConditions(context.job), type)
    return { type, reason: condition?.reason ?? '', message: condition?.message ?? '' }
  },
}) as const

/** The reducer's backoff `Requeue` as an effect: at least the 1 s batch period. */
const backoffSync = {
  type: 'requestSync',
  params: ({ context }: Args) => ({ afterSeconds: Math.max(remainingBackoffOf(context.backoff, context.now), 1000) / 1000 }),
} as const

/** Where a sync leads from a Job that has not reached a verdict: first matching condition wins. */
const afterSync = [
  { guard: 'isComplete', target: '#job.Complete', actions: 'recordSync' },
  { guard: 'isFailed', target: '#job.Failed', actions: 'recordSync' },
  { guard: 'hasFailureTarget', target: '#job.FailureTarget', actions: 'recordSync' },
  { guard: 'hasSuccessCriteriaMet', target: '#job.SuccessCriteriaMet', actions: 'recordSync' },
  { guard: 'isSuspendedByController', target: '#job.Suspended', actions: 'recordSync' },
  { guard: 'isWaitingOnBackoff', target: '#job.BackingOff', actions: ['recordSync', backoffSync] },
  { target: '#job.Active', actions: 'recordSync' },
] as const

/** A spec edit of `suspend` changes the generation: the controller syncs at once. */
const suspendEdits = {
  'job.suspended': {
    actions: [
      { type: 'recordSuspend', params: ({ event }: { readonly event: { readonly at: Instant } }) => ({ at: event.at, suspend: true }) },
      { type: 'requestSync', params: { afterSeconds: 0 } },
    ],
  },
  'job.resumed': {
    actions: [
      { type: 'recordSuspend', params: ({ event }: { readonly event: { readonly at: Instant } }) => ({ at: event.at, suspend: false }) },
      { type: 'requestSync', params: { afterSeconds: 0 } },
    ],
  },
} as const

/** Complete and Failed: absorbing, then deleted by the TTL controller once `ttlSecondsAfterFinished` has passed. */
const finished = (type: FinishedReport['type']) =>
  ({
    entry: [report(type)],
    initial: 'Deciding',
    states: {
      Deciding: { always: [{ guard: 'hasTtl', target: 'AwaitingTtl' }, { target: 'Kept' }] },
      AwaitingTtl: {
        after: {
          ttlDelay: {
            target: '#job.TTLExpired',
            actions: { type: 'recordTime', params: ({ context }: Args) => ({ at: addMs(context.now, remainingTtlMs(context.job, context.now) ?? 0) }) },
          },
        },
      },
      Kept: {},
    },
    on: {
      // A TTL edited on a finished Job is re-evaluated on the update.
      'job.synced': { target: '.Deciding', actions: 'recordSync' },
      'ttl.expired': { guard: 'isTtlDue', target: '#job.TTLExpired', actions: { type: 'recordTime', params: ({ event }: { readonly event: { readonly at: Instant } }) => ({ at: event.at }) } },
    },
  }) as const

/**
 * A Job's life as the controller decides it (reference §13): Pending until its first sync,
 * Active, Suspended, BackingOff while pod creation waits on the failure backoff, then the
 * interim SuccessCriteriaMet / FailureTarget and the terminal Complete / Failed, and TTLExpired
 * once the TTL controller deletes it. Every transition follows the conditions the reducer wrote
 * (`job.synced`); an interim state only leads to its own terminal one, so a status that breaks
 * the lifecycle leaves the machine disagreeing with it. Pure: the TTL is an `after` delay.
 */
export const jobMachine = jobSetup.createMachine({
  id: 'job',
  context: ({ input }) => jobContextOf(input),
  initial: 'Pending',
  states: {
    Pending: {
      // A Job first seen with conditions (a restarted controller) starts where they say.
      always: [
        { guard: 'isComplete', target: 'Complete' },
        { guard: 'isFailed', target: 'Failed' },
        { guard: 'hasFailureTarget', target: 'FailureTarget' },
        { guard: 'hasSuccessCriteriaMet', target: 'SuccessCriteriaMet' },
        { guard: 'isSuspendedByController', target: 'Suspended' },
        { guard: 'hasStarted', target: 'Active' },
      ],
      on: { 'job.synced': [...afterSync], ...suspendEdits },
    },
    Active: { on: { 'job.synced': [...afterSync], ...suspendEdits } },
    BackingOff: { on: { 'job.synced': [...afterSync], ...suspendEdits } },
    Suspended: { on: { 'job.synced': [...afterSync], ...suspendEdits } },
    SuccessCriteriaMet: {
      on: { 'job.synced': [{ guard: 'isComplete', target: 'Complete', actions: 'recordSync' }, { actions: 'recordSync' }] },
    },
    FailureTarget: {
      on: { 'job.synced': [{ guard: 'isFailed', target: 'Failed', actions: 'recordSync' }, { actions: 'recordSync' }] },
    },
    Complete: finished('Complete'),
    Failed: finished('Failed'),
    TTLExpired: { type: 'final', entry: { type: 'deleteJob', params: ({ context }) => ttlDeletion(context) } },
  },
})

export type JobMachine = typeof jobMachine
