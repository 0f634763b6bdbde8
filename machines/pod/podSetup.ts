import { assign, setup } from 'xstate'
import type { Instant } from '../../core/api'
import { exitReason } from './containerStatus'
import { isInBackOff, nextBackOff } from './crashLoopBackOff'
import type { PodContext, PodMachineInput } from './podContext'
import type { PodEvent } from './podEvents'
import { podStatusOf, type PodStatusView } from './podStatus'
import * as due from './podTimers'

export interface At {
  readonly at: Instant
}
export interface Exit extends At {
  readonly exitCode: number
  readonly reason?: string
}

/** Identifies the pod to remove; the adapter deletes it with grace period 0, as the status manager does. */
export interface PodRef {
  readonly namespace: string
  readonly name: string
  readonly uid: string
}

/** `ShouldContainerBeRestarted` for an exited container: Always, or OnFailure after a failure. */
const shouldRestart = (c: PodContext): boolean =>
  c.container._tag === 'Terminated' &&
  (c.restartPolicy === 'Always' || (c.restartPolicy === 'OnFailure' && c.container.exitCode !== 0))

/**
 * The pod machine's types and named implementations. Context updates are `assign`s taking the
 * instant they happen at as a parameter; `writeStatus` and `removePod` are the effects, no-ops
 * here, that adapters supply with `.provide`.
 */
export const podSetup = setup({
  types: {
    context: {} as PodContext,
    events: {} as PodEvent,
    input: {} as PodMachineInput,
  },
  actions: {
    writeStatus: (_, _params: { readonly status: PodStatusView }) => {},
    removePod: (_, _params: PodRef) => {},
    recordStatus: assign(({ context }) => ({ status: podStatusOf(context) })),
    schedule: assign((_, p: At & { readonly nodeName: string }) => ({ now: p.at, startTime: p.at, nodeName: p.nodeName })),
    startContainer: assign(({ context }, p: At) => ({
      now: p.at,
      runs: context.runs + 1,
      container: { _tag: 'Running', startedAt: p.at } as const,
    })),
    recordExit: assign(({ context }, p: Exit) =>
      context.container._tag !== 'Running'
        ? { now: p.at }
        : {
            now: p.at,
            container: {
              _tag: 'Terminated',
              exitCode: p.exitCode,
              reason: p.reason ?? exitReason(p.exitCode),
              startedAt: context.container.startedAt,
              finishedAt: p.at,
            } as const,
          },
    ),
    restartContainer: assign(({ context }, p: At) =>
      context.container._tag !== 'Terminated'
        ? { now: p.at }
        : {
            now: p.at,
            backOff: nextBackOff(context.backOff, context.container.finishedAt, p.at),
            previous: context.container,
            container: { _tag: 'Running', startedAt: p.at } as const,
            restartCount: context.restartCount + 1,
            runs: context.runs + 1,
            crashLoop: false,
          },
    ),
    enterCrashLoop: assign({ crashLoop: true }),
    requestDeletion: assign(({ context }, p: At) => ({ now: p.at, deletionRequestedAt: context.deletionRequestedAt ?? p.at })),
    beginKill: assign(({ context }, p: { readonly graceSeconds?: number }) => ({
      killing: { since: context.now, graceSeconds: p.graceSeconds ?? context.terminationGracePeriodSeconds },
    })),
    exceedDeadline: assign((_, p: At) => ({ now: p.at, deadlineExceeded: true })),
    markTerminal: assign({ terminal: true, crashLoop: false }),
  },
  guards: {
    runsForever: ({ context }) => context.lifecycle.runSeconds === undefined || context.lifecycle.exitsWhenTold === true,
    isRunning: ({ context }) => context.container._tag === 'Running',
    restarts: ({ context }) => shouldRestart(context),
    // doBackOff: the first exit, or one after a clean run of over 10 minutes, restarts at once.
    restartsAtOnce: ({ context }) =>
      shouldRestart(context) &&
      context.container._tag === 'Terminated' &&
      !isInBackOff(context.backOff, context.container.finishedAt, context.now),
    succeeded: ({ context }) =>
      context.container._tag === 'Terminated' && context.container.exitCode === 0 && !context.deadlineExceeded,
    isDeleted: ({ context }) => context.deletionRequestedAt !== undefined,
    // On a tie the grace period wins: the kubelet's SIGKILL comes first.
    stopsBeforeGrace: ({ context }) =>
      context.lifecycle.exitsWhenTold !== true && context.lifecycle.stopSeconds < (context.killing?.graceSeconds ?? 0),
  },
  delays: {
    startDelay: due.delayUntil(due.startDue),
    runDelay: due.delayUntil(due.runDue),
    backOffDelay: due.delayUntil(due.restartDue),
    stopDelay: due.delayUntil(due.stopDue),
    gracePeriod: due.delayUntil(due.graceDue),
    activeDeadline: due.deadlineDelay,
  },
})
