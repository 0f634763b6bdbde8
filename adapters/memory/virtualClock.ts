import { setImmediate as nextMacrotask } from 'node:timers/promises'
import { TimerQueue } from './timerQueue'

export interface TimerIdBrand {
  readonly TimerId: unique symbol
}
/** The handle of a pending timer, for `cancel`. */
export type TimerId = number & TimerIdBrand

/**
 * The one clock of a simulation: the reducers' `now`, the RxJS scheduler (`virtualScheduler`) and
 * the XState machines' delays (`xstateClock`) all read and schedule on it, so moving it moves the
 * whole simulated world. Time only moves when asked; timers due at the same instant fire in the
 * order they were set. Time never goes backwards. Times are epoch milliseconds.
 */
export interface VirtualClock {
  now(): number
  /** Runs `fn` when the clock reaches `at`; a time in the past means "at the current instant". */
  setTimer(at: number, fn: () => void): TimerId
  cancel(id: TimerId): void
  /** When the earliest pending timer is due, or undefined when none is pending. */
  nextDueAt(): number | undefined
  pendingTimers(): number
  /** Jumps to the earliest pending timer and fires it; false when none is pending. */
  step(): boolean
  /** Fires every timer due up to `t` (each at its own instant), then stands at `t`. Returns how many fired. */
  advanceTo(t: number): number
  advanceBy(ms: number): number
  /**
   * Jumps from one due timer to the next while they are due no later than `t`, and stays at the
   * last one fired (the clock does not idle on to `t`). Returns how many fired.
   */
  runUntil(t: number): number
  /**
   * `runUntil` for worlds with promises in them: before each timer and at the end, waits for
   * `settle` (by default one macrotask turn, which drains every pending microtask) so that async
   * continuations started by a timer run at that timer's instant.
   */
  runUntilAsync(t: number, settle?: () => Promise<void>): Promise<number>
}

export interface VirtualClockOptions {
  /** Epoch milliseconds the clock starts at. */
  readonly start: number
  /** A guard against timers that keep rescheduling at the same instant; exceeding it throws. */
  readonly maxTimersPerRun?: number
}

const defaultSettle = async (): Promise<void> => {
  await nextMacrotask()
}

/** Creates a virtual clock standing at `options.start`. Deterministic: it never reads the wall clock. */
export const createVirtualClock = (options: VirtualClockOptions): VirtualClock => {
  const queue = new TimerQueue()
  const limit = options.maxTimersPerRun ?? 10_000_000
  let current = options.start
  let nextId = 1
  let nextSeq = 0
  let running = false

  const fireNext = (): boolean => {
    const entry = queue.pop()
    if (entry === undefined) return false
    if (entry.at > current) current = entry.at
    entry.fn()
    return true
  }

  const guarded = <A>(body: () => A): A => {
    if (running) throw new Error('VirtualClock: cannot advance the clock from inside a timer')
    running = true
    try {
      return body()
    } finally {
      running = false
    }
  }

  const runDue = (t: number): number => {
    let fired = 0
    for (let next = queue.peek(); next !== undefined && next.at <= t; next = queue.peek()) {
      if (++fired > limit) throw new Error(`VirtualClock: more than ${limit} timers fired in one run`)
      fireNext()
    }
    return fired
  }

  const clock: VirtualClock = {
    now: () => current,
    setTimer: (at, fn) => {
      const id = nextId++
      queue.push({ id, at: Math.max(at, current), seq: nextSeq++, fn })
      return id as TimerId
    },
    cancel: (id) => {
      queue.cancel(id)
    },
    nextDueAt: () => queue.peek()?.at,
    pendingTimers: () => queue.size,
    step: () => guarded(fireNext),
    advanceTo: (t) =>
      guarded(() => {
        const fired = runDue(t)
        if (t > current) current = t
        return fired
      }),
    advanceBy: (ms) => clock.advanceTo(current + ms),
    runUntil: (t) => guarded(() => runDue(t)),
    runUntilAsync: async (t, settle = defaultSettle) => {
      if (running) throw new Error('VirtualClock: cannot advance the clock from inside a timer')
      running = true
      let fired = 0
      try {
        await settle()
        for (let next = queue.peek(); next !== undefined && next.at <= t; next = queue.peek()) {
          if (++fired > limit) throw new Error(`VirtualClock: more than ${limit} timers fired in one run`)
          fireNext()
          await settle()
        }
        return fired
      } finally {
        running = false
      }
    },
  }
  return clock
}
