import { Subject, type Observable, type SchedulerLike, type Subscription } from 'rxjs'
import { itemExponentialRateLimiter, type RateLimiter } from './rateLimiter'

export interface WorkQueueOptions {
  /** Timers for `addAfter` and the hand-off to workers; the virtual scheduler in a simulation. */
  readonly scheduler: SchedulerLike
  /** How many keys may be syncing at once (upstream's `--concurrent-*-syncs`); default 1. */
  readonly workers?: number
  readonly rateLimiter?: RateLimiter
}

/**
 * client-go's rate-limited delaying work queue, with the keys to sync as an Observable. A key is
 * queued at most once however often it is added (`dirty`); a key being synced is not handed out
 * again until `done`, and if it was added meanwhile it is queued once more then. `addAfter`
 * keeps, per key, only the earliest pending time.
 */
export interface WorkQueue {
  /** Keys to sync now. Each must be answered with `done(key)` once its sync has finished. */
  readonly ready$: Observable<string>
  add(key: string): void
  addAfter(key: string, delayMs: number): void
  /** `addAfter` with the rate limiter's delay for this key, counting one more failure. */
  addRateLimited(key: string): void
  /** Resets the key's failure count. */
  forget(key: string): void
  numRequeues(key: string): number
  done(key: string): void
  /** Keys queued (not yet handed out). */
  length(): number
  /** Keys handed out and not yet done. */
  processing(): number
  /** Keys waiting for an `addAfter` time. */
  waiting(): number
  shutDown(): void
}

/** A FIFO of strings with O(1) shift, compacted now and then. */
class Fifo {
  private items: string[] = []
  private head = 0
  get size(): number {
    return this.items.length - this.head
  }
  push(item: string): void {
    this.items.push(item)
  }
  shift(): string | undefined {
    if (this.head >= this.items.length) return undefined
    const item = this.items[this.head++]
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return item
  }
}

export const createWorkQueue = (options: WorkQueueOptions): WorkQueue => {
  const { scheduler } = options
  const workers = Math.max(1, options.workers ?? 1)
  const limiter = options.rateLimiter ?? itemExponentialRateLimiter()
  const queue = new Fifo()
  const dirty = new Set<string>()
  const active = new Set<string>()
  const timers = new Map<string, { readonly at: number; readonly subscription: Subscription }>()
  const ready = new Subject<string>()
  let pumping: Subscription | undefined
  let closed = false

  // Hand-off happens on the scheduler, not inside `add`: a sync never starts in the middle of
  // the watch event that queued it, and every key added at one instant is seen together.
  const drain = (): void => {
    pumping = undefined
    while (!closed && active.size < workers) {
      const key = queue.shift()
      if (key === undefined) return
      dirty.delete(key)
      active.add(key)
      ready.next(key)
    }
  }
  const pump = (): void => {
    if (closed || pumping !== undefined || queue.size === 0 || active.size >= workers) return
    pumping = scheduler.schedule(drain, 0)
  }

  const add = (key: string): void => {
    if (closed || dirty.has(key)) return
    dirty.add(key)
    if (active.has(key)) return
    queue.push(key)
    pump()
  }

  const addAfter = (key: string, delayMs: number): void => {
    if (closed) return
    if (!(delayMs > 0)) {
      add(key)
      return
    }
    const at = scheduler.now() + delayMs
    const pending = timers.get(key)
    if (pending !== undefined) {
      if (pending.at <= at) return
      pending.subscription.unsubscribe()
    }
    const subscription = scheduler.schedule(() => {
      timers.delete(key)
      add(key)
    }, delayMs)
    timers.set(key, { at, subscription })
  }

  return {
    ready$: ready.asObservable(),
    add,
    addAfter,
    addRateLimited: (key) => addAfter(key, limiter.when(key)),
    forget: (key) => limiter.forget(key),
    numRequeues: (key) => limiter.retries(key),
    done: (key) => {
      if (!active.delete(key)) return
      if (dirty.has(key)) queue.push(key)
      pump()
    },
    length: () => queue.size,
    processing: () => active.size,
    waiting: () => timers.size,
    shutDown: () => {
      closed = true
      pumping?.unsubscribe()
      for (const t of timers.values()) t.subscription.unsubscribe()
      timers.clear()
      ready.complete()
    },
  }
}
