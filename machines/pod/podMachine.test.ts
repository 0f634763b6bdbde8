import { addSeconds, formatInstant, makeInstant, type Pod, type PodSpec, type PodStatus } from '../../core/api'
import { containerExited, podScheduled } from './podEvents'
import type { PodLifecycle } from './podLifecycle'
import type { PodStatusView } from './podStatus'
import { namedActions, pureTimeline, type PureTimeline } from './pureTimeline'

const t0 = makeInstant(Date.parse('2026-01-01T00:00:00Z'))
const ts = (seconds: number) => formatInstant(addSeconds(t0, seconds))
const aPod = (spec: Partial<PodSpec>): Pod => ({
  metadata: { name: 'pi-abcde', namespace: 'default', uid: 'uid-1', creationTimestamp: ts(0) },
  spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }], ...spec },
})
const jobLike = { startSeconds: 2, runSeconds: 5, exitCode: 0, failTimes: 0, stopSeconds: 0 }
const scheduled = (spec: Partial<PodSpec>, lifecycle: PodLifecycle = jobLike): PureTimeline =>
  pureTimeline({ pod: aPod(spec), lifecycle }, t0).send(podScheduled(t0, 'node-1'))

const types = (tl: PureTimeline) => namedActions(tl.actions).map((a) => a.type)
const writes = (tl: PureTimeline): PodStatusView[] =>
  namedActions(tl.actions)
    .filter((a) => a.type === 'writeStatus')
    .map((a) => (a.params as { status: PodStatusView }).status)
/** One line per written status: phase, what `kubectl get pods` shows as STATUS, restarts. */
const brief = (s: PodStatusView): string => {
  const c = s.containerStatuses[0]
  const state = c === undefined ? '' : 'waiting' in c.state ? c.state.waiting.reason : 'running' in c.state ? 'Running' : c.state.terminated.reason
  return `${s.phase} ${state} ${c?.restartCount ?? 0}`
}
const seconds = (tl: PureTimeline) => (tl.now - t0) / 1000

describe('podMachine: a Job pod (restartPolicy Never)', () => {
  it('Pending → ContainerCreating → Running → Succeeded with reason Completed, each step a status write', () => {
    const tl = pureTimeline({ pod: aPod({ restartPolicy: 'Never' }), lifecycle: jobLike }, t0)
    expect(tl.snapshot.value).toBe('Pending')
    expect(tl.actions).toEqual([])

    tl.send(podScheduled(t0, 'node-1'))
    expect(tl.snapshot.value).toEqual({ Active: 'ContainerCreating' })
    expect(types(tl)).toEqual(['writeStatus'])
    expect(tl.timers.map((t) => t.delayMs)).toEqual([2000])
    const pending: PodStatus = writes(tl)[0]! // the view is a core PodStatus as it stands
    expect(pending).toEqual({
      phase: 'Pending',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: ts(0) },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: ts(0) },
        { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: ts(0), reason: 'ContainersNotReady', message: 'containers with unready status: [pi]' },
        { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: ts(0), reason: 'ContainersNotReady', message: 'containers with unready status: [pi]' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ts(0) },
      ],
      startTime: ts(0),
      containerStatuses: [
        { name: 'pi', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'perl:5.34.0', imageID: '', started: false },
      ],
    })

    tl.fire()
    expect(seconds(tl)).toBe(2)
    expect(tl.snapshot.value).toEqual({ Active: 'Running' })
    const running = writes(tl)[0]!
    expect(running.phase).toBe('Running')
    expect(running.conditions.map((c) => [c.type, c.status, c.lastTransitionTime])).toEqual([
      ['PodReadyToStartContainers', 'True', ts(2)],
      ['Initialized', 'True', ts(0)],
      ['Ready', 'True', ts(2)],
      ['ContainersReady', 'True', ts(2)],
      ['PodScheduled', 'True', ts(0)],
    ])
    expect(running.containerStatuses).toEqual([
      { name: 'pi', state: { running: { startedAt: ts(2) } }, lastState: {}, ready: true, restartCount: 0, image: 'perl:5.34.0', imageID: 'perl:5.34.0', started: true },
    ])
    expect(tl.timers.map((t) => t.delayMs)).toEqual([5000])

    tl.fire()
    expect(seconds(tl)).toBe(7)
    expect(tl.snapshot.value).toBe('Succeeded')
    expect(types(tl)).toEqual(['writeStatus'])
    expect(tl.timers).toEqual([])
    const done = writes(tl)[0]!
    expect(done.phase).toBe('Succeeded')
    expect(done.conditions.map((c) => [c.type, c.status, c.lastTransitionTime, c.reason])).toEqual([
      ['PodReadyToStartContainers', 'False', ts(7), undefined],
      ['Initialized', 'True', ts(0), 'PodCompleted'],
      ['Ready', 'False', ts(7), 'PodCompleted'],
      ['ContainersReady', 'False', ts(7), 'PodCompleted'],
      ['PodScheduled', 'True', ts(0), undefined],
    ])
    expect(done.containerStatuses[0]).toMatchObject({
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ts(2), finishedAt: ts(7) } },
      ready: false,
      started: false,
      restartCount: 0,
    })
  })

  it('exit 1 → Failed with reason Error; Ready and ContainersReady say PodFailed', () => {
    const tl = scheduled({ restartPolicy: 'Never' }, { ...jobLike, exitCode: 1 })
    tl.fire().fire()
    expect(tl.snapshot.value).toBe('Failed')
    const failed = writes(tl)[0]!
    expect(brief(failed)).toBe('Failed Error 0')
    expect(failed.containerStatuses[0]?.state).toEqual({ terminated: { exitCode: 1, reason: 'Error', startedAt: ts(2), finishedAt: ts(7) } })
    expect(failed.conditions.filter((c) => c.status === 'False').map((c) => [c.type, c.reason])).toEqual([
      ['PodReadyToStartContainers', undefined],
      ['Ready', 'PodFailed'],
      ['ContainersReady', 'PodFailed'],
    ])
  })

  it('lists every container, sorted by name, sharing the pod lifecycle', () => {
    const tl = scheduled({ containers: [{ name: 'worker', image: 'w' }, { name: 'sidecar', image: 's' }] }).fire()
    expect(writes(tl)[0]?.containerStatuses.map((c) => [c.name, c.image, c.ready])).toEqual([
      ['sidecar', 's', true],
      ['worker', 'w', true],
    ])
  })
})

describe('podMachine: restarts (kubelet CrashLoopBackOff)', () => {
  /** Runs a crash-looping pod and returns the wait between each exit and the next start. */
  const waits = (tl: PureTimeline, exits: number): number[] => {
    tl.fire() // started
    const out: number[] = []
    for (let i = 0; i < exits; i++) {
      tl.fire() // exited
      const finishedAt = tl.now
      if (JSON.stringify(tl.snapshot.value).includes('BackOff')) tl.fire()
      out.push((tl.now - finishedAt) / 1000)
    }
    return out
  }

  it('OnFailure: restarts at once after the first failure, then after 10, 20, 40 … capped at 300 s', () => {
    const tl = scheduled({ restartPolicy: 'OnFailure' }, { ...jobLike, runSeconds: 1, exitCode: 1 })
    expect(waits(tl, 9)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300])
    expect(tl.snapshot.context.restartCount).toBe(9)
  })

  it('OnFailure: writes the exit, then CrashLoopBackOff with the previous run as lastState, phase Running throughout', () => {
    const tl = scheduled({ restartPolicy: 'OnFailure' }, { ...jobLike, runSeconds: 1, exitCode: 1 }).fire().fire()
    expect(writes(tl).map(brief)).toEqual(['Running Error 0', 'Running Running 1'])
    expect(writes(tl)[1]?.containerStatuses[0]?.lastState).toEqual({
      terminated: { exitCode: 1, reason: 'Error', startedAt: ts(2), finishedAt: ts(3) },
    })
    tl.fire()
    expect(tl.snapshot.value).toEqual({ Active: 'BackOff' })
    expect(writes(tl).map(brief)).toEqual(['Running Error 1', 'Running CrashLoopBackOff 1'])
    const waiting = writes(tl)[1]!.containerStatuses[0]!
    expect(waiting.state).toEqual({
      waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=pi pod=pi-abcde_default(uid-1)' },
    })
    expect(waiting.lastState).toEqual({ terminated: { exitCode: 1, reason: 'Error', startedAt: ts(3), finishedAt: ts(4) } })
    expect(tl.timers.map((t) => t.delayMs)).toEqual([10_000])
    tl.fire()
    expect(seconds(tl)).toBe(14)
    expect(writes(tl).map(brief)).toEqual(['Running Running 2'])
  })

  it('OnFailure: fail-times 2 then exit 0 → Succeeded after two restarts, the last failure kept as lastState', () => {
    const tl = scheduled({ restartPolicy: 'OnFailure' }, { ...jobLike, failTimes: 2 })
    expect(waits(tl, 2)).toEqual([0, 10])
    tl.fire()
    expect(tl.snapshot.value).toBe('Succeeded')
    const done = writes(tl)[0]!
    expect(brief(done)).toBe('Succeeded Completed 2')
    expect(done.containerStatuses[0]?.lastState).toMatchObject({ terminated: { exitCode: 1, reason: 'Error' } })
  })

  it('Always: even exit 0 restarts (Completed, then CrashLoopBackOff); the pod never ends by itself', () => {
    const tl = scheduled({ restartPolicy: 'Always' }, { ...jobLike, runSeconds: 3 })
    expect(waits(tl, 4)).toEqual([0, 10, 20, 40])
    tl.fire()
    expect(writes(tl).map(brief)).toEqual(['Running Completed 4', 'Running CrashLoopBackOff 4'])
    expect(tl.snapshot.context.restartCount).toBe(4)
  })

  it('resets the back-off once a container ran more than 10 minutes since its last restart', () => {
    const tl = scheduled({ restartPolicy: 'Always' }, { ...jobLike, runSeconds: 1_000_000 }).fire()
    const crashAt = (s: number) => tl.send(containerExited(addSeconds(t0, s), 2))
    crashAt(3) // first exit: at once (entry 10 s)
    crashAt(4).fire() // 10 s → restarted at 14 (entry 20 s)
    crashAt(15).fire() // 20 s → restarted at 35 (entry 40 s)
    expect(seconds(tl)).toBe(35)
    crashAt(35 + 600) // exactly 10 minutes: still backing off, 40 s
    expect(tl.timers.map((t) => t.delayMs)).toEqual([40_000])
    tl.fire() // restarted at 675 (entry 80 s)
    crashAt(675 + 601) // over 10 minutes: restarts at once, entry back to 10 s
    expect(tl.snapshot.value).toEqual({ Active: 'Running' })
    expect(tl.snapshot.context.backOff).toEqual({ seconds: 10, updatedAt: addSeconds(t0, 1276) })
    crashAt(1277)
    expect(tl.timers.map((t) => t.delayMs)).toEqual([10_000])
    expect(tl.snapshot.context.restartCount).toBe(5)
  })
})
