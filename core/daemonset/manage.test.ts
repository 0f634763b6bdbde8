import * as E from 'fp-ts/Either'
import { controllerRef, nameOf, type DaemonSet, type Node, type Pod } from '../api'
import { claimObjects } from '../cluster'
import { fromLabelSelector } from '../labels'
import { actionsOf, type Plan } from '../plan'
import { compileDaemonEligibility } from '../scheduling'
import { aDaemonPod } from '../../properties/builders'
import { podsByNode } from './podsByNode'
import { reconcileDaemonSet } from './reconcile'
import { burstReplicas, slowStartBatches } from './syncNodes'
import {
  addNodes,
  addPods,
  countsOf,
  createdNodes,
  deletedNames,
  newDaemonSet,
  newNode,
  noExecuteTaints,
  noScheduleTaints,
  noScheduleTolerations,
  pinnedNodeOf,
  simpleDaemonSetLabel,
  simpleDaemonSetLabel2,
  simpleNodeLabel,
  simpleNodeLabel2,
  statusOf,
  testNow,
  updateStrategies,
  withDeletionTimestamp,
} from './testing/fixtures'

/**
 * Ports of the manage-level cases of upstream pkg/controller/daemon/daemon_controller_test.go.
 * Each `expectSyncDaemonSets(creates, deletes, events)` becomes an assertion on one plan; cases that
 * upstream runs for each of `updateStrategies()` (OnDelete, RollingUpdate maxUnavailable=1) run
 * with `it.each`.
 */

const sync = (ds: DaemonSet, nodes: ReadonlyArray<Node>, pods: ReadonlyArray<Pod> = []): Plan =>
  reconcileDaemonSet({ daemonSet: ds, nodes, pods, revisions: [], now: testNow })

const expectSync = (plan: Plan, creates: number, deletes: number, events: number) =>
  expect(countsOf(plan)).toEqual({ creates, deletes, events })

/** A non-daemon pod bound to a node (`&v1.Pod{Spec: podSpec}`): no labels, no owner. */
const foreignPod = (name: string, node: string, extra: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c' }], nodeName: node, ...extra },
})

const resources = (memory: string, cpu: string) => ({ requests: { memory, cpu, pods: '100' } })

describe('manage: creating one pod per eligible node', () => {
  it.each(updateStrategies)('TestSimpleDaemonSetLaunchesPods (%s): 5 nodes, 5 creates', (_, strategy) => {
    expectSync(sync(newDaemonSet('foo', { strategy }), addNodes(0, 5)), 5, 0, 0)
  })

  it.each(updateStrategies)(
    'TestSimpleDaemonSetScheduleDaemonSetPodsLaunchesPods (%s): every node gets one unbound pod pinned by a single matchFields term',
    (_, strategy) => {
      const plan = sync(newDaemonSet('foo', { strategy }), addNodes(0, 5))
      const pods = actionsOf(plan, 'CreatePod').map((a) => a.pod)
      expect(pods).toHaveLength(5)
      for (const pod of pods) {
        expect(pod.spec.nodeName ?? '').toBe('')
        const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
        expect(terms).toHaveLength(1)
        expect(terms[0]?.matchFields).toHaveLength(1)
        expect(terms[0]?.matchFields?.[0]).toMatchObject({ key: 'metadata.name', operator: 'In' })
        expect(terms[0]?.matchFields?.[0]?.values).toHaveLength(1)
      }
      expect(new Set(pods.map(pinnedNodeOf))).toEqual(new Set(['node-0', 'node-1', 'node-2', 'node-3', 'node-4']))
      // validateSyncDaemonSets: every created pod carries a controller ref to the DaemonSet.
      for (const a of actionsOf(plan, 'CreatePod')) {
        expect(a.pod.metadata.ownerReferences).toEqual([expect.objectContaining({ apiVersion: 'apps/v1', kind: 'DaemonSet', controller: true })])
      }
    },
  )

  it.each(updateStrategies)('TestNoNodesDoesNothing (%s)', (_, strategy) => {
    expectSync(sync(newDaemonSet('foo', { strategy }), []), 0, 0, 0)
  })

  it.each(updateStrategies)('TestOneNodeDaemonLaunchesPod (%s)', (_, strategy) => {
    expectSync(sync(newDaemonSet('foo', { strategy }), [newNode('only-node')]), 1, 0, 0)
  })

  it.each(updateStrategies)('TestNotReadyNodeDaemonDoesLaunchPod (%s): node conditions are ignored', (_, strategy) => {
    const node: Node = { ...newNode('not-ready'), status: { conditions: [{ type: 'Ready', status: 'False' }] } }
    expectSync(sync(newDaemonSet('foo', { strategy }), [node]), 1, 0, 0)
  })

  it.each(updateStrategies)(
    'TestInsufficientCapacityNodeDaemonDoesNotUnscheduleRunningPod (%s): resources are ignored, a foreign pod does not count',
    (_, strategy) => {
      const podSpec = { nodeName: 'too-much-mem', containers: [{ name: 'c', resources: resources('75M', '75m') }] }
      const ds = newDaemonSet('foo', { strategy, podSpec })
      expectSync(sync(ds, [newNode('too-much-mem')], [foreignPod('other', 'too-much-mem', podSpec)]), 1, 0, 0)
    },
  )

  it('TestInsufficientCapacityNodeSufficientCapacityWithNodeLabelDaemonLaunchPod: only the labelled node, no event', () => {
    const ds = newDaemonSet('foo', {
      podSpec: { containers: [{ name: 'c', resources: resources('50M', '75m') }], nodeSelector: { ...simpleNodeLabel } },
    })
    const plan = sync(ds, [newNode('not-enough-resource'), newNode('enough-resource', simpleNodeLabel)])
    expectSync(plan, 1, 0, 0)
    expect(createdNodes(plan)).toEqual(['enough-resource'])
  })

  it.each(updateStrategies)('TestNetworkUnavailableNodeDaemonLaunchesPod (%s): a condition without a taint does not block', (_, strategy) => {
    const node: Node = { ...newNode('network-unavailable'), status: { conditions: [{ type: 'NetworkUnavailable', status: 'True' }] } }
    expectSync(sync(newDaemonSet('simple', { strategy }), [node]), 1, 0, 0)
  })

  it.each(updateStrategies)('TestDontDoAnythingIfBeingDeleted (%s)', (_, strategy) => {
    const podSpec = { nodeName: 'not-too-much-mem', containers: [{ name: 'c', resources: resources('75M', '75m') }] }
    const base = newDaemonSet('foo', { strategy, podSpec })
    const ds: DaemonSet = { ...base, metadata: { ...base.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }
    const plan = sync(ds, [newNode('not-too-much-mem')], [foreignPod('other', 'not-too-much-mem', podSpec)])
    expect(plan.actions).toEqual([])
  })

  it.each(updateStrategies)('TestPortConflictWithSameDaemonPodDoesNotDeletePod (%s): host ports are ignored', (_, strategy) => {
    const podSpec = { nodeName: 'port-conflict', containers: [{ name: 'c', ports: [{ hostPort: 666 }] }] }
    const ds = newDaemonSet('foo', { strategy, podSpec })
    expectSync(sync(ds, [newNode('port-conflict')], [aDaemonPod(ds, { name: 'foo-0', node: 'port-conflict' })]), 0, 0, 0)
  })

  it.each(updateStrategies)('TestNoPortConflictNodeDaemonLaunchesPod (%s)', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, podSpec: { nodeName: 'no-port-conflict', containers: [{ name: 'c', ports: [{ hostPort: 6662 }] }] } })
    const other = foreignPod('other', 'no-port-conflict', { containers: [{ name: 'c', ports: [{ hostPort: 6661 }] }] })
    expectSync(sync(ds, [newNode('no-port-conflict')], [other]), 1, 0, 0)
  })

  it.each(updateStrategies)(
    'TestPodIsNotDeletedByDaemonsetWithEmptyLabelSelector (%s): an empty selector only records SelectingAll',
    (_, strategy) => {
      const base = newDaemonSet('foo', { strategy, podSpec: { nodeSelector: { foo: 'bar' } } })
      const ds: DaemonSet = { ...base, spec: { ...base.spec, selector: {} } }
      const orphan: Pod = { ...foreignPod('orphan', 'node1'), metadata: { name: 'orphan', namespace: 'default', labels: { bang: 'boom' } } }
      const plan = sync(ds, [newNode('node1')], [orphan])
      expectSync(plan, 0, 0, 1)
      expect(actionsOf(plan, 'RecordEvent')[0]?.reason).toBe('SelectingAll')
      expect(statusOf(plan)).toBeUndefined()
    },
  )
})

describe('manage: existing pods', () => {
  it.each(updateStrategies)(
    'TestDealsWithExistingPods (%s): creates where missing, prunes extras to one, releases pods that no longer match',
    (_, strategy) => {
      const ds = newDaemonSet('foo', { strategy })
      const pods = [
        ...addPods(ds, 'node-1', 1),
        ...addPods(ds, 'node-2', 2),
        ...addPods(ds, 'node-3', 5),
        ...addPods(ds, 'node-4', 2, simpleDaemonSetLabel2),
      ]
      const plan = sync(ds, addNodes(0, 5), pods)
      expectSync(plan, 2, 5, 0)
      expect(createdNodes(plan).sort()).toEqual(['node-0', 'node-4'])
      // the oldest (then first by name) pod on each node is kept
      expect(deletedNames(plan).sort()).toEqual(['node-2-1', 'node-3-1', 'node-3-2', 'node-3-3', 'node-3-4'])
      // the two simpleDaemonSetLabel2 pods are released (their owner reference removed), not deleted
      expect(actionsOf(plan, 'UpdatePod').map((a) => a.name).sort()).toEqual(['node-4-0', 'node-4-1'])
    },
  )

  it.each(updateStrategies)('TestSelectorDaemonLaunchesPods (%s): only nodes matching the nodeSelector', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, podSpec: { nodeSelector: { ...simpleNodeLabel } } })
    const plan = sync(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)])
    expectSync(plan, 3, 0, 0)
    expect(createdNodes(plan).sort()).toEqual(['node-4', 'node-5', 'node-6'])
  })

  it.each(updateStrategies)('TestSelectorDaemonDeletesUnselectedPods (%s)', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, podSpec: { nodeSelector: { ...simpleNodeLabel } } })
    const pods = [
      ...addPods(ds, 'node-0', 2, simpleDaemonSetLabel2),
      ...addPods(ds, 'node-1', 3),
      ...addPods(ds, 'node-1', 1, simpleDaemonSetLabel2, { tag: 'l2-' }),
      ...addPods(ds, 'node-4', 1),
    ]
    const plan = sync(ds, [...addNodes(0, 5), ...addNodes(5, 5, simpleNodeLabel)], pods)
    expectSync(plan, 5, 4, 0)
    expect(deletedNames(plan).sort()).toEqual(['node-1-0', 'node-1-1', 'node-1-2', 'node-4-0'])
    expect(actionsOf(plan, 'DeletePod').every((a) => a.reason === 'NotEligible')).toBe(true)
  })

  it.each(updateStrategies)('TestSelectorDaemonDealsWithExistingPods (%s)', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, podSpec: { nodeSelector: { ...simpleNodeLabel } } })
    const pods = [
      ...addPods(ds, 'node-0', 1),
      ...addPods(ds, 'node-1', 3),
      ...addPods(ds, 'node-1', 2, simpleDaemonSetLabel2, { tag: 'l2-' }),
      ...addPods(ds, 'node-2', 4),
      ...addPods(ds, 'node-6', 13),
      ...addPods(ds, 'node-7', 4, simpleDaemonSetLabel2),
      ...addPods(ds, 'node-9', 1),
      ...addPods(ds, 'node-9', 1, simpleDaemonSetLabel2, { tag: 'l2-' }),
    ]
    const plan = sync(ds, [...addNodes(0, 5), ...addNodes(5, 5, simpleNodeLabel)], pods)
    expectSync(plan, 3, 20, 0)
    expect(createdNodes(plan).sort()).toEqual(['node-5', 'node-7', 'node-8'])
  })

  it.each(updateStrategies)('TestBadSelectorDaemonDoesNothing (%s)', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, podSpec: { nodeSelector: { ...simpleNodeLabel2 } } })
    expectSync(sync(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)]), 0, 0, 0)
  })

  it.each(updateStrategies)('TestNameDaemonSetLaunchesPods (%s)', (_, strategy) => {
    const plan = sync(newDaemonSet('foo', { strategy, podSpec: { nodeName: 'node-0' } }), addNodes(0, 5))
    expectSync(plan, 1, 0, 0)
    expect(createdNodes(plan)).toEqual(['node-0'])
  })

  it.each(updateStrategies)('TestBadNameDaemonSetDoesNothing (%s)', (_, strategy) => {
    expectSync(sync(newDaemonSet('foo', { strategy, podSpec: { nodeName: 'node-10' } }), addNodes(0, 5)), 0, 0, 0)
  })

  it.each(updateStrategies)('TestNameAndSelectorDaemonSetLaunchesPods (%s)', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, podSpec: { nodeSelector: { ...simpleNodeLabel }, nodeName: 'node-6' } })
    const plan = sync(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)])
    expectSync(plan, 1, 0, 0)
    expect(createdNodes(plan)).toEqual(['node-6'])
  })

  it.each(updateStrategies)('TestInconsistentNameSelectorDaemonSetDoesNothing (%s)', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy, podSpec: { nodeSelector: { ...simpleNodeLabel }, nodeName: 'node-0' } })
    expectSync(sync(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)]), 0, 0, 0)
  })

  it('TestSelectorDaemonSetLaunchesPods', () => {
    const ds = newDaemonSet('foo', { podSpec: { nodeSelector: { ...simpleNodeLabel } } })
    expectSync(sync(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)]), 3, 0, 0)
  })

  it.each(updateStrategies)('TestNodeAffinityDaemonLaunchesPods (%s)', (_, strategy) => {
    const ds = newDaemonSet('foo', {
      strategy,
      podSpec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'color', operator: 'In', values: ['blue'] }] }],
            },
          },
        },
      },
    })
    const plan = sync(ds, [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)])
    expectSync(plan, 3, 0, 0)
    expect(createdNodes(plan).sort()).toEqual(['node-4', 'node-5', 'node-6'])
    // the user's required terms are replaced by the single node pin
    for (const a of actionsOf(plan, 'CreatePod')) {
      expect(a.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toHaveLength(1)
    }
  })

  it.each(updateStrategies)('TestDaemonSetRespectsTermination (%s): a terminating pod is neither replaced nor deleted again', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy })
    const pod = withDeletionTimestamp(addPods(ds, 'node-0', 1)[0]!, testNow)
    expectSync(sync(ds, addNodes(0, 1, simpleNodeLabel), [pod]), 0, 0, 0)
  })

  it.each(updateStrategies)(
    'TestDeleteUnscheduledPodForNotExistingNode (%s): an affinity-pinned pod for a missing node is deleted, a bound one left to PodGC',
    (_, strategy) => {
      const ds = newDaemonSet('foo', { strategy })
      const pods = [
        ...addPods(ds, 'node-0', 1),
        ...addPods(ds, 'node-1', 1),
        aDaemonPod(ds, { name: 'pod1-node-3', node: 'node-2', bound: false }),
      ]
      const plan = sync(ds, addNodes(0, 1), pods)
      expectSync(plan, 0, 1, 0)
      expect(deletedNames(plan)).toEqual(['pod1-node-3'])
    },
  )
})

describe('manage: taints and tolerations', () => {
  it.each(updateStrategies)(
    'TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod (%s): the running pod stays on a NoSchedule-tainted node',
    (_, strategy) => {
      const ds = newDaemonSet('intolerant', { strategy })
      const pod = aDaemonPod(ds, { name: 'keep-running-me', node: 'tainted' })
      expectSync(sync(ds, [newNode('tainted', undefined, noScheduleTaints)], [pod]), 0, 0, 0)
    },
  )

  it.each(updateStrategies)(
    'TestNoExecuteTaintedDoesEvicitRunningIntolerantPod (%s): the running pod is deleted from a NoExecute-tainted node',
    (_, strategy) => {
      const ds = newDaemonSet('intolerant', { strategy })
      const pod = aDaemonPod(ds, { name: 'stop-running-me', node: 'tainted' })
      const plan = sync(ds, [newNode('tainted', undefined, noExecuteTaints)], [pod])
      expectSync(plan, 0, 1, 0)
      expect(deletedNames(plan)).toEqual(['stop-running-me'])
    },
  )

  it.each(updateStrategies)('TestTaintedNodeDaemonDoesNotLaunchIntolerantPod (%s)', (_, strategy) => {
    expectSync(sync(newDaemonSet('intolerant', { strategy }), [newNode('tainted', undefined, noScheduleTaints)]), 0, 0, 0)
  })

  it.each(updateStrategies)('TestTaintedNodeDaemonLaunchesToleratePod (%s)', (_, strategy) => {
    const ds = newDaemonSet('tolerate', { strategy, podSpec: { tolerations: [...noScheduleTolerations] } })
    expectSync(sync(ds, [newNode('tainted', undefined, noScheduleTaints)]), 1, 0, 0)
  })

  it.each(updateStrategies)('TestNotReadyNodeDaemonLaunchesPod (%s): not-ready:NoExecute is tolerated by default', (_, strategy) => {
    const node: Node = {
      ...newNode('tainted', undefined, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]),
      status: { conditions: [{ type: 'Ready', status: 'False' }] },
    }
    expectSync(sync(newDaemonSet('simple', { strategy }), [node]), 1, 0, 0)
  })

  it.each(updateStrategies)('TestUnreachableNodeDaemonLaunchesPod (%s): unreachable:NoExecute is tolerated by default', (_, strategy) => {
    const node: Node = {
      ...newNode('tainted', undefined, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]),
      status: { conditions: [{ type: 'Ready', status: 'Unknown' }] },
    }
    expectSync(sync(newDaemonSet('simple', { strategy }), [node]), 1, 0, 0)
  })

  it.each(updateStrategies)('TestNodeDaemonLaunchesToleratePod (%s)', (_, strategy) => {
    const ds = newDaemonSet('tolerate', { strategy, podSpec: { tolerations: [...noScheduleTolerations] } })
    expectSync(sync(ds, addNodes(0, 1)), 1, 0, 0)
  })

  it.each(updateStrategies)(
    'TestTaintPressureNodeDaemonLaunchesPod (%s): disk/memory/pid-pressure NoSchedule taints are tolerated by default',
    (_, strategy) => {
      const ds = newDaemonSet('critical', { strategy, namespace: 'kube-system' })
      const node: Node = {
        ...newNode('resources-pressure', undefined, [
          { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
        ]),
        status: {
          conditions: [
            { type: 'DiskPressure', status: 'True' },
            { type: 'MemoryPressure', status: 'True' },
            { type: 'PIDPressure', status: 'True' },
          ],
        },
      }
      expectSync(sync(ds, [node]), 1, 0, 0)
    },
  )
})

describe('TestNodeShouldRunDaemonPod (the eligibility the reducer uses)', () => {
  const withSpec = (spec: Partial<DaemonSet['spec']['template']['spec']>) => newDaemonSet('ds', { podSpec: spec })
  const typeIn = (value: string) => ({
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values: [value] }] }],
      },
    },
  })
  const rows: ReadonlyArray<readonly [string, DaemonSet, boolean, boolean, boolean]> = [
    ['ShouldRunDaemonPod', withSpec({ containers: [{ name: 'c', resources: resources('50M', '0.5') }] }), true, true, false],
    ['InsufficientResourceError', withSpec({ containers: [{ name: 'c', resources: resources('200M', '0.5') }] }), true, true, false],
    ['ErrPodNotMatchHostName', withSpec({ nodeName: 'other-node', containers: [{ name: 'c', resources: resources('50M', '0.5') }] }), false, false, false],
    ['ErrPodNotFitsHostPorts', withSpec({ containers: [{ name: 'c', ports: [{ hostPort: 666 }] }] }), true, true, false],
    ['ErrNodeSelectorNotMatch', withSpec({ nodeSelector: { ...simpleDaemonSetLabel2 } }), false, false, false],
    ['ShouldRunDaemonPod (nodeSelector matches)', withSpec({ nodeSelector: { ...simpleDaemonSetLabel } }), true, true, false],
    ['ErrPodAffinityNotMatch', withSpec({ affinity: typeIn('test') }), false, false, false],
    ['ShouldRunDaemonPod (affinity matches)', withSpec({ affinity: typeIn('production') }), true, true, false],
    ['ShouldRunDaemonPodOnUnschedulableNode', withSpec({ containers: [{ name: 'c', resources: resources('50M', '0.5') }] }), true, true, true],
  ]
  it.each(rows)('%s', (_, ds, shouldRun, shouldContinueRunning, unschedulable) => {
    const base = newNode('test-node', simpleDaemonSetLabel)
    const node: Node = unschedulable ? { ...base, spec: { ...base.spec, unschedulable: true } } : base
    const decision = compileDaemonEligibility(ds)(node)
    expect([decision.shouldRun, decision.shouldContinueRunning]).toEqual([shouldRun, shouldContinueRunning])
  })
})

describe('TestUpdateNode (as reducer decisions: the sync before and the resync after the node update)', () => {
  const withNodeSelector = newDaemonSet('ds', { podSpec: { nodeSelector: { ...simpleNodeLabel } } })
  const cases: ReadonlyArray<readonly [string, Node, Node, DaemonSet, number, boolean]> = [
    ['Nothing changed, should not enqueue', newNode('node1'), newNode('node1'), withNodeSelector, 0, false],
    ['Node labels changed', newNode('node1'), newNode('node1', simpleNodeLabel), withNodeSelector, 0, true],
    ['Node taints changed', newNode('node1', undefined, noScheduleTaints), newNode('node1'), newDaemonSet('ds'), 0, true],
    [
      'Node Allocatable changed',
      newNode('node1'),
      newNode('node1'),
      newDaemonSet('ds', { podSpec: { containers: [{ name: 'c', resources: resources('200M', '200m') }] } }),
      1,
      false,
    ],
  ]
  describe.each(updateStrategies)('%s', (_, strategy) => {
    it.each(cases)('%s', (_name, oldNode, newNodeObj, base, expectedCreates, shouldEnqueue) => {
      const ds: DaemonSet = { ...base, spec: { ...base.spec, updateStrategy: strategy } }
      const first = sync(ds, [oldNode])
      expectSync(first, expectedCreates, 0, 0)
      // Upstream enqueues when the node's (shouldRun, shouldContinueRunning) pair changes for the
      // DaemonSet; here that shows as the resync against the new node having work to do.
      const decide = compileDaemonEligibility(ds)
      const before = decide(oldNode)
      const after = decide(newNodeObj)
      expect(before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning).toBe(shouldEnqueue)
      const pods = actionsOf(first, 'CreatePod').map((a, i): Pod => ({ ...a.pod, metadata: { ...a.pod.metadata, name: `p${i}` } }))
      expect(countsOf(sync(ds, [newNodeObj], pods)).creates > 0).toBe(shouldEnqueue)
    })
  })
})

describe('TestDeleteNoDaemonPod (the sync part): non-daemon pods on the node do not block the daemon pod', () => {
  const withResources = { containers: [{ name: 'c', resources: resources('50M', '50m') }] }
  const node: Node = { ...newNode('node1'), status: { conditions: [{ type: 'Ready', status: 'True' }] } }
  const plain = Array.from({ length: 4 }, (_, i) => foreignPod(`pod_${i}`, 'node1', withResources))
  const withController = plain.map(
    (p): Pod => ({ ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: 'rc', controller: true }] } }),
  )
  describe.each(updateStrategies)('%s', (_, strategy) => {
    it.each([
      ['Deleted non-daemon pods to release resources', plain],
      ['Deleted non-daemon pods (with controller) to release resources', withController],
      ['Deleted no scheduled pods', withController],
    ] as const)('%s', (_name, pods) => {
      expectSync(sync(newDaemonSet('ds', { strategy, podSpec: withResources }), [node], pods), 1, 0, 0)
    })
  })
})

describe('TestGetNodesToDaemonPods: claiming and grouping by target node', () => {
  const ds = newDaemonSet('foo')
  const ds2 = newDaemonSet('foo2')
  const orphan = (name: string, node: string): Pod => aDaemonPod(ds, { name, node, owned: false })
  const terminal = (name: string, node: string, phase: 'Succeeded' | 'Failed', deleting: boolean): Pod =>
    aDaemonPod(ds, { name, node, phase, ...(deleting ? { deleting: testNow } : {}) })
  const always = [
    aDaemonPod(ds, { name: 'matching-owned-0', node: 'node-0' }),
    orphan('matching-orphan-0', 'node-0'),
    aDaemonPod(ds, { name: 'matching-owned-1', node: 'node-1' }),
    orphan('matching-orphan-1', 'node-1'),
    terminal('matching-owned-succeeded-pod-0', 'node-0', 'Succeeded', false),
    terminal('matching-owned-failed-pod-1', 'node-1', 'Failed', false),
  ]
  const ignoredAlways = [
    aDaemonPod(ds, { name: 'non-matching-owned-0', node: 'node-0', labels: { ...simpleDaemonSetLabel2 } }),
    aDaemonPod(ds, { name: 'non-matching-orphan-1', node: 'node-1', labels: { ...simpleDaemonSetLabel2 }, owned: false }),
    aDaemonPod(ds2, { name: 'matching-owned-by-other-0', node: 'node-0' }),
  ]
  const deletedTerminal = [
    terminal('matching-owned-succeeded-deleted-pod-0', 'node-0', 'Succeeded', true),
    terminal('matching-owned-failed-deleted-pod-1', 'node-1', 'Failed', true),
  ]

  const grouped = (pods: ReadonlyArray<Pod>, includeDeletedTerminal: boolean) => {
    const selector = fromLabelSelector(ds.spec.selector)
    if (E.isLeft(selector)) throw new Error(selector.left)
    const claim = claimObjects({ owner: ds, ownerRef: controllerRef('apps/v1', 'DaemonSet', ds), selector: selector.right }, pods)
    return podsByNode(claim.claimed, includeDeletedTerminal)
  }
  const namesByNode = (groups: ReturnType<typeof grouped>) =>
    Object.fromEntries([...groups.entries()].map(([node, pods]) => [node, pods.map(nameOf).sort()]))

  it('exclude deleted terminal pods', () => {
    const groups = grouped([...always, ...ignoredAlways, ...deletedTerminal], false)
    for (const [node, pods] of groups) for (const p of pods) expect(p.spec.nodeName).toBe(node)
    expect(namesByNode(groups)).toEqual({
      'node-0': ['matching-orphan-0', 'matching-owned-0', 'matching-owned-succeeded-pod-0'],
      'node-1': ['matching-orphan-1', 'matching-owned-1', 'matching-owned-failed-pod-1'],
    })
  })

  it('include deleted terminal pods', () => {
    const groups = grouped([...always, ...ignoredAlways, deletedTerminal[1]!], true)
    expect(namesByNode(groups)).toEqual({
      'node-0': ['matching-orphan-0', 'matching-owned-0', 'matching-owned-succeeded-pod-0'],
      'node-1': ['matching-orphan-1', 'matching-owned-1', 'matching-owned-failed-deleted-pod-1', 'matching-owned-failed-pod-1'],
    })
  })

  it('consequence in manage: a node whose only pod is terminal and being deleted gets a new pod at once', () => {
    const plan = sync(ds, addNodes(0, 1), [terminal('gone', 'node-0', 'Succeeded', true)])
    expectSync(plan, 1, 0, 0)
  })

  it('orphans that match are adopted, owned pods that no longer match are released', () => {
    const plan = sync(ds, addNodes(0, 2), [...always.slice(0, 4), ...ignoredAlways])
    const patched = actionsOf(plan, 'UpdatePod').map((a) => a.name).sort()
    expect(patched).toEqual(['matching-orphan-0', 'matching-orphan-1', 'non-matching-owned-0'])
  })
})

describe('syncNodes: burst and slow start (no upstream test of these names; TestSimpleDaemonSetPodCreateErrors relies on them)', () => {
  it('at most BurstReplicas (250) creates in one sync; the rest come with the next sync', () => {
    const ds = newDaemonSet('foo')
    const plan = sync(ds, addNodes(0, 300))
    expect(countsOf(plan).creates).toBe(burstReplicas)
    const created = actionsOf(plan, 'CreatePod').map((a, i): Pod => ({ ...a.pod, metadata: { ...a.pod.metadata, name: `c${i}` } }))
    expect(countsOf(sync(ds, addNodes(0, 300), created)).creates).toBe(50)
  })

  it('at most BurstReplicas (250) deletes in one sync', () => {
    const ds = newDaemonSet('foo')
    const plan = sync(ds, addNodes(0, 1), addPods(ds, 'node-0', 301))
    expect(countsOf(plan)).toEqual({ creates: 0, deletes: burstReplicas, events: 0 })
  })

  it('creates go out in slow-start batches 1, 2, 4, 8, ...', () => {
    expect(slowStartBatches(10)).toEqual([1, 2, 4, 3])
    const batches = slowStartBatches(100)
    expect(batches.slice(0, 4)).toEqual([1, 2, 4, 8])
    expect(batches.reduce((a, b) => a + b, 0)).toBe(100)
  })
})
