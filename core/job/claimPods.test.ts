import { actionsOf } from '../plan'
import { claimPods } from './claimPods'
import { reconcileJob } from './reconcileJob'
import { aJob, aPod, finalStatus, t0 } from './testing/fixtures'

describe('claimPods (PodControllerRefManager.ClaimPods)', () => {
  const job = aJob(2, 5, 6)
  it('claims owned matching pods, adopts matching orphans and releases owned non-matching pods', () => {
    const owned = aPod(job, { name: 'owned' })
    const orphan = aPod(job, { name: 'orphan', owned: false, finalizer: false })
    const strayed = aPod(job, { name: 'strayed', labels: { foo: 'other' } })
    const foreign = { ...aPod(job, { name: 'foreign' }), metadata: { ...aPod(job).metadata, name: 'foreign', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true }] } }
    const elsewhere = { ...aPod(job, { name: 'elsewhere' }), metadata: { ...aPod(job, { name: 'elsewhere' }).metadata, namespace: 'other' } }
    const claimed = claimPods(job, [owned, orphan, strayed, foreign, elsewhere])
    expect(claimed.pods.map((p) => p.metadata.name)).toEqual(['owned', 'orphan'])
    // As upstream: the sync goes on with the cached pod; the finalizer arrives with the adoption patch.
    expect(claimed.pods[1]?.metadata.finalizers).toBeUndefined()
    expect(claimed.actions).toEqual([
      {
        type: 'UpdatePod',
        namespace: 'default',
        name: 'orphan',
        patch: {
          metadata: {
            ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'foobar', uid: 'job-uid', controller: true, blockOwnerDeletion: true }],
            finalizers: ['batch.kubernetes.io/job-tracking'],
          },
        },
      },
      { type: 'UpdatePod', namespace: 'default', name: 'strayed', patch: { metadata: { ownerReferences: null } } },
    ])
  })
  it('a Job being deleted neither adopts nor releases', () => {
    const deleting = aJob(2, 5, 6, { deleting: true })
    const claimed = claimPods(deleting, [aPod(deleting, { owned: false }), aPod(deleting, { labels: { foo: 'other' } })])
    expect(claimed).toEqual({ pods: [], actions: [] })
  })
  it('adopted pods count as the Job\'s own in the same sync', () => {
    const plan = reconcileJob({ job, pods: [aPod(job, { owned: false, finalizer: false })], now: t0 })
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(1)
    expect(finalStatus(plan)?.active).toBe(2)
  })
})
