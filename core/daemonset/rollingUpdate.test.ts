import { isPodReady, nameOf, type Pod } from '../api'
import { aDaemonPod } from '../../properties/builders'
import { DaemonHarness } from './testing/harness'
import {
  addNodes,
  currentHash,
  newDaemonSet,
  newNode,
  noScheduleTaints,
  rollingUpdate,
  withImage,
  withReady,
  withStrategy,
} from './testing/fixtures'

/**
 * Ports of the non-surge rolling-update cases of upstream pkg/controller/daemon/update_test.go.
 * Each upstream `clearExpectations` + `expectSyncDaemonSets` pair is one `expectSync`; the next sync
 * sees the pods the previous plan created (unready, unbound) and without the ones it deleted.
 */

const readyNames = (pods: ReadonlyArray<Pod>): Set<string> => new Set(pods.filter(isPodReady).map(nameOf))

/** Starts like upstream: an OnDelete DaemonSet whose first sync creates one pod per node. */
const started = (nodes: number, ready: boolean): DaemonHarness => {
  const h = new DaemonHarness(newDaemonSet('foo'), addNodes(0, nodes))
  h.expectSync(nodes, 0)
  return ready ? h.markPodsReady() : h
}

const rollTo = (h: DaemonHarness, image: string, maxUnavailable: number): DaemonHarness =>
  h.updateDaemonSet((ds) => withStrategy(withImage(ds, image), rollingUpdate(maxUnavailable)))

describe('rolling update without surge (update_test.go)', () => {
  it('TestDaemonSetUpdatesPods: maxUnavailable 2 replaces 2, 2, then 1 pod, each after the previous ones are ready', () => {
    const h = rollTo(started(5, true), 'foo2/bar2', 2)
    h.expectSync(0, 2)
    h.expectSync(2, 0)
    h.markPodsReady()
    h.expectSync(0, 2)
    h.expectSync(2, 0)
    h.markPodsReady()
    h.expectSync(0, 1)
    h.expectSync(1, 0)
    h.markPodsReady()
    h.expectSync(0, 0)
    const hash = currentHash(h.ds)
    expect(h.pods.map((p) => p.metadata.labels?.['controller-revision-hash'])).toEqual(Array(5).fill(hash))
  })

  it('TestDaemonSetUpdatesWhenNewPodIsNotReady (formerly ...NewPosIsNotReady): unready new pods use up maxUnavailable', () => {
    const h = rollTo(started(5, true), 'foo2/bar2', 3)
    h.expectSync(0, 3)
    h.expectSync(3, 0)
    h.expectSync(0, 0)
  })

  it('TestDaemonSetUpdatesSomeOldPodsNotReady: unready old pods are replaced, the three ready ones stay', () => {
    const h = rollTo(started(5, true), 'foo2/bar2', 2)
    h.expectSync(0, 2)
    h.expectSync(2, 0)
    h.expectSync(0, 0)
    // another update: the two unready pods are now old and unavailable
    h.updateDaemonSet((ds) => withImage(ds, 'foo2/bar3'))
    h.expectSync(0, 2)
    h.expectSync(2, 0)
    h.expectSync(0, 0)
    expect(readyNames(h.pods).size).toBe(5 - 2)
  })

  it('TestDaemonSetUpdatesSaveOldHealthyPods: while 10 nodes are unavailable no ready old pod is touched', () => {
    const h = rollTo(started(20, true), 'foo2/bar2', 10)
    h.expectSync(0, 10)
    h.expectSync(10, 0)
    h.expectSync(0, 0)
    const oldReady = readyNames(h.pods)
    expect(oldReady.size).toBe(10)
    // upstream draws maxUnavailable = rand.Intn(10) ten times; every value in [0, 10) is tried here
    for (let i = 0; i < 10; i++) {
      rollTo(h, `foo2/bar3-${i}`, i)
      h.expectSync(0, 10)
      h.expectSync(10, 0)
      h.expectSync(0, 0)
      const ready = readyNames(h.pods)
      expect([...oldReady].filter((n) => !ready.has(n))).toEqual([])
    }
    rollTo(h, 'foo2/bar4', 11)
    h.expectSync(0, 11)
    h.expectSync(11, 0)
    h.expectSync(0, 0)
    expect(readyNames(h.pods).size).toBe(9)
  })

  it('TestDaemonSetUpdatesAllOldNotReadyPodsAndNewNotReadyPods: only the 2 unavailable old pods go while 88 new pods are unavailable', () => {
    const h = started(100, true)
    const hash1 = currentHash(h.ds)
    rollTo(h, 'foo2/bar2', 10)
    for (let i = 0; i < 10; i++) {
      h.expectSync(0, 10)
      h.expectSync(10, 0)
      h.markPodsReady()
    }
    h.expectSync(0, 0)
    // 10 available old pods, 2 unavailable old pods, 88 unavailable new pods
    const oldUnavailable = new Set<string>()
    h.mapPods((pod, i) => {
      let p = i >= 10 ? withReady(pod, 'False', h.now) : pod
      if (i < 12) {
        p = { ...p, metadata: { ...p.metadata, labels: { ...(p.metadata.labels ?? {}), 'controller-revision-hash': hash1 } } }
        if (i >= 10) oldUnavailable.add(nameOf(p))
      }
      return p
    })
    expect(oldUnavailable.size).toBe(2)
    const first = h.expectSync(0, 2)
    expect(new Set(first.actions.flatMap((a) => (a.type === 'DeletePod' ? [a.name] : [])))).toEqual(oldUnavailable)
    h.expectSync(2, 0)
    h.expectSync(0, 0)
    expect(h.pods.filter((p) => oldUnavailable.has(nameOf(p)))).toEqual([])
  })

  it('TestDaemonSetUpdatesAllOldPodsNotReady: unavailable old pods are all replaced at once, beyond maxUnavailable', () => {
    const h = rollTo(started(5, false), 'foo2/bar2', 3)
    h.expectSync(0, 5)
    h.expectSync(5, 0)
    h.expectSync(0, 0)
  })

  it('TestDaemonSetUpdatesNoTemplateChanged: switching to RollingUpdate without a template change deletes nothing', () => {
    const h = started(5, false)
    h.updateDaemonSet((ds) => withStrategy(ds, rollingUpdate(3)))
    h.expectSync(0, 0)
  })
})

describe('rolling update without surge: details from update.go (no dedicated upstream test)', () => {
  it('an available old pod kept on a NoSchedule-tainted node is a deletion candidate and is not recreated', () => {
    const base = newDaemonSet('foo')
    const ds = withStrategy(withImage(base, 'foo2/bar2'), rollingUpdate(1))
    const nodes = [newNode('node-0', undefined, noScheduleTaints), newNode('node-1')]
    const pods = [
      withReady(aDaemonPod(base, { name: 'old', node: 'node-0' }), 'True'),
      withReady(aDaemonPod(ds, { name: 'new', node: 'node-1' }), 'True'),
    ]
    const h = new DaemonHarness(ds, nodes, pods)
    const plan = h.expectSync(0, 1)
    expect(plan.actions.flatMap((a) => (a.type === 'DeletePod' ? [a.name] : []))).toEqual(['old'])
    h.expectSync(0, 0)
  })
})
