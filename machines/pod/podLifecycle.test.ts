import type { Pod } from '../../core/api'
import { exitCodeOfRun, podLifecycleOf, simAnnotations } from './podLifecycle'

const pod = (annotations: Record<string, string> = {}, ownerKind?: string): Pod => ({
  metadata: {
    name: 'p',
    annotations,
    ...(ownerKind !== undefined
      ? { ownerReferences: [{ apiVersion: 'v1', kind: ownerKind, name: 'o', uid: 'o-uid', controller: true }] }
      : {}),
  },
  spec: { containers: [{ name: 'c' }] },
})

describe('podLifecycleOf (contracts §3 simulation annotations)', () => {
  it('defaults: start 2 s, Job pods run 5 s, other pods forever, exit 0, no failures', () => {
    expect(podLifecycleOf(pod({}, 'Job'))).toEqual({ startSeconds: 2, runSeconds: 5, exitCode: 0, failTimes: 0, stopSeconds: 0 })
    expect(podLifecycleOf(pod({}, 'DaemonSet'))).toEqual({ startSeconds: 2, exitCode: 0, failTimes: 0, stopSeconds: 0 })
    expect(podLifecycleOf(pod())).not.toHaveProperty('runSeconds')
  })

  it('reads the pod annotations, falling back to the owner annotations', () => {
    const own = pod({ [simAnnotations.startSeconds]: '0.5', [simAnnotations.exitCode]: '3' }, 'Job')
    const owner = { [simAnnotations.runSeconds]: '60', [simAnnotations.exitCode]: '7', [simAnnotations.failTimes]: '2' }
    expect(podLifecycleOf(own, { ownerAnnotations: owner, stopSeconds: 4 })).toEqual({
      startSeconds: 0.5,
      runSeconds: 60,
      exitCode: 3,
      failTimes: 2,
      stopSeconds: 4,
    })
  })

  it('ignores unreadable values', () => {
    const bad = pod({
      [simAnnotations.startSeconds]: '-1',
      [simAnnotations.runSeconds]: 'soon',
      [simAnnotations.exitCode]: '1.5',
      [simAnnotations.failTimes]: '',
    })
    expect(podLifecycleOf(bad)).toEqual({ startSeconds: 2, exitCode: 0, failTimes: 0, stopSeconds: 0 })
  })

  it('fails the first failTimes runs with exit code 1, then exits with exitCode', () => {
    const lifecycle = { startSeconds: 2, exitCode: 0, failTimes: 2, stopSeconds: 0 }
    expect([0, 1, 2, 3].map((run) => exitCodeOfRun(lifecycle, run))).toEqual([1, 1, 0, 0])
  })
})
