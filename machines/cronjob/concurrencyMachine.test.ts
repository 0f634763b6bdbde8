import { initialTransition, transition, type SnapshotFrom } from 'xstate'
import type { CronJob } from '../../core/api'
import { formatInstant } from '../../core/api'
import { concurrencyMachine, type ConcurrencyMachine } from './concurrencyMachine'
import { jobDeleted, jobFinished, scheduleDue, type ConcurrencyEvent } from './concurrencyEvents'

type Snapshot = SnapshotFrom<ConcurrencyMachine>
type Step = [Snapshot, ReadonlyArray<{ readonly type: string; readonly params?: unknown }>]

const t0 = Date.parse('2026-01-01T00:00:00Z')
const minute = (n: number): number => t0 + n * 60_000
const nameAt = (n: number): string => `hello-${minute(n) / 60_000}`

const hello = (policy: 'Allow' | 'Forbid' | 'Replace', startingDeadlineSeconds?: number): CronJob => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', namespace: 'default', uid: 'uid-hello', creationTimestamp: formatInstant(t0) },
  spec: {
    schedule: '*/1 * * * *',
    concurrencyPolicy: policy,
    ...(startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds } : {}),
    jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' } } } },
  },
})

const start = (cj: CronJob): Step => initialTransition(concurrencyMachine, { cronJob: cj })
const send = (step: Step, event: ConcurrencyEvent): Step => transition(concurrencyMachine, step[0], event)
/** The named effects of a step, each as `type:detail` (XState's own actions left out). */
const effects = ([, actions]: Step): ReadonlyArray<string> =>
  actions
    .filter((a) => !a.type.startsWith('xstate.'))
    .map((a) => {
      const p = a.params as { reason?: string; name?: string; job?: { metadata: { name: string } } }
      return `${a.type}:${p.reason ?? p.job?.metadata.name ?? p.name ?? ''}`
    })
const state = (step: Step) => step[0].value
const active = (step: Step) => step[0].context.status.active.map((r) => r.name)

describe('concurrencyMachine', () => {
  it('starts idle, creates on a due slot and runs; a finished Job brings it back to idle', () => {
    const s0 = start(hello('Allow'))
    expect(state(s0)).toBe('idle')
    const s1 = send(s0, scheduleDue(minute(1) + 100, minute(1)))
    expect(state(s1)).toBe('running')
    expect(effects(s1)).toEqual([`createJob:${nameAt(1)}`, 'recordEvent:SuccessfulCreate'])
    expect(s1[0].context.status.lastScheduleTime).toBe(formatInstant(minute(1)))
    const s2 = send(s1, jobFinished(minute(1) + 30_000, nameAt(1), 'Failed'))
    expect(effects(s2)).toEqual(['recordEvent:SawCompletedJob'])
    expect(state(s2)).toBe('idle')
  })

  it('the CreateJob it carries is core\'s full manifest, ready to execute', () => {
    const [, actions] = send(start(hello('Allow')), scheduleDue(minute(1) + 100, minute(1)))
    expect(actions.find((a) => a.type === 'createJob')?.params).toMatchObject({
      type: 'CreateJob',
      owner: { kind: 'CronJob', namespace: 'default', name: 'hello', uid: 'uid-hello' },
      job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: nameAt(1), namespace: 'default' } },
    })
  })

  it('Allow runs Jobs side by side', () => {
    const s = send(send(start(hello('Allow')), scheduleDue(minute(1), minute(1))), scheduleDue(minute(2), minute(2)))
    expect(active(s)).toEqual([nameAt(1), nameAt(2)])
  })

  it('Forbid holds a slot back with JobAlreadyActive, then runs it late when the Job ends', () => {
    const s1 = send(start(hello('Forbid')), scheduleDue(minute(1) + 100, minute(1)))
    const s2 = send(s1, scheduleDue(minute(2) + 100, minute(2)))
    expect(effects(s2)).toEqual(['recordEvent:JobAlreadyActive'])
    expect(active(s2)).toEqual([nameAt(1)])
    expect(s2[0].context.blockedSlot).toBe(minute(2))
    const s3 = send(s2, jobFinished(minute(2) + 40_000, nameAt(1)))
    expect(effects(s3)).toEqual(['recordEvent:SawCompletedJob', `createJob:${nameAt(2)}`, 'recordEvent:SuccessfulCreate'])
    expect(active(s3)).toEqual([nameAt(2)])
    expect(state(s3)).toBe('running')
  })

  it('Forbid drops the held-back slot when the Job ends past startingDeadlineSeconds', () => {
    const s2 = send(send(start(hello('Forbid', 30)), scheduleDue(minute(1) + 100, minute(1))), scheduleDue(minute(2) + 100, minute(2)))
    const s3 = send(s2, jobDeleted(minute(2) + 45_000, nameAt(1)))
    expect(effects(s3)).toEqual(['recordEvent:MissingJob'])
    expect(state(s3)).toBe('idle')
    expect(s3[0].context.blockedSlot).toBeUndefined()
  })

  it('Replace deletes every running Job (Background), then creates', () => {
    const s1 = send(start(hello('Replace')), scheduleDue(minute(1) + 100, minute(1)))
    const s2 = send(s1, scheduleDue(minute(2) + 100, minute(2)))
    expect(effects(s2)).toEqual([`deleteJob:Replaced`, 'recordEvent:SuccessfulDelete', `createJob:${nameAt(2)}`, 'recordEvent:SuccessfulCreate'])
    expect(s2[1].find((a) => a.type === 'deleteJob')?.params).toEqual({
      type: 'DeleteJob',
      namespace: 'default',
      name: nameAt(1),
      propagationPolicy: 'Background',
      reason: 'Replaced',
    })
    expect(active(s2)).toEqual([nameAt(2)])
  })

  it('ignores a slot already processed, a slot past the deadline, and endings of Jobs it does not run', () => {
    const s1 = send(start(hello('Allow', 10)), scheduleDue(minute(1) + 100, minute(1)))
    expect(effects(send(s1, scheduleDue(minute(1) + 200, minute(1))))).toEqual([])
    expect(effects(send(s1, scheduleDue(minute(2) + 10_000, minute(2))))).toEqual([])
    expect(effects(send(s1, jobFinished(minute(1) + 300, 'someone-else')))).toEqual([])
  })

  it('starts where the CronJob status says: running when it lists Jobs', () => {
    const cj = { ...hello('Forbid'), status: { active: [{ kind: 'Job', namespace: 'default', name: nameAt(0), uid: 'u0', apiVersion: 'batch/v1' }] } }
    const s0 = start(cj)
    expect(state(s0)).toBe('running')
    expect(effects(send(s0, scheduleDue(minute(1) + 100, minute(1))))).toEqual(['recordEvent:JobAlreadyActive'])
  })
})
