import { initialTransition, transition, type SnapshotFrom } from 'xstate'
import { addSeconds, formatInstant, makeInstant, type Job, type JobCondition, type JobStatus } from '../../core/api'
import { jobMachine, type JobMachine } from './jobMachine'
import { jobResumed, jobSuspended, jobSynced, ttlExpired, type JobEvent } from './jobEvents'
import { agreesWithConditions, jobStateOf } from './jobState'

type Snapshot = SnapshotFrom<JobMachine>
type Step = [Snapshot, ReadonlyArray<{ readonly type: string; readonly params?: unknown }>]

const t0 = makeInstant(Date.parse('2026-01-01T00:00:00Z'))
const at = (s: number) => addSeconds(t0, s)
const iso = (s: number) => formatInstant(at(s))

const cond = (type: string, s: number, reason = '', message = '', status = 'True'): JobCondition => ({
  type,
  status,
  lastProbeTime: iso(s),
  lastTransitionTime: iso(s),
  reason,
  message,
})
const job = (spec: Partial<Job['spec']> = {}, status?: JobStatus): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', namespace: 'default', uid: 'uid-pi' },
  spec: { parallelism: 2, completions: 4, backoffLimit: 4, template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } }, ...spec },
  ...(status !== undefined ? { status } : {}),
})
const running = (extra: JobStatus = {}): JobStatus => ({ startTime: iso(0), active: 2, succeeded: 0, failed: 0, ready: 0, terminating: 0, ...extra })
const backoffLimitExceeded = ['BackoffLimitExceeded', 'Job has reached the specified backoff limit'] as const
const completionsReached = ['CompletionsReached', 'Reached expected number of succeeded pods'] as const

/** Named actions of a step: XState's own raise/cancel left out. */
const named = ([, actions]: Step) => actions.filter((a) => !a.type.startsWith('xstate.')).map((a) => ({ type: a.type, params: a.params }))
const delayed = ([, actions]: Step) =>
  actions.filter((a) => a.type === 'xstate.raise').map((a) => a.params as { readonly event: JobEvent; readonly delay?: number })
const start = (j: Job = job(), seconds = 0): Step => initialTransition(jobMachine, { job: j, at: at(seconds) })
const send = (step: Step, event: JobEvent): Step => transition(jobMachine, step[0], event)
const state = (step: Step) => jobStateOf(step[0])

describe('jobMachine', () => {
  it('starts Pending and becomes Active on its first sync (startTime set, no condition)', () => {
    const s0 = start()
    expect(state(s0)).toBe('Pending')
    expect(named(s0)).toEqual([])
    const s1 = send(s0, jobSynced(at(0), job({}, running())))
    expect(state(s1)).toBe('Active')
    expect(named(s1)).toEqual([])
    expect(s1[0].context.job.status?.active).toBe(2)
  })

  it('waits in BackingOff while the failure backoff defers creation, asking for a sync when it ends', () => {
    const s1 = send(start(), jobSynced(at(0), job({}, running())))
    // One failure finished at 10 s; at 12 s the 10 s backoff has 8 s to go and one pod is missing.
    const short = job({}, running({ active: 1, failed: 1 }))
    const s2 = send(s1, jobSynced(at(12), short, { failuresAfterLastSuccess: 1, lastFailureTime: at(10) }))
    expect(state(s2)).toBe('BackingOff')
    expect(named(s2)).toEqual([{ type: 'requestSync', params: { afterSeconds: 8 } }])
    // The backoff over, the sync creates the replacement.
    const s3 = send(s2, jobSynced(at(20), job({}, running({ active: 2, failed: 1 })), { failuresAfterLastSuccess: 1, lastFailureTime: at(10) }))
    expect(state(s3)).toBe('Active')
  })

  it('is not BackingOff when the backoff runs but no pod is missing', () => {
    const s = send(start(), jobSynced(at(12), job({}, running({ active: 2, failed: 1 })), { failuresAfterLastSuccess: 1, lastFailureTime: at(10) }))
    expect(state(s)).toBe('Active')
  })

  it('follows Suspended=True and its flip to False; spec edits only ask for a sync', () => {
    const s1 = send(start(), jobSynced(at(0), job({}, running())))
    const s2 = send(s1, jobSuspended(at(5)))
    expect(state(s2)).toBe('Active')
    expect(s2[0].context.job.spec.suspend).toBe(true)
    expect(named(s2)).toEqual([{ type: 'requestSync', params: { afterSeconds: 0 } }])
    const s3 = send(s2, jobSynced(at(5), job({ suspend: true }, running({ active: 0, conditions: [cond('Suspended', 5, 'JobSuspended', 'Job suspended')] }))))
    expect(state(s3)).toBe('Suspended')
    const s4 = send(s3, jobResumed(at(9)))
    expect(state(s4)).toBe('Suspended')
    expect(named(s4)).toEqual([{ type: 'requestSync', params: { afterSeconds: 0 } }])
    const resumed = job({ suspend: false }, running({ startTime: iso(9), conditions: [cond('Suspended', 9, 'JobResumed', 'Job resumed', 'False')] }))
    const s5 = send(s4, jobSynced(at(9), resumed))
    expect(state(s5)).toBe('Active')
    expect(agreesWithConditions(state(s5), resumed)).toBe(true)
  })

  it('FailureTarget waits for the pods to terminate, then Failed reports the reason', () => {
    const s1 = send(start(), jobSynced(at(0), job({}, running())))
    const target = cond('FailureTarget', 30, ...backoffLimitExceeded)
    const s2 = send(s1, jobSynced(at(30), job({}, running({ active: 0, terminating: 1, failed: 5, conditions: [target] }))))
    expect(state(s2)).toBe('FailureTarget')
    const s3 = send(s2, jobSynced(at(31), job({}, running({ active: 0, terminating: 1, failed: 5, conditions: [target] }))))
    expect(state(s3)).toBe('FailureTarget')
    const s4 = send(s3, jobSynced(at(40), job({}, running({ active: 0, terminating: 0, failed: 6, conditions: [target, cond('Failed', 40, ...backoffLimitExceeded)] }))))
    expect(state(s4)).toBe('Failed')
    expect(named(s4)).toEqual([
      { type: 'reportFinished', params: { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' } },
    ])
    expect(delayed(s4)).toEqual([]) // no TTL: kept forever
  })

  it('goes straight to Complete when the interim and terminal conditions land in one sync', () => {
    const s1 = send(start(), jobSynced(at(0), job({}, running())))
    const done = running({ active: 0, succeeded: 4, completionTime: iso(50), conditions: [cond('SuccessCriteriaMet', 50, ...completionsReached), cond('Complete', 50, ...completionsReached)] })
    const s2 = send(s1, jobSynced(at(50), job({}, done)))
    expect(state(s2)).toBe('Complete')
    expect(named(s2)).toEqual([
      { type: 'reportFinished', params: { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' } },
    ])
  })

  it('deletes a finished Job once ttlSecondsAfterFinished has passed since the Complete transition (an after delay)', () => {
    const spec = { ttlSecondsAfterFinished: 100 }
    const s1 = send(start(job(spec)), jobSynced(at(0), job(spec, running())))
    const met = cond('SuccessCriteriaMet', 50, ...completionsReached)
    const s2 = send(s1, jobSynced(at(50), job(spec, running({ active: 0, terminating: 1, succeeded: 4, conditions: [met] }))))
    expect(state(s2)).toBe('SuccessCriteriaMet')
    const complete = job(spec, running({ active: 0, succeeded: 4, completionTime: iso(52), conditions: [met, cond('Complete', 52, ...completionsReached)] }))
    const s3 = send(s2, jobSynced(at(60), complete))
    expect(s3[0].value).toEqual({ Complete: 'AwaitingTtl' })
    const [timer] = delayed(s3)
    expect(timer?.delay).toBe(92_000) // 52 s + 100 s − 60 s
    // An early ttl.expired is refused: the TTL controller re-checks before deleting.
    expect(state(send(s3, ttlExpired(at(151))))).toBe('Complete')
    const s4 = send(s3, timer!.event)
    expect(state(s4)).toBe('TTLExpired')
    expect(s4[0].status).toBe('done')
    expect(named(s4)).toEqual([
      { type: 'deleteJob', params: { type: 'DeleteJob', namespace: 'default', name: 'pi', propagationPolicy: 'Foreground', reason: 'TTLExpired' } },
    ])
    expect(state(send(s3, ttlExpired(at(152))))).toBe('TTLExpired')
  })

  it('starts where the conditions say for a Job first seen finished (a restarted controller)', () => {
    const failed = job({ ttlSecondsAfterFinished: 0 }, running({ active: 0, conditions: [cond('FailureTarget', 9, ...backoffLimitExceeded), cond('Failed', 9, ...backoffLimitExceeded)] }))
    const s = start(failed, 20)
    expect(s[0].value).toEqual({ Failed: 'AwaitingTtl' })
    expect(delayed(s).map((d) => d.delay)).toEqual([0])
    expect(state(start(failed, 5))).toBe('Failed') // finish time ahead of the clock: wait, as upstream only warns
    expect(state(start(job({}, running())))).toBe('Active')
  })

  it('an interim state leads only to its own terminal state: a status breaking the lifecycle is left disagreeing', () => {
    const target = cond('FailureTarget', 30, ...backoffLimitExceeded)
    const s1 = send(start(), jobSynced(at(30), job({}, running({ active: 0, conditions: [target] }))))
    const wrong = job({}, running({ active: 0, conditions: [target, cond('Complete', 31, ...completionsReached)] }))
    const s2 = send(s1, jobSynced(at(31), wrong))
    expect(state(s2)).toBe('FailureTarget')
    expect(agreesWithConditions(state(s2), wrong)).toBe(false)
  })

  it('absorbs syncs once finished', () => {
    const done = job({}, running({ active: 0, succeeded: 4, conditions: [cond('SuccessCriteriaMet', 5, ...completionsReached), cond('Complete', 5, ...completionsReached)] }))
    const s1 = send(start(), jobSynced(at(5), done))
    const s2 = send(s1, jobSynced(at(6), done))
    expect(s2[0].value).toEqual({ Complete: 'Kept' })
    expect(named(s2)).toEqual([])
  })
})
