import type { DaemonSet, DaemonSetStatus, Node, Pod } from '../api'
import { actionsOf, type Plan } from '../plan'
import { aDaemonPod } from '../../properties/builders'
import { reconcileDaemonSet } from './reconcile'
import {
  addNodes,
  addPods,
  at,
  newDaemonSet,
  newNode,
  noScheduleTaints,
  rollingUpdate,
  simpleNodeLabel,
  statusOf,
  surge,
  testNow,
  updateStrategies,
  withDeletionTimestamp,
  withImage,
  withoutHash,
  withReady,
  withStrategy,
} from './testing/fixtures'
import { markPodsReady } from './testing/applyDaemonPlan'

/**
 * Status ports: TestSimpleDaemonSetUpdatesStatusAfterLaunchingPods, TestNumberReadyStatus,
 * TestObservedGeneration and the write rules of storeDaemonSetStatus / updateDaemonSetStatus
 * (daemon_controller_test.go, daemon_controller.go).
 */

const sync = (ds: DaemonSet, nodes: ReadonlyArray<Node>, pods: ReadonlyArray<Pod> = [], now = testNow): Plan =>
  reconcileDaemonSet({ daemonSet: ds, nodes, pods, revisions: [], now })

const counters = (s: Readonly<Record<string, unknown>> | undefined) =>
  s === undefined
    ? undefined
    : {
        desired: s['desiredNumberScheduled'],
        current: s['currentNumberScheduled'],
        misscheduled: s['numberMisscheduled'],
        ready: s['numberReady'],
        updated: s['updatedNumberScheduled'],
        available: s['numberAvailable'],
        unavailable: s['numberUnavailable'],
      }

describe('status ports (daemon_controller_test.go)', () => {
  it.each(updateStrategies)(
    'TestSimpleDaemonSetUpdatesStatusAfterLaunchingPods (%s): the same sync already counts the pods it creates',
    (_, strategy) => {
      const plan = sync(newDaemonSet('foo', { strategy }), addNodes(0, 5))
      expect(statusOf(plan)?.['currentNumberScheduled']).toBe(5)
    },
  )

  it.each(updateStrategies)('TestNumberReadyStatus (%s): numberReady follows the pods’ Ready condition', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy })
    const nodes = addNodes(0, 2, simpleNodeLabel)
    const pods = [...addPods(ds, 'node-0', 1), ...addPods(ds, 'node-1', 1)]
    const first = sync(ds, nodes, pods)
    expect(countsOfPods(first)).toEqual([0, 0])
    expect(statusOf(first)?.['numberReady']).toBe(0)
    const second = sync(ds, nodes, markPodsReady(pods, testNow))
    expect(countsOfPods(second)).toEqual([0, 0])
    expect(statusOf(second)?.['numberReady']).toBe(2)
  })

  it.each(updateStrategies)('TestObservedGeneration (%s): a full sync raises observedGeneration to the generation', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, generation: 1 })
    const plan = sync(ds, addNodes(0, 1, simpleNodeLabel), addPods(ds, 'node-0', 1))
    expect(statusOf(plan)?.['observedGeneration']).toBe(1)
  })
})

const countsOfPods = (plan: Plan) => [actionsOf(plan, 'CreatePod').length, actionsOf(plan, 'DeletePod').length]

describe('storeDaemonSetStatus: when the status is written', () => {
  const ds = newDaemonSet('foo', { generation: 2 })
  const nodes = addNodes(0, 1)
  const pods = [withReady(aDaemonPod(ds, { name: 'p', node: 'node-0' }), 'True', at(0))]
  const settled: DaemonSetStatus = {
    desiredNumberScheduled: 1,
    currentNumberScheduled: 1,
    numberMisscheduled: 0,
    numberReady: 1,
    updatedNumberScheduled: 1,
    numberAvailable: 1,
    numberUnavailable: 0,
    observedGeneration: 2,
  }

  it('no write when all seven counters match and observedGeneration is current', () => {
    expect(actionsOf(sync({ ...ds, status: settled }, nodes, pods), 'UpdateStatus')).toEqual([])
  })

  it('a write when observedGeneration lags the generation, even with equal counters', () => {
    const plan = sync({ ...ds, status: { ...settled, observedGeneration: 1 } }, nodes, pods)
    expect(statusOf(plan)).toMatchObject({ ...settled, observedGeneration: 2 })
  })

  it.each([
    'desiredNumberScheduled',
    'currentNumberScheduled',
    'numberMisscheduled',
    'numberReady',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
  ] as const)('a write when %s differs; the whole status is sent', (field) => {
    const plan = sync({ ...ds, status: { ...settled, [field]: 7 } }, nodes, pods)
    expect(statusOf(plan)).toMatchObject(settled)
  })

  it('fields the controller does not compute (collisionCount, conditions) are kept', () => {
    const withExtra: DaemonSet = { ...ds, status: { ...settled, numberReady: 0, collisionCount: 0, conditions: [{ type: 'X' }] } }
    const plan = sync(withExtra, nodes, [withReady(aDaemonPod(withExtra, { name: 'p', node: 'node-0' }), 'True', at(0))])
    expect(statusOf(plan)).toMatchObject({ collisionCount: 0, conditions: [{ type: 'X' }], numberReady: 1 })
  })

  it('with unsatisfied expectations the status is written without raising observedGeneration', () => {
    const plan = reconcileDaemonSet({
      daemonSet: { ...ds, status: { observedGeneration: 1 } },
      nodes,
      pods,
      revisions: [],
      now: testNow,
      expectationsSatisfied: false,
    })
    expect(countsOfPods(plan)).toEqual([0, 0])
    expect(statusOf(plan)).toMatchObject({ ...settled, observedGeneration: 1 })
  })
})

describe('updateDaemonSetStatus: what is counted', () => {
  it('counts nodes, not pods: the oldest pod of each desired node stands for it', () => {
    const ds = newDaemonSet('foo')
    const pods = [
      withReady(aDaemonPod(ds, { name: 'a-old', node: 'node-0', createdAt: at(1) }), 'True', at(1)),
      aDaemonPod(ds, { name: 'a-new', node: 'node-0', createdAt: at(2) }),
    ]
    // OnDelete: manage deletes the surplus newer pod, the older ready one remains
    const plan = sync(ds, addNodes(0, 2), pods)
    expect(counters(statusOf(plan))).toEqual({ desired: 2, current: 2, misscheduled: 0, ready: 1, updated: 2, available: 1, unavailable: 1 })
  })

  it('a pod kept on a node with an untolerated NoSchedule taint is misscheduled (shouldRun decides)', () => {
    const ds = newDaemonSet('foo')
    const plan = sync(ds, [newNode('tainted', undefined, noScheduleTaints), newNode('ok')], [aDaemonPod(ds, { name: 'p', node: 'tainted' })])
    expect(counters(statusOf(plan))).toMatchObject({ desired: 1, current: 1, misscheduled: 1 })
  })

  it('a node whose only pod is terminating still counts as scheduled; bound pods on vanished nodes are not counted', () => {
    const ds = newDaemonSet('foo')
    const pods = [withDeletionTimestamp(aDaemonPod(ds, { name: 'leaving', node: 'node-0' }), testNow), aDaemonPod(ds, { name: 'orphaned', node: 'gone' })]
    const plan = sync(ds, addNodes(0, 1), pods)
    expect(countsOfPods(plan)).toEqual([0, 0])
    expect(counters(statusOf(plan))).toMatchObject({ desired: 1, current: 1, misscheduled: 0 })
  })

  it('numberAvailable needs minReadySeconds strictly passed, and the sync requeues after minReadySeconds meanwhile', () => {
    const ds = newDaemonSet('foo', { minReadySeconds: 10 })
    const pod = withReady(aDaemonPod(ds, { name: 'p', node: 'node-0' }), 'True', at(100))
    const exactly = sync(ds, addNodes(0, 1), [pod], at(110))
    expect(counters(statusOf(exactly))).toMatchObject({ ready: 1, available: 0, unavailable: 1 })
    expect(actionsOf(exactly, 'Requeue').map((r) => r.afterSeconds)).toEqual([10])
    const later = sync(ds, addNodes(0, 1), [pod], at(111))
    expect(counters(statusOf(later))).toMatchObject({ ready: 1, available: 1, unavailable: 0 })
    expect(actionsOf(later, 'Requeue')).toEqual([])
  })

  it('during a surge the oldest pod of a node is the old one, so updatedNumberScheduled waits for its removal', () => {
    const base = newDaemonSet('foo')
    const old = withReady(aDaemonPod(base, { name: 'old', node: 'node-0', createdAt: at(1) }), 'True', at(1))
    const ds = withStrategy(withImage(base, 'foo2/bar2'), surge(1))
    // the update step surges a new pod next to the ready old one (counted as applied before status)
    const plan = sync(ds, addNodes(0, 1), [old])
    expect(countsOfPods(plan)).toEqual([1, 0])
    expect(counters(statusOf(plan))).toMatchObject({ desired: 1, current: 1, ready: 1, updated: 0, available: 1 })
  })

  it('status is stored even when the update step fails (invalid maxUnavailable), as syncDaemonSet always calls updateDaemonSetStatus', () => {
    // No dedicated upstream test; from update.go/daemon_controller.go: updatedDesiredNodeCounts fails
    // with "invalid value for MaxUnavailable", rollingUpdate returns "couldn't get unavailable
    // numbers", and syncDaemonSet still runs updateDaemonSetStatus (raising observedGeneration)
    // before returning that error. Validation rejects such a value, but the controller handles it.
    const ds = withStrategy(newDaemonSet('foo', { generation: 4 }), rollingUpdate('many'))
    const plan = sync(ds, addNodes(0, 2), [aDaemonPod(ds, { name: 'p', node: 'node-0' })])
    expect(countsOfPods(plan)).toEqual([1, 0])
    expect(statusOf(plan)).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, observedGeneration: 4 })
  })

  it('a template change leaves old pods counted as not updated', () => {
    const base = newDaemonSet('foo')
    const ds = withImage(base, 'foo2/bar2')
    const pods = [aDaemonPod(base, { name: 'old', node: 'node-0' }), withoutHash(aDaemonPod(ds, { name: 'nohash', node: 'node-1' })), aDaemonPod(ds, { name: 'new', node: 'node-2' })]
    const plan = sync(ds, addNodes(0, 3), pods)
    expect(counters(statusOf(plan))).toMatchObject({ desired: 3, current: 3, updated: 1 })
  })
})
