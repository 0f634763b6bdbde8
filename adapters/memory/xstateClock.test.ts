import { createActor, setup } from 'xstate'
import { createVirtualClock } from './virtualClock'
import { xstateClock } from './xstateClock'

const blinker = setup({ types: { events: {} as { readonly type: 'stop' } }, delays: { onTime: 2000 } }).createMachine({
  id: 'blinker',
  initial: 'off',
  states: {
    off: { after: { 1000: 'on' }, on: { stop: 'stopped' } },
    on: { after: { onTime: 'off' }, on: { stop: 'stopped' } },
    stopped: { type: 'final' },
  },
})

describe('xstateClock', () => {
  it('runs a machine’s `after` delays on the virtual clock', () => {
    const clock = createVirtualClock({ start: 0 })
    const actor = createActor(blinker, { clock: xstateClock(clock) }).start()
    const states: string[] = []
    actor.subscribe((s) => states.push(`${String(s.value)}@${clock.now()}`))
    clock.advanceTo(999)
    expect(actor.getSnapshot().value).toBe('off')
    clock.advanceTo(4500)
    expect(states).toEqual(['on@1000', 'off@3000', 'on@4000'])
  })

  it('cancels a pending delay when the state is left early', () => {
    const clock = createVirtualClock({ start: 0 })
    const actor = createActor(blinker, { clock: xstateClock(clock) }).start()
    expect(clock.pendingTimers()).toBe(1)
    actor.send({ type: 'stop' })
    expect(clock.pendingTimers()).toBe(0)
    clock.advanceTo(10_000)
    expect(actor.getSnapshot().status).toBe('done')
  })

  it('keeps no timer for an infinite delay: it never fires', () => {
    const waiting = setup({ types: { events: {} as { readonly type: 'stop' } }, delays: { never: Number.POSITIVE_INFINITY } }).createMachine({
      initial: 'waiting',
      states: { waiting: { after: { never: 'late', 1000: 'ticked' }, on: { stop: 'stopped' } }, ticked: { on: { stop: 'stopped' } }, late: {}, stopped: {} },
    })
    const clock = createVirtualClock({ start: 0 })
    const actor = createActor(waiting, { clock: xstateClock(clock) }).start()
    expect(clock.pendingTimers()).toBe(1)
    clock.advanceTo(1_000_000)
    expect(actor.getSnapshot().value).toBe('ticked')
  })
})
