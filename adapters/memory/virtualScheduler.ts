import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs'
import type { TimerId, VirtualClock } from './virtualClock'

/** One scheduled piece of RxJS work, backed by a virtual-clock timer; rescheduling replaces the timer. */
class VirtualAction<T> extends Subscription implements SchedulerAction<T> {
  private timer: TimerId | undefined = undefined

  constructor(
    private readonly clock: VirtualClock,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super()
    this.add(() => this.clearTimer())
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this
    this.clearTimer()
    this.timer = this.clock.setTimer(this.clock.now() + Math.max(0, delay), () => {
      this.timer = undefined
      if (!this.closed) this.work.call(this, state)
    })
    return this
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.cancel(this.timer)
    this.timer = undefined
  }
}

/**
 * An RxJS scheduler on the virtual clock: `now()` is the clock's time and every piece of work,
 * even with a zero delay, becomes a clock timer. So `timer`, `delay`, `debounceTime`, `interval`
 * … given this scheduler run when (and only when) the clock is advanced past their due time.
 */
export const virtualScheduler = (clock: VirtualClock): SchedulerLike => ({
  now: () => clock.now(),
  schedule: <T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription =>
    new VirtualAction<T>(clock, work).schedule(state, delay ?? 0),
})
