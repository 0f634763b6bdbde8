import { createActor, SimulatedClock } from 'xstate'
import { makeInstant, type Pod } from '../../core/api'
import { deletionRequested, podScheduled } from './podEvents'
import type { PodLifecycle } from './podLifecycle'
import { podMachine } from './podMachine'
import type { PodRef } from './podSetup'

const t0 = Date.parse('2026-01-01T00:00:00Z')
const aPod = (restartPolicy: string): Pod => ({
  metadata: { name: 'pi-abcde', namespace: 'default', uid: 'uid-1' },
  spec: { restartPolicy, containers: [{ name: 'pi', image: 'perl:5.34.0' }] },
})

/** Runs the machine as an adapter would: a real actor whose timers live on XState's SimulatedClock. */
const simulate = (restartPolicy: string, lifecycle: PodLifecycle) => {
  const clock = new SimulatedClock()
  clock.set(t0)
  const written: string[] = []
  const removed: PodRef[] = []
  const machine = podMachine.provide({
    actions: {
      writeStatus: ({ context }, { status }) => {
        // The machine's own notion of time always equals the clock that fired its timers.
        expect(context.now).toBe(clock.now())
        const state = status.containerStatuses[0]?.state ?? {}
        written.push(`${(clock.now() - t0) / 1000}s ${status.phase} ${Object.keys(state)[0]} ${status.containerStatuses[0]?.restartCount}`)
      },
      removePod: (_, ref) => void removed.push(ref),
    },
  })
  const actor = createActor(machine, { input: { pod: aPod(restartPolicy), lifecycle }, clock }).start()
  actor.send(podScheduled(makeInstant(clock.now()), 'node-1'))
  return { clock, actor, written, removed }
}

const jobLike: PodLifecycle = { startSeconds: 2, runSeconds: 5, exitCode: 0, failTimes: 0, stopSeconds: 0 }

describe('podMachine under createActor and a SimulatedClock', () => {
  it('moves only when virtual time passes: started at 2 s, Succeeded at 7 s', () => {
    const { clock, actor, written } = simulate('Never', jobLike)
    expect(written).toEqual(['0s Pending waiting 0'])
    clock.increment(1999)
    expect(actor.getSnapshot().value).toEqual({ Active: 'ContainerCreating' })
    clock.increment(1)
    expect(actor.getSnapshot().value).toEqual({ Active: 'Running' })
    clock.increment(4999)
    expect(written).toEqual(['0s Pending waiting 0', '2s Running running 0'])
    clock.increment(1)
    expect(actor.getSnapshot().value).toBe('Succeeded')
    expect(written.at(-1)).toBe('7s Succeeded terminated 0')
    actor.stop()
  })

  it('restarts a crash-looping container on the back-off schedule as the clock ticks', () => {
    const { clock, actor, written } = simulate('OnFailure', { ...jobLike, runSeconds: 1, exitCode: 1 })
    for (let s = 0; s < 1000; s++) clock.increment(1000)
    const restarts = written.filter((w) => w.includes(' running ')).map((w) => w.split(' ')[0])
    expect(restarts).toEqual(['2s', '3s', '14s', '35s', '76s', '157s', '318s', '619s', '920s'])
    expect(actor.getSnapshot().context.restartCount).toBe(8)
    actor.stop()
  })

  it('graceful deletion: timers due now fire on the next tick; then the pod is removed', () => {
    const { clock, actor, written, removed } = simulate('Always', { ...jobLike, runSeconds: 60, stopSeconds: 3 })
    clock.increment(2000) // the clock must stop at each due instant (the adapter's job), or chained timers drift
    clock.increment(8000)
    actor.send(deletionRequested(makeInstant(clock.now())))
    clock.increment(2999)
    expect(removed).toEqual([])
    clock.increment(1)
    expect(written.at(-1)).toBe('13s Failed terminated 0')
    expect(removed).toEqual([{ namespace: 'default', name: 'pi-abcde', uid: 'uid-1' }])
    expect(actor.getSnapshot().status).toBe('done')
  })
})
