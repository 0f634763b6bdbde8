import type { DaemonSet, Node, Pod } from '../api'
import type { Plan } from '../plan'
import { aDaemonPod } from '../../properties/builders'
import { reconcileDaemonSet } from './reconcile'
import { DaemonHarness } from './testing/harness'
import {
  addNodes,
  addPods,
  at,
  countsOf,
  createdNodes,
  currentHash,
  deletedNames,
  newDaemonSet,
  newNode,
  pinnedNodeOf,
  simpleDaemonSetLabel2,
  surge,
  testNow,
  withCreationTimestamp,
  withDeletionTimestamp,
  withImage,
  withMinReadySeconds,
  withoutHash,
  withReady,
  withStrategy,
} from './testing/fixtures'

/**
 * Ports of the maxSurge cases: the multi-sync ones of update_test.go and the single-sync
 * TestSurge* cases of daemon_controller_test.go (which exercise the surge branch of manage).
 */

const hashOf = (pod: Pod): string | undefined => pod.metadata.labels?.['controller-revision-hash']

describe('rolling update with maxSurge (update_test.go)', () => {
  it('TestDaemonSetUpdatesPodsWithMaxSurge: surge 2 over 5 nodes', () => {
    const h = new DaemonHarness(newDaemonSet('foo'), addNodes(0, 5))
    h.expectSync(5, 0)
    h.markPodsReady()
    const maxSurge = 2
    h.updateDaemonSet((ds) => withStrategy(withImage(ds, 'foo2/bar2'), surge(maxSurge)))
    h.expectSync(maxSurge, 0)
    h.expectSync(0, 0)
    h.markPodsReady()
    h.expectSync(maxSurge, maxSurge)
    h.expectSync(0, 0)
    h.markPodsReady()
    h.expectSync(5 % maxSurge, maxSurge)
    h.expectSync(0, 0)
    h.markPodsReady()
    h.expectSync(0, 5 % maxSurge)
    h.expectSync(0, 0)
    const hash = currentHash(h.ds)
    expect(h.pods.map(hashOf)).toEqual(Array(5).fill(hash))
  })

  it('TestDaemonSetUpdatesPodsNotMatchTainstWithMaxSurge: the pod on a node that no longer tolerates its taint goes only once availability allows', () => {
    const toleration = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }
    const ds = newDaemonSet('foo', { strategy: surge(1), podSpec: { tolerations: [toleration] } })
    const nodes: Node[] = [
      newNode('node-0', undefined, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]),
      ...addNodes(1, 4),
    ]
    const h = new DaemonHarness(ds, nodes)
    h.expectSync(5, 0)
    h.markPodsReady()
    // RollingUpdate the DaemonSet without the toleration
    h.updateDaemonSet((d): DaemonSet => {
      const { tolerations: _dropped, ...spec } = d.spec.template.spec
      return { ...d, metadata: { ...d.metadata, generation: (d.metadata.generation ?? 0) + 1 }, spec: { ...d.spec, template: { ...d.spec.template, spec } } }
    })
    const first = h.expectSync(1, 1)
    expect(createdNodes(first)).not.toContain('node-0')
    expect(first.actions.flatMap((a) => (a.type === 'DeletePod' ? [a.reason] : []))).toEqual(['NotEligible'])
    h.expectSync(0, 0)
    h.markPodsReady()
    for (let i = 0; i < 3; i++) {
      h.expectSync(1, 1)
      h.expectSync(0, 0)
      h.markPodsReady()
    }
    h.expectSync(0, 1)
    h.expectSync(0, 0)
    expect(h.pods.map(pinnedNodeOf).sort()).toEqual(['node-1', 'node-2', 'node-3', 'node-4'])
  })

  it('TestDaemonSetUpdatesAllOldPodsNotReadyMaxSurge: unavailable old pods are surged past maxSurge; minReadySeconds gates the deletes', () => {
    const h = new DaemonHarness(newDaemonSet('foo'), addNodes(0, 5), [], at(0))
    h.expectSync(5, 0)
    h.updateDaemonSet((ds) => withStrategy(withImage(ds, 'foo2/bar2'), surge(3)))

    // all old pods are unavailable so should be surged
    h.setClock(at(100)).expectSync(5, 0)
    // waiting for pods to go ready, old pods are deleted
    h.setClock(at(200)).expectSync(0, 5)

    h.setPodReadiness(true, 5, () => true)
    h.updateDaemonSet((ds) => withImage(withMinReadySeconds(ds, 15), 'foo3/bar3'))
    h.setClock(at(300)).expectSync(3, 0)

    const hash = currentHash(h.ds)
    const nodesWithNew = new Set(h.pods.filter((p) => hashOf(p) === hash).map(pinnedNodeOf))
    expect(nodesWithNew.size).toBe(3)
    // mark two updated pods as ready at time 300
    h.setPodReadiness(true, 2, (p) => hashOf(p) === hash)
    // mark one of the old pods on a node without an updated pod as unready
    h.setPodReadiness(false, 1, (p) => hashOf(p) !== hash && !nodesWithNew.has(pinnedNodeOf(p)))

    // the new pods are still waiting for minReadySeconds; one pod replaces the unready old one
    h.setClock(at(310)).expectSync(1, 0)
    // the two new pods are now available: their old pods go, as does the unready old one; one more surges
    h.setClock(at(320)).expectSync(1, 3)

    // mark all updated pods as ready at time 320
    h.setPodReadiness(true, 3, (p) => hashOf(p) === hash)
    h.setClock(at(340)).expectSync(0, 2)
    // the controller has completed the upgrade
    h.setClock(at(350)).expectSync(0, 0)
    expect(h.pods.map(hashOf)).toEqual(Array(5).fill(hash))
  })
})

describe('manage with surge (daemon_controller_test.go)', () => {
  const sync = (ds: DaemonSet, pods: ReadonlyArray<Pod>, now = testNow): Plan =>
    reconcileDaemonSet({ daemonSet: ds, nodes: addNodes(0, 5), pods, revisions: [], now })
  const oldReady = (ds: DaemonSet, name: string, node: string, created: number, since?: number): Pod =>
    withReady(withoutHash(withCreationTimestamp(aDaemonPod(ds, { name, node }), at(created))), 'True', since === undefined ? undefined : at(since))

  it('TestSurgeDealsWithExistingPods: creates where missing, prunes extras of the current revision', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1) })
    const pods = [
      ...addPods(ds, 'node-1', 1),
      ...addPods(ds, 'node-2', 2),
      ...addPods(ds, 'node-3', 5),
      ...addPods(ds, 'node-4', 2, simpleDaemonSetLabel2),
    ]
    const plan = sync(ds, pods)
    expect(countsOf(plan)).toEqual({ creates: 2, deletes: 5, events: 0 })
    expect(createdNodes(plan).sort()).toEqual(['node-0', 'node-4'])
  })

  it('TestSurgePreservesReadyOldPods: keeps the newest-hash pod and the oldest ready old pod, deletes the other old one', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1) })
    const pods = [
      withCreationTimestamp(aDaemonPod(ds, { name: 'node-1-new', node: 'node-1' }), at(100)),
      oldReady(ds, 'node-1-old', 'node-1', 50),
      oldReady(ds, 'node-1-delete', 'node-1', 60),
      ...addPods(ds, 'node-2', 1),
    ]
    const plan = sync(ds, pods)
    expect(countsOf(plan)).toEqual({ creates: 3, deletes: 1, events: 0 })
    expect(deletedNames(plan)).toEqual(['node-1-delete'])
  })

  it('TestSurgeCreatesNewPodWhenAtMaxSurgeAndOldPodDeleted: a node with only a terminating old pod gets a new pod beyond maxSurge', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1) })
    const pods = [
      withReady(withCreationTimestamp(aDaemonPod(ds, { name: 'node-0-new', node: 'node-0' }), at(100)), 'False'),
      oldReady(ds, 'node-0-old-ready', 'node-0', 50),
      ...[1, 2, 3, 4].map((i) => {
        const p = oldReady(ds, `node-${i}-preserve`, `node-${i}`, 1)
        if (i < 4) return p
        // the last old pod is being deleted, which should trigger a creation above maxSurge
        const deleting = withDeletionTimestamp(p, at(1 + 30))
        return { ...deleting, metadata: { ...deleting.metadata, deletionGracePeriodSeconds: 30 } }
      }),
    ]
    const plan = sync(ds, pods)
    expect(countsOf(plan)).toEqual({ creates: 1, deletes: 0, events: 0 })
    expect(createdNodes(plan)).toEqual(['node-4'])
  })

  it('TestSurgeDeletesUnreadyOldPods: an unready oldest old pod is deleted next to a new one', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1) })
    const pods = [
      withCreationTimestamp(aDaemonPod(ds, { name: 'node-1-new', node: 'node-1' }), at(100)),
      withReady(withoutHash(withCreationTimestamp(aDaemonPod(ds, { name: 'node-1-old-unready', node: 'node-1' }), at(50))), 'False'),
      oldReady(ds, 'node-1-delete', 'node-1', 60),
      ...addPods(ds, 'node-2', 1),
    ]
    const plan = sync(ds, pods)
    expect(countsOf(plan)).toEqual({ creates: 3, deletes: 2, events: 0 })
    expect(deletedNames(plan).sort()).toEqual(['node-1-delete', 'node-1-old-unready'])
  })

  const minReadyPods = (ds: DaemonSet): Pod[] => [
    withReady(withCreationTimestamp(aDaemonPod(ds, { name: 'node-1-new', node: 'node-1' }), at(100)), 'True', at(50)),
    oldReady(ds, 'node-1-old-ready', 'node-1', 50),
    oldReady(ds, 'node-1-delete', 'node-1', 60),
    ...addPods(ds, 'node-2', 1),
  ]

  it('TestSurgePreservesOldReadyWithUnsatisfiedMinReady: 10 s after the new pod went ready (minReadySeconds 15) the old one stays', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1), minReadySeconds: 15 })
    const plan = sync(ds, minReadyPods(ds), at(50 + 10))
    expect(countsOf(plan)).toEqual({ creates: 3, deletes: 1, events: 0 })
    expect(deletedNames(plan)).toEqual(['node-1-delete'])
  })

  it('TestSurgeDeletesOldReadyWithUnsatisfiedMinReady: 20 s after, the new pod is available and the old one goes', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1), minReadySeconds: 15 })
    const plan = sync(ds, minReadyPods(ds), at(50 + 20))
    expect(countsOf(plan)).toEqual({ creates: 3, deletes: 2, events: 0 })
    expect(deletedNames(plan).sort()).toEqual(['node-1-delete', 'node-1-old-ready'])
  })
})

describe('surge details from podsShouldBeOnNode / update.go (no dedicated upstream test)', () => {
  it('with surge, a node whose failed pod is deleted gets its new pod in the same sync (without surge: next sync)', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1) })
    const failed = addPods(ds, 'node-0', 1, undefined, { phase: 'Failed' })
    const plan = reconcileDaemonSet({ daemonSet: ds, nodes: addNodes(0, 1), pods: failed, revisions: [], now: testNow })
    expect(countsOf(plan)).toEqual({ creates: 1, deletes: 1, events: 1 })
  })

  it('with surge, a failed pod held back by the backoff does not stop the new pod', () => {
    const ds = newDaemonSet('foo', { strategy: surge(1) })
    const failed = addPods(ds, 'node-0', 1, undefined, { phase: 'Failed' })
    const key = `${ds.metadata.uid ?? ''}/0/node-0`
    const plan = reconcileDaemonSet({
      daemonSet: ds,
      nodes: addNodes(0, 1),
      pods: failed,
      revisions: [],
      now: testNow,
      backoff: { [key]: { delayMs: 60_000, lastUpdate: testNow } },
    })
    expect(countsOf(plan)).toEqual({ creates: 1, deletes: 0, events: 0 })
  })

  it('an unavailable old pod on a node that no longer qualifies (NoSchedule) is deleted, not replaced', () => {
    const base = newDaemonSet('foo')
    const ds = withStrategy(withImage(base, 'foo2/bar2'), surge(1))
    const tainted = newNode('node-0', undefined, [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }])
    const plan = reconcileDaemonSet({ daemonSet: ds, nodes: [tainted], pods: [aDaemonPod(base, { name: 'old', node: 'node-0' })], revisions: [], now: testNow })
    expect(countsOf(plan)).toEqual({ creates: 0, deletes: 1, events: 0 })
    expect(plan.actions.flatMap((a) => (a.type === 'DeletePod' ? [a.reason] : []))).toEqual(['NotEligible'])
  })

  it('rollingUpdate (surge): an old pod bound to a node that no longer exists fails the update step ("couldn\'t get node")', () => {
    // The old pod on the vanished node has no new pod next to it, so upstream looks the node up and
    // returns an error: no creates from the update step. Status is still stored (syncDaemonSet
    // calls updateDaemonSetStatus whatever updateDaemonSet returned).
    const ds = withStrategy(newDaemonSet('foo'), surge(1))
    const old = withReady(withoutHash(aDaemonPod(ds, { name: 'gone-old', node: 'gone' })), 'True')
    const ready = addNodes(0, 2).map((n) => withReady(withoutHash(aDaemonPod(ds, { name: `${n.metadata.name ?? ''}-old`, node: n.metadata.name ?? '' })), 'True'))
    const plan = reconcileDaemonSet({ daemonSet: ds, nodes: addNodes(0, 2), pods: [old, ...ready], revisions: [], now: testNow })
    expect(countsOf(plan)).toEqual({ creates: 0, deletes: 0, events: 0 })
    expect(plan.actions.some((a) => a.type === 'UpdateStatus')).toBe(true)
  })
})
