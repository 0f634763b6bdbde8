import type { ActorOptions, AnyActorLogic } from 'xstate'
import type { TimerId, VirtualClock } from './virtualClock'

/** XState v5's `Clock` (not exported by name): what `createActor(…, { clock })` accepts. */
export type XStateClock = NonNullable<ActorOptions<AnyActorLogic>['clock']>

/** The `SimulatedClock`-compatible face of the virtual clock, so machines' `after` delays run on it. */
export interface VirtualXStateClock extends XStateClock {
  now(): number
  setTimeout(fn: () => void, timeout: number): TimerId
  clearTimeout(id: TimerId): void
}

/** The id of a timeout that never fires; the virtual clock hands out ids from 1. */
const never = 0 as TimerId

/**
 * Adapts the virtual clock to XState: `createActor(machine, { clock: xstateClock(clock) })` makes
 * the actor's delayed events fire when the virtual clock reaches them. An infinite delay (the pod
 * machine's for a deadline the pod does not have) never fires, so no timer is kept for it.
 */
export const xstateClock = (clock: VirtualClock): VirtualXStateClock => ({
  now: () => clock.now(),
  setTimeout: (fn, timeout) => (Number.isFinite(timeout) ? clock.setTimer(clock.now() + Math.max(0, timeout), fn) : never),
  clearTimeout: (id) => void (id !== never && clock.cancel(id)),
})
