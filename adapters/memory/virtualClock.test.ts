import { delay, firstValueFrom, interval, of, take, timer, toArray } from 'rxjs'
import { createVirtualClock } from './virtualClock'
import { virtualScheduler } from './virtualScheduler'

describe('createVirtualClock', () => {
  it('fires timers in due order, ties in insertion order, each at its own instant', () => {
    const clock = createVirtualClock({ start: 1000 })
    const fired: string[] = []
    const at = (label: string) => () => fired.push(`${label}@${clock.now()}`)
    clock.setTimer(3000, at('c'))
    clock.setTimer(2000, at('a'))
    clock.setTimer(2000, at('b'))
    clock.setTimer(500, at('past'))
    expect(clock.pendingTimers()).toBe(4)
    expect(clock.nextDueAt()).toBe(1000)
    expect(clock.advanceTo(2500)).toBe(3)
    expect(fired).toEqual(['past@1000', 'a@2000', 'b@2000'])
    expect(clock.now()).toBe(2500)
    expect(clock.advanceBy(1000)).toBe(1)
    expect(fired).toEqual(['past@1000', 'a@2000', 'b@2000', 'c@3000'])
    expect(clock.now()).toBe(3500)
  })

  it('runUntil jumps from timer to timer and stays at the last one fired', () => {
    const clock = createVirtualClock({ start: 0 })
    const fired: number[] = []
    const tick = (): void => {
      fired.push(clock.now())
      if (clock.now() < 30) clock.setTimer(clock.now() + 10, tick)
    }
    clock.setTimer(10, tick)
    expect(clock.runUntil(100)).toBe(3)
    expect(fired).toEqual([10, 20, 30])
    expect(clock.now()).toBe(30)
    expect(clock.step()).toBe(false)
  })

  it('runs timers set for the current instant within the same advance, after those already due', () => {
    const clock = createVirtualClock({ start: 0 })
    const fired: string[] = []
    clock.setTimer(5, () => {
      fired.push('first')
      clock.setTimer(clock.now(), () => fired.push('nested'))
    })
    clock.setTimer(5, () => fired.push('second'))
    clock.advanceTo(5)
    expect(fired).toEqual(['first', 'second', 'nested'])
  })

  it('cancels timers and refuses to advance from inside a timer', () => {
    const clock = createVirtualClock({ start: 0 })
    const fired: string[] = []
    const id = clock.setTimer(10, () => fired.push('cancelled'))
    clock.setTimer(20, () => expect(() => clock.advanceBy(1)).toThrow(/inside a timer/))
    clock.cancel(id)
    expect(clock.pendingTimers()).toBe(1)
    clock.advanceTo(30)
    expect(fired).toEqual([])
  })

  it('runUntilAsync lets promise continuations run at the instant of the timer that started them', async () => {
    const clock = createVirtualClock({ start: 0 })
    const seen: number[] = []
    clock.setTimer(10, () => {
      void Promise.resolve().then(() => {
        seen.push(clock.now())
        clock.setTimer(clock.now() + 5, () => seen.push(clock.now()))
      })
    })
    clock.setTimer(12, () => seen.push(clock.now()))
    await clock.runUntilAsync(100)
    expect(seen).toEqual([10, 12, 15])
  })
})

describe('virtualScheduler', () => {
  it('drives timer, delay and interval from the virtual clock only', async () => {
    const clock = createVirtualClock({ start: 0 })
    const scheduler = virtualScheduler(clock)
    const seen: string[] = []
    timer(100, scheduler).subscribe(() => seen.push(`timer@${clock.now()}`))
    of('x')
      .pipe(delay(250, scheduler))
      .subscribe((x) => seen.push(`${x}@${clock.now()}`))
    const ticks = firstValueFrom(interval(40, scheduler).pipe(take(3), toArray()))
    expect(scheduler.now()).toBe(0)
    clock.advanceTo(99)
    expect(seen).toEqual([])
    clock.advanceTo(1000)
    expect(seen).toEqual(['timer@100', 'x@250'])
    await expect(ticks).resolves.toEqual([0, 1, 2])
    expect(clock.pendingTimers()).toBe(0)
  })

  it('cancels scheduled work on unsubscribe', () => {
    const clock = createVirtualClock({ start: 0 })
    const seen: number[] = []
    const subscription = timer(50, virtualScheduler(clock)).subscribe(() => seen.push(clock.now()))
    subscription.unsubscribe()
    expect(clock.pendingTimers()).toBe(0)
    clock.advanceTo(100)
    expect(seen).toEqual([])
  })
})
