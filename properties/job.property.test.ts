import * as fc from 'fast-check'
import { makeInstant, type JobStatus } from '../core/api'
import { actionsOf, updateStatus, type Plan } from '../core/plan'
import { jobFromShape } from './arbitraries/job'
import { arbJobHistory, type JobHistory } from './arbitraries/jobHistory'
import {
  activeWithinLimits,
  conditionsFollowLifecycle,
  countersNeverDecrease,
  countsEachFinishedPodOnce,
  failsExactlyPastBackoffLimit,
  noCompleteWhileActive,
  noTrackingFinalizerAfterFinish,
} from './invariants/job'
import type { JobRound, JobStep } from './invariants/jobSteps'
import { applyJobPlan, jobWorldOf, runJobHistory, type JobSyncRecord } from './invariants/jobWorld'
import { allOf, expectHolds, violated, type Verdict } from './invariants/verdict'

// Fixed seed: a failure prints the seed and path, so `fc.assert(prop, { seed, path })` replays it.
const seed = Number(process.env.JOB_SEED ?? 20260103)
const numRuns = Number(process.env.JOB_RUNS ?? 300)
const start = makeInstant(Date.parse('2026-01-01T00:00:00Z'))

const run = (h: JobHistory): ReadonlyArray<JobSyncRecord> => runJobHistory(jobWorldOf(h.job, start), h.rounds)
const atEachSync = (records: ReadonlyArray<JobSyncRecord>, invariant: (r: JobSyncRecord) => Verdict): Verdict =>
  allOf(
    records.map((r, n) => {
      const v = invariant(r)
      return v.ok ? v : violated(`sync ${n} at +${(r.input.now - start) / 1000}s${r.crashed ? ' (crashed)' : ''}: ${v.message}`)
    }),
  )
const everySync = (invariant: (r: JobSyncRecord) => Verdict) =>
  fc.property(arbJobHistory(), (h) => expectHolds(atEachSync(run(h), invariant)))
const assert = (p: fc.IProperty<[JobHistory]>) => fc.assert(p, { seed, numRuns })

// Histories mix pod outcomes (start, succeed, fail, crash-restart under OnFailure, deletion by
// others, termination), suspend/resume/scale edits, and controller crashes part-way through a sync.
describe('Job invariants under random pod-outcome sequences', () => {
  it('succeeded and failed never decrease', () => assert(everySync(countersNeverDecrease)))
  it('each finished pod is counted exactly once', () =>
    assert(fc.property(arbJobHistory(), (h) => expectHolds(countsEachFinishedPodOnce(run(h))))))
  it('active ≤ parallelism and ≤ remaining completions; status.active matches the pods', () => assert(everySync(activeWithinLimits)))
  it('the Job fails exactly when failures exceed backoffLimit (failed > limit; OnFailure restarts ≥ limit)', () =>
    assert(everySync(failsExactlyPastBackoffLimit)))
  it('no Complete while pods are active', () => assert(everySync(noCompleteWhileActive)))
  it('no owned pod keeps the tracking finalizer after the Job finishes', () => assert(everySync(noTrackingFinalizerAfterFinish)))
  it('conditions follow the lifecycle (interim before terminal, sticky, completionTime with Complete)', () =>
    assert(everySync(conditionsFollowLifecycle)))
})

/** The seed's pi Job (parallelism 2, completions 4, backoffLimit 4) through fixed rounds. */
const pi = jobFromShape({ name: 'pi', parallelism: 2, completions: 4, completionMode: 'NonIndexed', backoffLimit: 4, restartPolicy: 'Never', suspend: false })
const round = (advanceSeconds: number, ...steps: JobStep[]): JobRound => ({ steps, advanceSeconds })
const start2 = round(1, { _tag: 'Start', pick: 0 }, { _tag: 'Start', pick: 0 })
/** Replays a sync with a tampered plan, as a broken reducer would have planned it. */
const tampered = (r: JobSyncRecord, edit: (plan: Plan) => Plan): JobSyncRecord => {
  const plan = edit(r.plan)
  const nameSeq = r.after.nameSeq - actionsOf(r.plan, 'CreatePod').length
  return { ...r, plan, applied: plan, crashed: false, after: applyJobPlan({ ...r.after, job: r.input.job, pods: r.input.pods, nameSeq }, plan) }
}
const records = runJobHistory(jobWorldOf(pi, start), [start2, round(1, { _tag: 'Succeed', pick: 0 }), round(1, { _tag: 'Fail', pick: 0 })])
const withStatus = (r: JobSyncRecord, status: JobStatus): Plan => ({ actions: [...r.plan.actions, updateStatus({ kind: 'Job', namespace: 'default', name: 'pi' }, status)] })

describe('the Job invariants are not vacuous', () => {
  const [, , success, failure] = records
  it('the untampered history satisfies all of them', () => {
    expect(records).toHaveLength(4)
    expect(countsEachFinishedPodOnce(records)).toEqual({ ok: true })
    for (const r of records) {
      expect(allOf([countersNeverDecrease(r), activeWithinLimits(r), failsExactlyPastBackoffLimit(r), noCompleteWhileActive(r), conditionsFollowLifecycle(r)])).toEqual({ ok: true })
    }
  })
  it('a counter going down is caught', () => {
    const r = tampered(success!, () => withStatus(success!, { ...success!.after.job.status, succeeded: 0 }))
    expect(countersNeverDecrease(r).ok).toBe(false)
  })
  it('a success released without being counted, or counted twice, is caught', () => {
    const dropped = tampered(success!, (p) => ({ actions: p.actions.filter((a) => a.type !== 'UpdateStatus') }))
    expect(countsEachFinishedPodOnce([records[0]!, records[1]!, dropped]).ok).toBe(false)
    const uid = success!.input.pods.find((p) => p.status?.phase === 'Succeeded')?.metadata.uid ?? ''
    const again = tampered(failure!, () => withStatus(failure!, { ...failure!.after.job.status, uncountedTerminatedPods: { succeeded: [uid] } }))
    expect(countsEachFinishedPodOnce([records[0]!, records[1]!, success!, again]).ok).toBe(false)
  })
  it('an extra pod is caught', () => {
    expect(actionsOf(success!.plan, 'CreatePod')).toHaveLength(1)
    const extra = tampered(success!, (p) => ({ actions: [...p.actions, ...p.actions.filter((a) => a.type === 'CreatePod')] }))
    expect(activeWithinLimits(extra).ok).toBe(false)
  })
  it('a missed or premature BackoffLimitExceeded is caught', () => {
    const early = tampered(failure!, () =>
      withStatus(failure!, {
        ...failure!.after.job.status,
        conditions: [{ type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }],
      }),
    )
    expect(failsExactlyPastBackoffLimit(early).ok).toBe(false)
    expect(conditionsFollowLifecycle(early).ok).toBe(true)
  })
  it('Complete with an active pod, and a kept finalizer after finishing, are caught', () => {
    const complete = { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: '' }
    const met = { ...complete, type: 'SuccessCriteriaMet' }
    const early = tampered(success!, () => withStatus(success!, { ...success!.after.job.status, conditions: [met, complete], completionTime: '2026-01-01T00:00:03Z' }))
    expect(noCompleteWhileActive(early).ok).toBe(false)
    expect(noTrackingFinalizerAfterFinish(early).ok).toBe(false)
  })
})
