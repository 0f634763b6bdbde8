import { initialTransition, transition, type SnapshotFrom } from 'xstate'
import type { Instant } from '../../core/api'
import type { PodMachineInput } from './podContext'
import type { PodEvent } from './podEvents'
import { podMachine, type PodMachine } from './podMachine'

type Snapshot = SnapshotFrom<PodMachine>
type Actions = ReturnType<typeof transition<PodMachine>>[1]

/** A delayed event the machine asked for (an `xstate.raise` with a delay) and not yet cancelled. */
export interface PendingTimer {
  readonly id: string
  readonly event: { readonly type: string }
  readonly delayMs: number
  readonly dueAt: number
}

/** The named actions of one step (XState's own raise/cancel left out), as `{ type, params }`. */
export const namedActions = (actions: Actions): ReadonlyArray<{ readonly type: string; readonly params: unknown }> =>
  actions.filter((a) => !a.type.startsWith('xstate.')).map((a) => ({ type: a.type, params: a.params }))

interface RaiseParams {
  readonly id: string
  readonly event: { readonly type: string }
  readonly delay?: number
}

/**
 * Drives the pod machine with XState's pure `initialTransition`/`transition` only, keeping the
 * timers it schedules in a list and firing the earliest on `fire()`. Nothing is executed: each
 * step exposes the next snapshot and its actions. For tests and model checks.
 */
export const pureTimeline = (input: PodMachineInput, startAt: Instant, machine: PodMachine = podMachine) => {
  let now: number = startAt
  let timers: PendingTimer[] = []
  let [snapshot, actions]: [Snapshot, Actions] = initialTransition(machine, input)

  const absorb = (next: [Snapshot, Actions]): void => {
    ;[snapshot, actions] = next
    // XState's types leave `xstate.cancel` out of the action union, though exits produce it.
    for (const action of actions as ReadonlyArray<{ readonly type: string; readonly params: unknown }>) {
      if (action.type === 'xstate.cancel') {
        const { sendId } = action.params as { readonly sendId: string }
        timers = timers.filter((t) => t.id !== sendId)
      } else if (action.type === 'xstate.raise') {
        const { id, event, delay } = action.params as RaiseParams
        // An infinite delay (a deadline the pod does not have) never falls due: no timer.
        if (typeof delay === 'number' && Number.isFinite(delay)) timers = [...timers, { id, event, delayMs: delay, dueAt: now + delay }]
      }
    }
  }

  return {
    get snapshot(): Snapshot {
      return snapshot
    },
    get actions(): Actions {
      return actions
    },
    get now(): number {
      return now
    },
    /** Timers still pending, earliest first (ties in the order they were set). */
    get timers(): ReadonlyArray<PendingTimer> {
      return [...timers].sort((a, b) => a.dueAt - b.dueAt)
    },
    /** Sends an external event; the timeline's clock moves to its `at`. */
    send(event: PodEvent) {
      if (event.at < now) throw new Error(`event at ${event.at} is before now ${now}`)
      now = event.at
      absorb(transition(machine, snapshot, event))
      return this
    },
    /** Advances the clock to the earliest pending timer and delivers its event. */
    fire() {
      const [next] = this.timers
      if (next === undefined) throw new Error('no timer is pending')
      now = next.dueAt
      timers = timers.filter((t) => t !== next)
      absorb(transition(machine, snapshot, next.event as PodEvent))
      return this
    },
  }
}

export type PureTimeline = ReturnType<typeof pureTimeline>
