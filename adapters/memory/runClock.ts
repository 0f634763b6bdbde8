import type { Activity } from '../runtime/activity'
import type { ControllerManager } from '../runtime/controllerManager'
import type { MemoryStore } from './memoryStore'
import type { VirtualClock } from './virtualClock'

/** How long to run: a virtual duration, or until a resync round changes nothing (at most `limitMs`). */
export type RunUntil = { readonly for: number } | { readonly untilSettled: true; readonly limitMs?: number }

export interface RunReport {
  readonly from: number
  readonly to: number
  /** Only for `untilSettled`: whether the world settled before the limit. */
  readonly settled: boolean
  /** Virtual-clock timers fired. */
  readonly timers: number
}

/** What the run loop drives and watches. */
export interface RunWorld {
  readonly clock: VirtualClock
  readonly store: MemoryStore
  readonly activity: Activity
  readonly controllers: ControllerManager
  /** Pending timers that only repeat (periodic resyncs) and never mean the world is still moving. */
  readonly backgroundPending: () => number
}

/** `--until-settled` stops after a day of virtual time at the latest (a CronJob never settles). */
export const defaultSettleLimitMs = 24 * 60 * 60 * 1000

/**
 * Jumps the clock from one due timer to the next, up to `end`; after each instant, waits until
 * the asynchronous work started there (syncs awaiting API answers) has finished, so that it
 * happens at that instant. Stops early, when `quietOnly`, once only background timers are left.
 */
const advance = async (world: RunWorld, end: number, quietOnly: boolean, onProgress?: (now: number) => void): Promise<number> => {
  const { clock, activity } = world
  let fired = 0
  for (;;) {
    const due = clock.nextDueAt()
    if (due === undefined || due > end) return fired
    if (quietOnly && clock.pendingTimers() <= world.backgroundPending()) return fired
    fired += clock.runUntil(due)
    if (activity.busy()) await activity.whenIdle()
    onProgress?.(clock.now())
  }
}

/**
 * Runs the simulated world. `{ for }` stands the clock at the end of the duration.
 * `{ untilSettled }` runs until only background timers remain, then runs one full resync round;
 * if that round wrote nothing the world has settled (the clock stays at its last change),
 * otherwise it goes on. Deterministic: the same world always fires the same timers in order.
 */
export const runClock = async (world: RunWorld, until: RunUntil, onProgress?: (now: number) => void): Promise<RunReport> => {
  const { clock, store } = world
  const from = clock.now()
  if ('for' in until) {
    const end = from + Math.max(0, until.for)
    const timers = await advance(world, end, false, onProgress)
    clock.advanceTo(end)
    return { from, to: end, settled: false, timers }
  }
  const limit = from + (until.limitMs ?? defaultSettleLimitMs)
  let timers = 0
  for (;;) {
    timers += await advance(world, limit, true, onProgress)
    // Still moving: the limit came first.
    if (clock.pendingTimers() > world.backgroundPending()) return { from, to: clock.now(), settled: false, timers }
    const version = store.resourceVersion()
    world.controllers.resync()
    timers += await advance(world, limit, true, onProgress)
    if (store.resourceVersion() === version) return { from, to: clock.now(), settled: true, timers }
  }
}
