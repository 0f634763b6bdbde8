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

/**
 * Adapts the virtual clock to XState: `createActor(machine, { clock: xstateClock(clock) })` makes
 * the actor's delayed events fire when the virtual clock reaches them.
 */
export const xstateClock = (clock: VirtualClock): VirtualXStateClock => ({
  now: () => clock.now(),
  setTimeout: (fn, timeout) => clock.setTimer(clock.now() + Math.max(0, timeout), fn),
  clearTimeout: (id) => clock.cancel(id),
})
