import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import { actionsOf } from '../plan'
import { completionIndexOf } from './completionIndex'
import { reconcileJob } from './reconcileJob'
import { aJob, aPod, conditionsOf, finalStatus, finalizerPatches, iso, t0 } from './testing/fixtures'

const perIndexJob = (completions: number, limit: number, extra: Parameters<typeof aJob>[3] = {}): Job =>
  aJob(completions, completions, 2147483647, { completionMode: 'Indexed', backoffLimitPerIndex: limit, ...extra })
const sync = (job: Job, pods: ReadonlyArray<Pod>) => {
  const plan = reconcileJob({ job, pods, now: t0 })
  return { plan, status: finalStatus(plan) }
}

/** TestSyncJobWithJobBackoffLimitPerIndex-style scenarios (expectations worked out from the reference). */
describe('TestSyncJobWithJobBackoffLimitPerIndex', () => {
  it('successful job after a single failure within the index', () => {
    const job = perIndexJob(2, 1)
    const { status } = sync(job, [
      aPod(job, { uid: 'a1', index: '0', phase: 'Failed', failureCount: '0' }),
      aPod(job, { uid: 'a2', index: '0', phase: 'Succeeded', failureCount: '1' }),
      aPod(job, { uid: 'b', index: '1', phase: 'Succeeded', failureCount: '0' }),
    ])
    expect([status?.failed, status?.succeeded, status?.completedIndexes, status?.failedIndexes]).toEqual([1, 2, '0,1', ''])
    expect(conditionsOf(status).map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete'])
  })

  it('a failed pod keeps its finalizer until its replacement carries the failure count', () => {
    const job = perIndexJob(2, 1)
    const failed = aPod(job, { uid: 'a', index: '0', phase: 'Failed', failureCount: '0' })
    const running = aPod(job, { uid: 'b', index: '1', phase: 'Running', failureCount: '0' })
    const first = sync(job, [failed, running])
    const created = actionsOf(first.plan, 'CreatePod')
    expect(created.map((c) => completionIndexOf(c.pod))).toEqual([0])
    expect(created[0]?.pod.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count']).toBe('1')
    expect(finalizerPatches(first.plan)).toBe(0)
    expect([first.status?.failed, first.status?.failedIndexes, first.status?.active]).toEqual([0, '', 2])

    const replacement = aPod(job, { uid: 'a2', index: '0', phase: 'Pending', failureCount: '1' })
    const second = sync({ ...job, status: first.status ?? {} }, [failed, running, replacement])
    expect(finalizerPatches(second.plan)).toBe(1)
    expect(second.status?.failed).toBe(1)
  })

  it('an index that reached its limit is failed and never re-created', () => {
    const job = perIndexJob(3, 0)
    const { plan, status } = sync(job, [
      aPod(job, { uid: 'a', index: '0', phase: 'Failed', failureCount: '0' }),
      aPod(job, { uid: 'b', index: '1', phase: 'Running' }),
      aPod(job, { uid: 'c', index: '2', phase: 'Running' }),
    ])
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(0)
    expect([status?.failed, status?.failedIndexes, conditionsOf(status)]).toEqual([1, '0', []])
  })

  it('maxFailedIndexes exceeded fails the job and counts the remaining pods', () => {
    const job = perIndexJob(4, 0, { maxFailedIndexes: 1 })
    const { plan, status } = sync(job, [
      aPod(job, { index: '0', phase: 'Failed', failureCount: '0' }),
      aPod(job, { index: '1', phase: 'Failed', failureCount: '0' }),
      aPod(job, { index: '2', phase: 'Running' }),
      aPod(job, { index: '3', phase: 'Running' }),
    ])
    expect(actionsOf(plan, 'DeletePod').map((d) => d.reason)).toEqual(['MaxFailedIndexesExceeded', 'MaxFailedIndexesExceeded'])
    expect([status?.failed, status?.failedIndexes, status?.terminating]).toEqual([4, '0,1', 2])
    expect(conditionsOf(status)).toEqual([
      { type: 'FailureTarget', status: 'True', reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' },
    ])
  })

  it('FailIndex rule fails the index at once; failed plus succeeded covering all fails the job', () => {
    const job = perIndexJob(2, 3, {
      podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [3] } }] },
      podReplacementPolicy: 'Failed',
    })
    const { status } = sync(job, [
      aPod(job, { index: '0', phase: 'Failed', failureCount: '0', exitCode: 3 }),
      aPod(job, { index: '1', phase: 'Succeeded' }),
    ])
    expect([status?.failedIndexes, status?.completedIndexes]).toEqual(['0', '1'])
    expect(conditionsOf(status).map((c) => `${c.type}/${c.reason}`)).toEqual(['FailureTarget/FailedIndexes', 'Failed/FailedIndexes'])
  })

  it('per-index backoff delays the replacement: failures = count + ignored + 1', () => {
    const job = perIndexJob(1, 3)
    const failed = aPod(job, { uid: 'a', index: '0', phase: 'Failed', failureCount: '1', finishedAt: iso(-5) })
    const { plan } = sync(job, [failed])
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(0)
    expect(actionsOf(plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([15])
  })

  it('an ignored failure bumps the ignored count on the replacement', () => {
    const job = perIndexJob(1, 1, {
      podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [2] } }] },
      podReplacementPolicy: 'Failed',
    })
    const { plan, status } = sync(job, [aPod(job, { index: '0', phase: 'Failed', failureCount: '0', exitCode: 2 })])
    const annotations = actionsOf(plan, 'CreatePod')[0]?.pod.metadata.annotations
    expect(annotations?.['batch.kubernetes.io/job-index-failure-count']).toBe('0')
    expect(annotations?.['batch.kubernetes.io/job-index-ignored-failure-count']).toBe('1')
    expect(status?.failed).toBe(0)
  })
})
