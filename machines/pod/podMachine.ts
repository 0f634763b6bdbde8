import { and } from 'xstate'
import { podContextOf, type PodContext } from './podContext'
import type { ContainerExited, DeletionRequested, PodEvent } from './podEvents'
import { exitCodeOfRun } from './podLifecycle'
import { podSetup, type At, type Exit } from './podSetup'
import { podStatusOf } from './podStatus'
import * as due from './podTimers'

/** Exit codes of a container that stopped on SIGTERM (128 + 15) or was killed (128 + 9). */
export const sigtermExitCode = 143
export const sigkillExitCode = 137

type Args = { readonly context: PodContext }

const at = (dueAt: due.DueAt) => ({ context }: Args): At => ({ at: dueAt(context) })
const killed = (dueAt: due.DueAt, exitCode: number) => ({ context }: Args): Exit => ({ at: dueAt(context), exitCode })
const exitOf = ({ event }: { readonly event: ContainerExited }): Exit => ({
  at: event.at,
  exitCode: event.exitCode,
  ...(event.reason !== undefined ? { reason: event.reason } : {}),
})
const deletion = { type: 'requestDeletion', params: ({ event }: { readonly event: PodEvent }): At => ({ at: event.at }) } as const
/** Record the status at `now`, then hand it to the `writeStatus` effect. */
const publish = [
  'recordStatus',
  { type: 'writeStatus', params: ({ context }: Args) => ({ status: context.status ?? podStatusOf(context) }) },
] as const

type Action = (typeof publish)[number] | { readonly type: 'startContainer' | 'restartContainer'; readonly params: (args: Args) => At }

/**
 * Transitions into a run, to `RunningForever` when runs never end by themselves (decided here,
 * where the run starts, rather than by an eventless step inside it), each behind `guard` if given.
 */
const run = (actions: ReadonlyArray<Action>, guard?: 'restartsAtOnce') => [
  { guard: guard === undefined ? 'runsForever' : and([guard, 'runsForever']), target: 'RunningForever', actions: [...actions] },
  { ...(guard === undefined ? {} : { guard }), target: 'Running', actions: [...actions] },
] as const

/** What a running container reacts to, whether or not its run ends by itself. */
const running = {
  'container.exited': { target: 'Exited', actions: { type: 'recordExit', params: exitOf } },
  'deletion.requested': {
    target: '#pod.Killing',
    actions: [
      deletion,
      {
        type: 'beginKill',
        params: ({ event }: { readonly event: DeletionRequested }) => (event.gracePeriodSeconds !== undefined ? { graceSeconds: event.gracePeriodSeconds } : {}),
      },
    ],
  },
} as const

/**
 * A pod's life on its node as the kubelet drives it: Pending until bound, then ContainerCreating,
 * Running, restarts with CrashLoopBackOff under OnFailure/Always, Succeeded or Failed, graceful
 * deletion (Killing → Gone) and activeDeadlineSeconds. Pure: time passes only through `after`
 * delays computed from the context, so an XState `SimulatedClock` drives it; every status
 * written is the `status` param of a `writeStatus` action, and `removePod` ends the pod.
 */
export const podMachine = podSetup.createMachine({
  id: 'pod',
  context: ({ input }) => podContextOf(input),
  initial: 'Pending',
  states: {
    Pending: {
      on: {
        'pod.scheduled': {
          target: 'Active',
          actions: { type: 'schedule', params: ({ event }) => ({ at: event.at, nodeName: event.nodeName }) },
        },
        // An unbound pod has no kubelet: the API server removes it at once (removePod finds it gone).
        'deletion.requested': { target: 'Gone', actions: deletion },
      },
    },
    // activeDeadlineSeconds counts across every state below, so its timer sits on Active; with
    // no deadline its delay is `podTimers.never`.
    Active: {
      entry: [...publish],
      initial: 'ContainerCreating',
      after: {
        activeDeadline: [
          // The kubelet writes Failed/DeadlineExceeded at once, then stops the containers.
          {
            guard: 'isRunning',
            target: 'Killing',
            actions: [{ type: 'exceedDeadline', params: at(due.deadlineDue) }, ...publish, { type: 'beginKill', params: {} }],
          },
          { target: 'Failed', actions: [{ type: 'exceedDeadline', params: at(due.deadlineDue) }, 'markTerminal', ...publish] },
        ],
      },
      states: {
        ContainerCreating: {
          after: { startDelay: run([{ type: 'startContainer', params: at(due.startDue) }, ...publish]) },
          on: { 'deletion.requested': { target: '#pod.Gone', actions: deletion } },
        },
        // A run that ends by itself after run-seconds...
        Running: {
          after: {
            runDelay: {
              target: 'Exited',
              actions: {
                type: 'recordExit',
                params: ({ context }) => ({ at: due.runDue(context), exitCode: exitCodeOfRun(context.lifecycle, context.runs - 1) }),
              },
            },
          },
          on: running,
        },
        // ...or one that runs until it is told to stop (or its process exits).
        RunningForever: { on: running },
        // The kubelet's sync after an exit: write the exit, then restart now, back off, or finish.
        Exited: {
          always: [
            ...run([...publish, { type: 'restartContainer', params: ({ context }: Args) => ({ at: context.now }) }, ...publish], 'restartsAtOnce'),
            { guard: 'restarts', target: 'BackOff', actions: [...publish, 'enterCrashLoop', ...publish] },
            { guard: 'succeeded', target: '#pod.Succeeded', actions: ['markTerminal', ...publish] },
            { target: '#pod.Failed', actions: ['markTerminal', ...publish] },
          ],
        },
        BackOff: {
          after: { backOffDelay: run([{ type: 'restartContainer', params: at(due.restartDue) }, ...publish]) },
          on: { 'deletion.requested': { target: '#pod.Gone', actions: [deletion, 'markTerminal', ...publish] } },
        },
      },
    },
    // SIGTERM sent: the container exits by itself after stopSeconds or is killed when the grace period ends.
    Killing: {
      after: {
        stopDelay: {
          guard: 'stopsBeforeGrace',
          target: 'Stopped',
          actions: { type: 'recordExit', params: killed(due.stopDue, sigtermExitCode) },
        },
        gracePeriod: { target: 'Stopped', actions: { type: 'recordExit', params: killed(due.graceDue, sigkillExitCode) } },
      },
      on: {
        'container.exited': { target: 'Stopped', actions: { type: 'recordExit', params: exitOf } },
        'deletion.requested': { actions: deletion },
      },
    },
    Stopped: {
      entry: ['markTerminal', ...publish],
      always: [{ guard: 'isDeleted', target: 'Gone' }, { guard: 'succeeded', target: 'Succeeded' }, { target: 'Failed' }],
    },
    Succeeded: { on: { 'deletion.requested': { target: 'Gone', actions: deletion } } },
    Failed: { on: { 'deletion.requested': { target: 'Gone', actions: deletion } } },
    // The status manager deletes a terminated pod that has a deletionTimestamp (grace period 0).
    Gone: {
      type: 'final',
      entry: {
        type: 'removePod',
        params: ({ context }) => ({ namespace: context.namespace, name: context.name, uid: context.uid }),
      },
    },
  },
})

export type PodMachine = typeof podMachine
