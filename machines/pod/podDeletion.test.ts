import { addSeconds, formatInstant, makeInstant, type Pod, type PodSpec } from '../../core/api'
import { containerExited, deletionRequested, podScheduled } from './podEvents'
import type { PodLifecycle } from './podLifecycle'
import type { PodStatusView } from './podStatus'
import { namedActions, pureTimeline, type PureTimeline } from './pureTimeline'

const t0 = makeInstant(Date.parse('2026-01-01T00:00:00Z'))
const at = (seconds: number) => addSeconds(t0, seconds)
const ts = (seconds: number) => formatInstant(at(seconds))
const aPod = (spec: Partial<PodSpec>): Pod => ({
  metadata: { name: 'fluentd-x7k2p', namespace: 'kube-system', uid: 'uid-2', creationTimestamp: ts(0) },
  spec: { containers: [{ name: 'fluentd', image: 'fluentd:v1' }], ...spec },
})
const daemonLike: PodLifecycle = { startSeconds: 2, exitCode: 0, failTimes: 0, stopSeconds: 0 }
const timeline = (spec: Partial<PodSpec>, lifecycle: Partial<PodLifecycle> = {}): PureTimeline =>
  pureTimeline({ pod: aPod(spec), lifecycle: { ...daemonLike, ...lifecycle } }, t0)
const running = (spec: Partial<PodSpec>, lifecycle: Partial<PodLifecycle> = {}): PureTimeline =>
  timeline(spec, lifecycle).send(podScheduled(t0, 'node-1')).fire()

const named = (tl: PureTimeline) => namedActions(tl.actions)
const types = (tl: PureTimeline) => named(tl).map((a) => a.type)
const writes = (tl: PureTimeline): PodStatusView[] =>
  named(tl)
    .filter((a) => a.type === 'writeStatus')
    .map((a) => (a.params as { status: PodStatusView }).status)
const removed = { namespace: 'kube-system', name: 'fluentd-x7k2p', uid: 'uid-2' }
const seconds = (tl: PureTimeline) => (tl.now - t0) / 1000

describe('podMachine: graceful deletion', () => {
  it('a container that stops within the grace period: Killing, then the final status and removal when it exits', () => {
    const tl = running({ terminationGracePeriodSeconds: 30 }, { stopSeconds: 3 })
    tl.send(deletionRequested(at(10)))
    expect(tl.snapshot.value).toBe('Killing')
    expect(types(tl)).toEqual([])
    expect(tl.timers.map((t) => [t.event.type, t.delayMs])).toEqual([
      ['xstate.after.stopDelay.pod.Killing', 3000],
      ['xstate.after.gracePeriod.pod.Killing', 30_000],
    ])
    tl.fire()
    expect(seconds(tl)).toBe(13)
    expect(tl.snapshot.value).toBe('Gone')
    expect(tl.snapshot.status).toBe('done')
    expect(types(tl)).toEqual(['writeStatus', 'removePod'])
    expect(named(tl)[1]?.params).toEqual(removed)
    const last = writes(tl)[0]!
    expect(last.phase).toBe('Failed')
    expect(last.containerStatuses[0]?.state).toEqual({
      terminated: { exitCode: 143, reason: 'Error', startedAt: ts(2), finishedAt: ts(13) },
    })
    expect(tl.timers).toEqual([])
  })

  it('a container still running when the grace period ends is killed (137) at its end', () => {
    const tl = running({ terminationGracePeriodSeconds: 30 }, { stopSeconds: 60 }).send(deletionRequested(at(10))).fire()
    expect(seconds(tl)).toBe(40)
    expect(tl.snapshot.value).toBe('Gone')
    expect(types(tl)).toEqual(['writeStatus', 'removePod'])
    expect(writes(tl)[0]?.containerStatuses[0]?.state).toMatchObject({ terminated: { exitCode: 137, reason: 'Error', finishedAt: ts(40) } })
  })

  it('the deletion grace period (deletionGracePeriodSeconds) overrides the spec; a tie goes to the kill', () => {
    const tl = running({ terminationGracePeriodSeconds: 30 }, { stopSeconds: 5 }).send(deletionRequested(at(10), 5))
    expect(tl.timers.map((t) => t.delayMs)).toEqual([5000, 5000])
    tl.fire() // the stop timer: its guard gives way to the kill due at the same instant
    expect([tl.snapshot.value, types(tl)]).toEqual(['Killing', []])
    tl.fire()
    expect(seconds(tl)).toBe(15)
    expect(writes(tl)[0]?.containerStatuses[0]?.state).toMatchObject({ terminated: { exitCode: 137 } })
  })

  it('by default a container exits on SIGTERM, on the next tick of the clock', () => {
    const tl = running({}).send(deletionRequested(at(10)))
    expect(tl.timers.map((t) => t.delayMs)).toEqual([0, 30_000])
    tl.fire()
    expect(seconds(tl)).toBe(10)
    expect(types(tl)).toEqual(['writeStatus', 'removePod'])
  })

  it('a container exiting by itself while being stopped ends the wait; exit 0 makes the final phase Succeeded', () => {
    const tl = running({ restartPolicy: 'Never' }, { stopSeconds: 20 }).send(deletionRequested(at(10)))
    tl.send(containerExited(at(12), 0))
    expect(writes(tl).map((s) => s.phase)).toEqual(['Succeeded'])
    expect(types(tl)).toEqual(['writeStatus', 'removePod'])
  })

  it('pods with no running container go at once: unscheduled, being created, backing off, finished', () => {
    const unscheduled = timeline({}).send(deletionRequested(at(1)))
    expect([unscheduled.snapshot.value, types(unscheduled)]).toEqual(['Gone', ['removePod']])

    const creating = timeline({}).send(podScheduled(t0, 'node-1')).send(deletionRequested(at(1)))
    expect([creating.snapshot.value, types(creating)]).toEqual(['Gone', ['removePod']])
    expect(creating.timers).toEqual([])

    const backingOff = running({ restartPolicy: 'Always' }, { runSeconds: 1, exitCode: 1 }).fire().fire()
    expect(backingOff.snapshot.value).toEqual({ Active: 'BackOff' })
    backingOff.send(deletionRequested(at(5)))
    expect(types(backingOff)).toEqual(['writeStatus', 'removePod'])
    expect(writes(backingOff)[0]?.containerStatuses[0]?.state).toMatchObject({ terminated: { exitCode: 1, reason: 'Error' } })
    expect(writes(backingOff)[0]?.phase).toBe('Failed')

    const finished = running({ restartPolicy: 'Never' }, { runSeconds: 5 }).fire().send(deletionRequested(at(60)))
    expect([finished.snapshot.value, types(finished)]).toEqual(['Gone', ['removePod']])
  })
})

describe('podMachine: activeDeadlineSeconds', () => {
  it('counts from startTime; the pod is Failed/DeadlineExceeded at once, then its containers are stopped', () => {
    const tl = running({ restartPolicy: 'Never', activeDeadlineSeconds: 30, terminationGracePeriodSeconds: 10 }, { stopSeconds: 4 })
    expect(tl.snapshot.value).toEqual({ Active: 'RunningForever' })
    tl.fire()
    expect(seconds(tl)).toBe(30)
    expect(tl.snapshot.value).toBe('Killing')
    const [evicted] = writes(tl)
    expect(evicted).toMatchObject({
      phase: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'Pod was active on the node longer than the specified deadline',
    })
    expect(evicted?.containerStatuses[0]?.state).toEqual({ running: { startedAt: ts(2) } })
    expect(evicted?.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed', lastTransitionTime: ts(30) })

    tl.fire()
    expect(seconds(tl)).toBe(34)
    expect(tl.snapshot.value).toBe('Failed')
    expect(types(tl)).toEqual(['writeStatus'])
    expect(writes(tl)[0]).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' })
    expect(writes(tl)[0]?.containerStatuses[0]?.state).toMatchObject({ terminated: { exitCode: 143, finishedAt: ts(34) } })
  })

  it('also fires while containers are still being created or backing off', () => {
    const creating = timeline({ activeDeadlineSeconds: 1 }).send(podScheduled(t0, 'node-1')).fire()
    expect(creating.snapshot.value).toBe('Failed')
    expect(writes(creating)[0]).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' })
    expect(writes(creating)[0]?.containerStatuses[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } })
    expect(creating.timers).toEqual([])

    const crashing = running({ restartPolicy: 'OnFailure', activeDeadlineSeconds: 20 }, { runSeconds: 1, exitCode: 1 })
    while (crashing.snapshot.value !== 'Failed') crashing.fire()
    expect(seconds(crashing)).toBe(20)
    expect(writes(crashing)[0]).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' })
  })

  it('a deletion during the deadline kill removes the pod once stopped', () => {
    const tl = running({ activeDeadlineSeconds: 30 }, { stopSeconds: 4 }).fire().send(deletionRequested(at(31))).fire()
    expect(tl.snapshot.value).toBe('Gone')
    expect(types(tl)).toEqual(['writeStatus', 'removePod'])
  })
})

describe('podMachine: a real runtime (exitsWhenTold)', () => {
  it('a run lasts until container.exited, whatever run-seconds says', () => {
    const tl = running({ restartPolicy: 'Never' }, { runSeconds: 5, exitsWhenTold: true })
    expect(tl.snapshot.value).toEqual({ Active: 'RunningForever' })
    expect(tl.timers).toEqual([])
    tl.send(containerExited(at(9), 3))
    expect(tl.snapshot.value).toBe('Failed')
    expect(writes(tl).at(-1)?.containerStatuses[0]?.state).toMatchObject({ terminated: { exitCode: 3, reason: 'Error', finishedAt: ts(9) } })
  })

  it('after SIGTERM the pod waits for the exit, up to the grace period', () => {
    const tl = running({ terminationGracePeriodSeconds: 30 }, { exitsWhenTold: true }).send(deletionRequested(at(10)))
    expect(tl.snapshot.value).toBe('Killing')
    tl.send(containerExited(at(12), 143))
    expect(tl.snapshot.value).toBe('Gone')
    expect(writes(tl)[0]?.containerStatuses[0]?.state).toMatchObject({ terminated: { exitCode: 143, finishedAt: ts(12) } })

    const stubborn = running({ terminationGracePeriodSeconds: 30 }, { exitsWhenTold: true }).send(deletionRequested(at(10)))
    while (stubborn.snapshot.value === 'Killing') stubborn.fire()
    expect(seconds(stubborn)).toBe(40)
    expect(writes(stubborn)[0]?.containerStatuses[0]?.state).toMatchObject({ terminated: { exitCode: 137, finishedAt: ts(40) } })
  })
})
