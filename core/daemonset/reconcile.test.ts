import { makeInstant, type DaemonSet, type Node, type Pod } from '../api'
import { actionsOf, type Plan } from '../plan'
import { aDaemonPod, aDaemonSet, aNode } from '../../properties/builders'
import { decideDaemonSet, reconcileDaemonSet } from '.'

const now = makeInstant(Date.parse('2026-01-01T00:00:00Z'))
const nodes = (n: number, prefix = 'node-'): Node[] => Array.from({ length: n }, (_, i) => aNode(`${prefix}${i}`))

const sync = (ds: DaemonSet, ns: ReadonlyArray<Node>, pods: ReadonlyArray<Pod> = []): Plan =>
  reconcileDaemonSet({ daemonSet: ds, nodes: ns, pods, revisions: [], now })

const createdNodes = (plan: Plan): string[] =>
  actionsOf(plan, 'CreatePod').map(
    (a) =>
      a.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]
        ?.values?.[0] ?? '?',
  )
const deleted = (plan: Plan): string[] => actionsOf(plan, 'DeletePod').map((a) => a.name)
const status = (plan: Plan) => actionsOf(plan, 'UpdateStatus')[0]?.status

describe('reconcileDaemonSet: manage (ports of daemon_controller_test.go)', () => {
  it('TestSimpleDaemonSetLaunchesPods: one pod per node', () => {
    const plan = sync(aDaemonSet('foo'), nodes(5))
    expect(createdNodes(plan)).toEqual(['node-0', 'node-1', 'node-2', 'node-3', 'node-4'])
    expect(deleted(plan)).toEqual([])
  })

  it('TestNoNodesDoesNothing: no pods, status all zero', () => {
    const plan = sync(aDaemonSet('foo'), [])
    expect(createdNodes(plan)).toEqual([])
  })

  it('TestSimpleDaemonSetScheduleDaemonSetPodsLaunchesPods: pods are pinned by matchFields and not bound', () => {
    const plan = sync(aDaemonSet('foo'), nodes(1))
    const pod = actionsOf(plan, 'CreatePod')[0]?.pod
    expect(pod?.spec.nodeName).toBeUndefined()
    expect(pod?.metadata.generateName).toBe('foo-')
    expect(pod?.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-0'] }] },
    ])
    expect(pod?.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'uid-foo', controller: true, blockOwnerDeletion: true },
    ])
  })

  it('BurstReplicas: at most 250 creates per sync', () => {
    expect(createdNodes(sync(aDaemonSet('foo'), nodes(300)))).toHaveLength(250)
  })

  it('TestDealsWithExistingPods: creates where missing, prunes surplus keeping the oldest', () => {
    const ds = aDaemonSet('foo')
    const pods = [
      aDaemonPod(ds, { name: 'a', node: 'node-1' }),
      aDaemonPod(ds, { name: 'b-old', node: 'node-2', createdAt: makeInstant(1000) }),
      aDaemonPod(ds, { name: 'b-new', node: 'node-2', createdAt: makeInstant(2000) }),
      ...[1, 2, 3, 4, 5].map((i) => aDaemonPod(ds, { name: `c${i}`, node: 'node-3', createdAt: makeInstant(i * 1000) })),
    ]
    const plan = sync(ds, nodes(5), pods)
    expect(createdNodes(plan)).toEqual(['node-0', 'node-4'])
    expect(deleted(plan).sort()).toEqual(['b-new', 'c2', 'c3', 'c4', 'c5'])
  })

  it('TestSelectorDaemonLaunchesPods: only nodes matching nodeSelector', () => {
    const ds = aDaemonSet('foo', { podSpec: { nodeSelector: { color: 'blue' } } })
    const ns = [...nodes(2), aNode('blue-0', { labels: { color: 'blue' } }), aNode('blue-1', { labels: { color: 'blue' } })]
    expect(createdNodes(sync(ds, ns))).toEqual(['blue-0', 'blue-1'])
  })

  it('TestSelectorDaemonDeletesUnselectedPods: pods on nodes no longer selected are deleted', () => {
    const ds = aDaemonSet('foo', { podSpec: { nodeSelector: { color: 'blue' } } })
    const plan = sync(ds, [aNode('plain'), aNode('blue', { labels: { color: 'blue' } })], [aDaemonPod(ds, { name: 'p', node: 'plain' })])
    expect(deleted(plan)).toEqual(['p'])
    expect(actionsOf(plan, 'DeletePod')[0]?.reason).toBe('NotEligible')
    expect(createdNodes(plan)).toEqual(['blue'])
  })

  it('TestNameDaemonSetLaunchesPods: a template nodeName restricts the DaemonSet to that node', () => {
    const ds = aDaemonSet('foo', { podSpec: { nodeName: 'node-0' } })
    const plan = sync(ds, nodes(3))
    expect(createdNodes(plan)).toEqual(['node-0'])
    expect(actionsOf(plan, 'CreatePod')[0]?.pod.spec.nodeName).toBe('node-0')
  })

  it('TestBadSelectorDaemonDoesNothing / SelectingAll: an empty selector only warns', () => {
    const ds = aDaemonSet('foo', { spec: { selector: {} } })
    const plan = sync(ds, nodes(2))
    expect(plan.actions).toEqual([
      {
        type: 'RecordEvent',
        involvedObject: { kind: 'DaemonSet', namespace: 'default', name: 'foo' },
        eventType: 'Warning',
        reason: 'SelectingAll',
        message: 'This daemon set is selecting all pods. A non-empty selector is required.',
      },
    ])
  })

  it('a DaemonSet being deleted does nothing', () => {
    const ds = aDaemonSet('foo')
    expect(sync({ ...ds, metadata: { ...ds.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }, nodes(2)).actions).toEqual([])
  })

  it('TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod: NoSchedule keeps the running pod, counts it misscheduled', () => {
    const ds = aDaemonSet('foo')
    const tainted = aNode('tainted', { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] })
    const plan = sync(ds, [tainted], [aDaemonPod(ds, { name: 'p', node: 'tainted' })])
    expect(deleted(plan)).toEqual([])
    expect(status(plan)).toMatchObject({ desiredNumberScheduled: 0, numberMisscheduled: 1 })
  })

  it('TestNoExecuteTaintedDoesEvicitRunningIntolerantPod: NoExecute deletes it', () => {
    const ds = aDaemonSet('foo')
    const tainted = aNode('tainted', { taints: [{ key: 'dedicated', value: 'x', effect: 'NoExecute' }] })
    expect(deleted(sync(ds, [tainted], [aDaemonPod(ds, { name: 'p', node: 'tainted' })]))).toEqual(['p'])
  })

  it('TestDeleteUnscheduledPodForNotExistingNode: affinity-only pods on vanished nodes go, bound ones stay for PodGC', () => {
    const ds = aDaemonSet('foo')
    const pods = [
      aDaemonPod(ds, { name: 'unbound', node: 'gone-1', bound: false }),
      aDaemonPod(ds, { name: 'bound', node: 'gone-2' }),
    ]
    expect(deleted(sync(ds, nodes(1), pods))).toEqual(['unbound'])
  })

  it('succeeded pods are deleted with SucceededDaemonPod and replaced in a later sync', () => {
    const ds = aDaemonSet('foo')
    const plan = sync(ds, nodes(1), [aDaemonPod(ds, { name: 'done', node: 'node-0', phase: 'Succeeded' })])
    expect(deleted(plan)).toEqual(['done'])
    expect(createdNodes(plan)).toEqual([])
    expect(actionsOf(plan, 'RecordEvent').map((e) => [e.eventType, e.reason, e.message])).toEqual([
      ['Normal', 'SucceededDaemonPod', 'Found succeeded daemon pod default/done on node node-0, will try to delete it'],
    ])
  })
})

describe('failed-pod backoff (TestDaemonKillFailedPodsBackoff)', () => {
  const ds = aDaemonSet('foo')
  const failed = [aDaemonPod(ds, { name: 'f', node: 'node-0', phase: 'Failed' })]

  it('deletes a failed pod with FailedDaemonPod, then waits out the backoff before the next one', () => {
    const first = decideDaemonSet({ daemonSet: ds, nodes: nodes(1), pods: failed, revisions: [], now })
    expect(deleted(first.plan)).toEqual(['f'])
    expect(actionsOf(first.plan, 'RecordEvent')[0]).toMatchObject({
      eventType: 'Warning',
      reason: 'FailedDaemonPod',
      message: 'Found failed daemon pod default/f on node node-0, will try to kill it',
    })
    const again = decideDaemonSet({ daemonSet: ds, nodes: nodes(1), pods: failed, revisions: [], now: makeInstant(now + 999), backoff: first.backoff })
    expect(deleted(again.plan)).toEqual([])
    expect(actionsOf(again.plan, 'Requeue')).toEqual([
      { type: 'Requeue', target: { kind: 'DaemonSet', namespace: 'default', name: 'foo' }, afterSeconds: 1 },
    ])
    const later = decideDaemonSet({ daemonSet: ds, nodes: nodes(1), pods: failed, revisions: [], now: makeInstant(now + 1000), backoff: first.backoff })
    expect(deleted(later.plan)).toEqual(['f'])
    expect(Object.values(later.backoff)[0]?.delayMs).toBe(2000)
  })
})

describe('status (updateDaemonSetStatus)', () => {
  it('counts nodes after this sync’s creates, and raises observedGeneration', () => {
    const ds = aDaemonSet('foo', { generation: 3 })
    const ready = aDaemonPod(ds, { name: 'r', node: 'node-0', readySince: makeInstant(0) })
    const plan = sync(ds, nodes(3), [ready])
    expect(status(plan)).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 1,
      numberAvailable: 1,
      numberUnavailable: 2,
      numberMisscheduled: 0,
      updatedNumberScheduled: 3,
      observedGeneration: 3,
    })
  })

  it('while expectations are unsatisfied only status is written, without observedGeneration', () => {
    const ds = aDaemonSet('foo', { generation: 2 })
    const plan = reconcileDaemonSet({ daemonSet: ds, nodes: nodes(2), pods: [], revisions: [], now, expectationsSatisfied: false })
    expect(createdNodes(plan)).toEqual([])
    expect(status(plan)).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 0, observedGeneration: 0 })
  })

  it('requeues after minReadySeconds while ready pods are not yet available', () => {
    const ds = aDaemonSet('foo', { spec: { minReadySeconds: 30 } })
    const plan = sync(ds, nodes(1), [aDaemonPod(ds, { name: 'r', node: 'node-0', readySince: makeInstant(now - 10_000) })])
    expect(actionsOf(plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([30])
  })
})
