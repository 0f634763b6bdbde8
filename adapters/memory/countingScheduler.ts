import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs'
import type { TimerId, VirtualClock } from './virtualClock'

/** A virtual-clock scheduler that knows how many of its timers are pending. */
export interface CountingScheduler extends SchedulerLike {
  pending(): number
}

/**
 * `virtualScheduler` with a count of its pending timers, so a simulation can tell background
 * timers (periodic resyncs, which never run out) from the work that makes the world change: the
 * world has settled when every pending clock timer is a background one.
 */
export const countingScheduler = (clock: VirtualClock): CountingScheduler => {
  let pending = 0

  class CountedAction<T> extends Subscription implements SchedulerAction<T> {
    private timer: TimerId | undefined = undefined

    constructor(private readonly work: (this: SchedulerAction<T>, state?: T) => void) {
      super()
      this.add(() => this.clear())
    }

    schedule(state?: T, delay = 0): Subscription {
      if (this.closed) return this
      this.clear()
      pending++
      this.timer = clock.setTimer(clock.now() + Math.max(0, delay), () => {
        this.timer = undefined
        pending--
        if (!this.closed) this.work.call(this, state)
      })
      return this
    }

    private clear(): void {
      if (this.timer === undefined) return
      clock.cancel(this.timer)
      this.timer = undefined
      pending--
    }
  }

  return {
    now: () => clock.now(),
    schedule: <T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription =>
      new CountedAction<T>(work).schedule(state, delay ?? 0),
    pending: () => pending,
  }
}
