import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import { actionsOf } from '../plan'
import { reconcileJob } from './reconcileJob'
import { aJob, aPod, conditionsOf, finalStatus, iso, pods, podsByPhase, t0 } from './testing/fixtures'

const deadline = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }
const limit = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }
const c = (type: string, r: { reason: string; message: string }, status = 'True') => ({ type, status, ...r })
const sync = (job: Job, podList: ReadonlyArray<Pod>) => {
  const plan = reconcileJob({ job, pods: podList, now: t0 })
  return { plan, status: finalStatus(plan) }
}

/** TestSyncJobPastDeadline, 1.31+: FailureTarget first, Failed once no pod is terminating. */
describe('TestSyncJobPastDeadline', () => {
  it.each<[string, number, number, number, number, boolean, { active?: number; succeeded?: number; failed?: number }, number, number, number, ReadonlyArray<ReturnType<typeof c>>]>([
    ['activeDeadlineSeconds less than single pod execution', 1, 1, 10, 15, false, { active: 1 }, 1, 0, 1, [c('FailureTarget', deadline)]],
    ['activeDeadlineSeconds bigger than single pod execution', 1, 2, 10, 15, false, { active: 1, succeeded: 1 }, 1, 1, 1, [c('FailureTarget', deadline)]],
    ['activeDeadlineSeconds times-out before any pod starts', 1, 1, 10, 10, false, {}, 0, 0, 0, [c('FailureTarget', deadline), c('Failed', deadline)]],
    ['activeDeadlineSeconds with backofflimit reach', 1, 1, 1, 10, false, { failed: 1 }, 0, 0, 1, [c('FailureTarget', limit), c('Failed', limit)]],
    ['activeDeadlineSeconds is not triggered when Job is suspended', 1, 2, 10, 15, true, {}, 0, 0, 0, [c('Suspended', { reason: 'JobSuspended', message: 'Job suspended' })]],
  ])('%s', (_name, parallelism, completions, ads, started, suspend, podCounts, deletions, succeeded, failed, conditions) => {
    const job = aJob(parallelism, completions, ads === 1 ? 0 : 6, { activeDeadlineSeconds: ads, suspend, status: { startTime: iso(-started) } })
    const { plan, status } = sync(job, podsByPhase(job, podCounts))
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(0)
    expect(actionsOf(plan, 'DeletePod').map((d) => d.reason)).toEqual(Array.from({ length: deletions }, () => 'DeadlineExceeded'))
    expect([status?.active, status?.succeeded, status?.failed]).toEqual([0, succeeded, failed])
    expect(status?.startTime).toBe(iso(-started))
    expect(conditionsOf(status)).toEqual(conditions)
  })

  it('TestSingleJobFailedCondition: an existing Failed=False condition becomes True in place', () => {
    const job = aJob(1, 1, 6, {
      activeDeadlineSeconds: 10,
      status: { startTime: iso(-15), conditions: [{ type: 'Failed', status: 'False', ...deadline }] },
    })
    const { plan, status } = sync(job, [])
    expect(actionsOf(plan, 'DeletePod')).toHaveLength(0)
    expect(conditionsOf(status)).toEqual([c('Failed', deadline), c('FailureTarget', deadline)])
  })

  it('a job without startTime gets it now and is not past its deadline', () => {
    const job = aJob(1, 1, 6, { activeDeadlineSeconds: 0 })
    const { status } = sync(job, [])
    expect(status?.startTime).toBe(iso(0))
    // activeDeadlineSeconds 0 is accepted and fails at once: now − startTime ≥ 0.
    expect(conditionsOf(status).map((x) => x.type)).toEqual(['FailureTarget', 'Failed'])
  })
})

/** TestJobBackoffForOnFailure: container restarts of Pending/Running pods count (≥ backoffLimit). */
describe('TestJobBackoffForOnFailure', () => {
  it.each<[string, number, number, number, boolean, ReadonlyArray<number>, 'Running' | 'Pending' | 'Succeeded', number, number, number, ReadonlyArray<string>]>([
    ['backoffLimit 0 should have 1 pod active', 1, 1, 0, false, [0], 'Running', 1, 0, 0, []],
    ['backoffLimit 1 with restartCount 0 should have 1 pod active', 1, 1, 1, false, [0], 'Running', 1, 0, 0, []],
    ['backoffLimit 1 with restartCount 1 and podRunning should have 0 pod active', 1, 1, 1, false, [1], 'Running', 0, 0, 1, ['FailureTarget']],
    ['backoffLimit 1 with restartCount 1 and podPending should have 0 pod active', 1, 1, 1, false, [1], 'Pending', 0, 0, 1, ['FailureTarget']],
    ['too many job failures with podRunning - single pod', 1, 5, 2, false, [2], 'Running', 0, 0, 1, ['FailureTarget']],
    ['too many job failures with podPending - single pod', 1, 5, 2, false, [2], 'Pending', 0, 0, 1, ['FailureTarget']],
    ['too many job failures with podRunning - multiple pods', 2, 5, 2, false, [1, 1], 'Running', 0, 0, 2, ['FailureTarget']],
    ['too many job failures with podPending - multiple pods', 2, 5, 2, false, [1, 1], 'Pending', 0, 0, 2, ['FailureTarget']],
    ['not enough failures', 2, 5, 3, false, [1, 1], 'Running', 2, 0, 0, []],
    ['suspending a job', 2, 4, 6, true, [1, 1], 'Running', 0, 0, 0, ['Suspended']],
    ['finished job', 2, 4, 6, true, [1, 1, 2, 0], 'Succeeded', 0, 4, 0, ['SuccessCriteriaMet', 'Complete']],
  ])('%s', (_name, parallelism, completions, backoffLimit, suspend, restarts, phase, active, succeeded, failed, conditions) => {
    const base = aJob(parallelism, completions, backoffLimit, { suspend })
    const job = { ...base, spec: { ...base.spec, template: { ...base.spec.template, spec: { ...base.spec.template.spec, restartPolicy: 'OnFailure' } } } }
    const { status } = sync(job, restarts.map((restartCount) => aPod(job, { phase, restartCount })))
    expect([status?.active, status?.succeeded, status?.failed]).toEqual([active, succeeded, failed])
    expect(conditionsOf(status).map((x) => x.type)).toEqual(conditions)
  })
})

/** TestJobBackoffOnRestartPolicyNever: failed pods count, strictly more than backoffLimit fails. */
describe('TestJobBackoffOnRestartPolicyNever', () => {
  it.each<[string, number, number, number, number, number, number, number, ReadonlyArray<string>]>([
    ['not enough failures with backoffLimit 0 - single pod', 1, 1, 0, 1, 0, 1, 0, []],
    ['not enough failures with backoffLimit 1 - single pod', 1, 1, 1, 0, 1, 1, 1, []],
    ['too many failures with backoffLimit 1 - single pod', 1, 1, 1, 0, 2, 0, 2, ['FailureTarget', 'Failed']],
    ['not enough failures with backoffLimit 6 - multiple pods', 2, 2, 6, 1, 6, 2, 6, []],
    ['too many failures with backoffLimit 6 - multiple pods', 2, 2, 6, 0, 7, 0, 7, ['FailureTarget', 'Failed']],
  ])('%s', (_name, parallelism, completions, backoffLimit, active, failed, wantActive, wantFailed, conditions) => {
    const job = aJob(parallelism, completions, backoffLimit)
    const { status } = sync(job, [...pods(job, failed, { phase: 'Failed' }), ...pods(job, active, { phase: 'Running' })])
    expect([status?.active, status?.failed]).toEqual([wantActive, wantFailed])
    expect(conditionsOf(status).map((x) => x.type)).toEqual(conditions)
    if (conditions.length > 0) expect(conditionsOf(status)[0]).toEqual(c('FailureTarget', limit))
  })
})
