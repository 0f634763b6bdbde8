import { createVirtualClock } from '../memory/virtualClock'
import { virtualScheduler } from '../memory/virtualScheduler'
import { itemExponentialRateLimiter } from './rateLimiter'
import { createWorkQueue, type WorkQueue } from './workQueue'

const t0 = Date.UTC(2026, 0, 1)

/** A queue on a virtual clock whose handed-out keys are recorded with their virtual time. */
const setup = (workers = 1) => {
  const clock = createVirtualClock({ start: t0 })
  const queue = createWorkQueue({ scheduler: virtualScheduler(clock), workers })
  const handed: Array<{ readonly key: string; readonly at: number }> = []
  queue.ready$.subscribe((key) => handed.push({ key, at: clock.now() - t0 }))
  return { clock, queue, handed }
}

const keys = (handed: ReadonlyArray<{ readonly key: string }>): ReadonlyArray<string> => handed.map((h) => h.key)

describe('workQueue', () => {
  it('hands out a key added several times once, on the scheduler, in first-added order', () => {
    const { clock, queue, handed } = setup(5)
    queue.add('a')
    queue.add('b')
    queue.add('a')
    expect(handed).toEqual([]) // never inside add: the hand-off is a timer at the current instant
    clock.runUntil(t0)
    expect(keys(handed)).toEqual(['a', 'b'])
  })

  it('never syncs one key twice at once: an add during its sync queues it once more after done', () => {
    const { clock, queue, handed } = setup(5)
    queue.add('a')
    clock.runUntil(t0)
    queue.add('a')
    queue.add('a')
    clock.runUntil(t0)
    expect(keys(handed)).toEqual(['a'])
    queue.done('a')
    clock.runUntil(t0)
    expect(keys(handed)).toEqual(['a', 'a'])
    queue.done('a')
    clock.runUntil(t0 + 1000)
    expect(keys(handed)).toEqual(['a', 'a'])
  })

  it('hands out at most `workers` keys until some are done', () => {
    const { clock, queue, handed } = setup(2)
    for (const k of ['a', 'b', 'c', 'd']) queue.add(k)
    clock.runUntil(t0)
    expect(keys(handed)).toEqual(['a', 'b'])
    expect(queue.length()).toBe(2)
    queue.done('b')
    clock.runUntil(t0)
    expect(keys(handed)).toEqual(['a', 'b', 'c'])
  })

  it('addAfter keeps the earliest pending time per key', () => {
    const { clock, queue, handed } = setup()
    queue.addAfter('a', 5000)
    queue.addAfter('a', 2000)
    queue.addAfter('a', 9000)
    expect(queue.waiting()).toBe(1)
    clock.runUntil(t0 + 60_000)
    expect(handed).toEqual([{ key: 'a', at: 2000 }])
  })

  it('retries with per-key exponential backoff and forgets on success', () => {
    const { clock, queue, handed } = setup()
    const syncAndFail = (): void => {
      clock.runUntil(clock.nextDueAt() ?? clock.now())
      const last = handed[handed.length - 1]
      if (last !== undefined) {
        queue.addRateLimited(last.key)
        queue.done(last.key)
      }
    }
    queue.add('a')
    for (let i = 0; i < 4; i++) syncAndFail()
    clock.runUntil(clock.nextDueAt() ?? clock.now())
    expect(handed.map((h) => h.at)).toEqual([0, 5, 15, 35, 75])
    expect(queue.numRequeues('a')).toBe(4)
    queue.forget('a')
    expect(queue.numRequeues('a')).toBe(0)
  })

  it('rate limiter: 5 ms doubling, capped at 1000 s', () => {
    const limiter = itemExponentialRateLimiter()
    const delays = Array.from({ length: 30 }, () => limiter.when('k'))
    expect(delays.slice(0, 4)).toEqual([5, 10, 20, 40])
    expect(delays[delays.length - 1]).toBe(1_000_000)
    expect(limiter.when('other')).toBe(5)
  })

  it('shutDown drops pending timers and completes the stream', () => {
    const { clock, queue } = setup()
    let completed = false
    ;(queue as WorkQueue).ready$.subscribe({ complete: () => (completed = true) })
    queue.addAfter('a', 1000)
    queue.shutDown()
    expect(completed).toBe(true)
    expect(clock.pendingTimers()).toBe(0)
  })
})
