import type { Job } from '../api/job'
import { actionsOf } from '../plan'
import { planTtl } from './planTtl'
import { reconcileJob } from './reconcileJob'
import { aJob, aPod, at, iso, t0 } from './testing/fixtures'

const finished = (type: 'Complete' | 'Failed', seconds: number, ttl?: number): Job =>
  aJob(1, 1, 6, {
    ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}),
    status: {
      conditions: [
        { type: type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget', status: 'True', lastTransitionTime: iso(seconds - 5) },
        { type, status: 'True', lastTransitionTime: iso(seconds) },
      ],
    },
  })

describe('TTL after finished (pkg/controller/ttlafterfinished)', () => {
  it('requeues until finish + ttl, measured from the Complete condition', () => {
    expect(planTtl(finished('Complete', -40, 100), t0)).toEqual([{ type: 'Requeue', target: { kind: 'Job', namespace: 'default', name: 'foobar' }, afterSeconds: 60 }])
  })
  it('deletes the Job with foreground propagation once expired', () => {
    expect(planTtl(finished('Failed', -100, 100), t0)).toEqual([{ type: 'DeleteJob', namespace: 'default', name: 'foobar', propagationPolicy: 'Foreground', reason: 'TTLExpired' }])
  })
  it('ttl 0 deletes at once', () => expect(actionsOf({ actions: planTtl(finished('Complete', 0, 0), t0) }, 'DeleteJob')).toHaveLength(1))
  it('no ttl, or a Job being deleted, is left alone', () => {
    expect(planTtl(finished('Complete', -1000), t0)).toEqual([])
    const deleting = finished('Complete', -1000, 1)
    expect(planTtl({ ...deleting, metadata: { ...deleting.metadata, deletionTimestamp: iso(-1) } }, t0)).toEqual([])
  })
  it('the sync that finishes a Job requeues it for its TTL', () => {
    const job = aJob(1, 1, 6, { ttlSecondsAfterFinished: 30 })
    const plan = reconcileJob({ job, pods: [aPod(job, { phase: 'Succeeded' })], now: t0 })
    expect(actionsOf(plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([30])
  })
})

describe('finished Jobs are not synced again', () => {
  it('only the orphan cleanup of leftover tracking finalizers remains', () => {
    const job = finished('Complete', -10)
    const leftover = aPod(job, { name: 'left', phase: 'Succeeded' })
    const clean = aPod(job, { name: 'clean', phase: 'Succeeded', finalizer: false })
    const plan = reconcileJob({ job, pods: [leftover, clean], now: at(0) })
    expect(plan.actions).toEqual([{ type: 'UpdatePod', namespace: 'default', name: 'left', patch: { metadata: { finalizers: [] } } }])
  })
  it('a Job managed by another controller is skipped', () => {
    const job = aJob(2, 2, 6, { managedBy: 'example.com/other' })
    expect(reconcileJob({ job, pods: [], now: t0 }).actions).toEqual([])
  })
  it('the built-in managedBy value is synced as usual', () => {
    const job = aJob(2, 2, 6, { managedBy: 'kubernetes.io/job-controller' })
    expect(actionsOf(reconcileJob({ job, pods: [], now: t0 }), 'CreatePod')).toHaveLength(2)
  })
  it('an unknown completion mode records UnknownCompletionMode and does nothing else', () => {
    const job = aJob(2, 2, 6, { completionMode: 'Sometimes' })
    expect(reconcileJob({ job, pods: [], now: t0 }).actions).toEqual([
      {
        type: 'RecordEvent',
        involvedObject: { kind: 'Job', namespace: 'default', name: 'foobar' },
        eventType: 'Warning',
        reason: 'UnknownCompletionMode',
        message: 'Skipped Job sync because completion mode is unknown',
      },
    ])
  })
})
