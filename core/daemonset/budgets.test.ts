import * as E from 'fp-ts/Either'
import type { DaemonSet, DaemonSetUpdateStrategy, Node, Pod } from '../api'
import { compileDaemonEligibility } from '../scheduling'
import { aDaemonPod } from '../../properties/builders'
import { allowsSurge, surgeCount, unavailableCount, updateBudgets } from './budgets'
import { podsByNode } from './podsByNode'
import { addNodes, newDaemonSet, onDelete, rollingUpdate, surge, testNow, withReady } from './testing/fixtures'

/**
 * TestGetUnavailableNumbers (update_test.go), every row: `updatedDesiredNodeCounts` returns
 * (maxSurge, maxUnavailable, desiredNumberScheduled) and adds an empty entry for each desired node
 * without pods. Here the budgets come from `updateBudgets` over the desired count the eligibility
 * gives, and "empty nodes" are the desired nodes the pod grouping has no entry for.
 */

interface Row {
  readonly name: string
  readonly strategy: DaemonSetUpdateStrategy
  readonly nodes: number
  /** Pods by node index; `deleting` marks a terminating pod. */
  readonly pods: ReadonlyArray<{ readonly node: number; readonly deleting?: boolean }>
  readonly maxSurge: number
  readonly maxUnavailable: number
  readonly desiredNumberScheduled: number
  readonly emptyNodes: number
}

const rows: ReadonlyArray<Row> = [
  { name: 'No nodes', strategy: rollingUpdate(0), nodes: 0, pods: [], maxSurge: 0, maxUnavailable: 0, desiredNumberScheduled: 0, emptyNodes: 0 },
  {
    name: 'Two nodes with ready pods',
    strategy: rollingUpdate(1),
    nodes: 2,
    pods: [{ node: 0 }, { node: 1 }],
    maxSurge: 0,
    maxUnavailable: 1,
    desiredNumberScheduled: 2,
    emptyNodes: 0,
  },
  {
    name: 'Two nodes, one node without pods',
    strategy: rollingUpdate(0),
    nodes: 2,
    pods: [{ node: 0 }],
    maxSurge: 0,
    maxUnavailable: 1,
    desiredNumberScheduled: 2,
    emptyNodes: 1,
  },
  {
    name: 'Two nodes, one node without pods, surge',
    strategy: surge(0),
    nodes: 2,
    pods: [{ node: 0 }],
    maxSurge: 0,
    maxUnavailable: 1,
    desiredNumberScheduled: 2,
    emptyNodes: 1,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable in percents',
    strategy: rollingUpdate('50%'),
    nodes: 2,
    pods: [{ node: 0 }, { node: 1 }],
    maxSurge: 0,
    maxUnavailable: 1,
    desiredNumberScheduled: 2,
    emptyNodes: 0,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable in percents, surge',
    strategy: surge('50%'),
    nodes: 2,
    pods: [{ node: 0 }, { node: 1 }],
    maxSurge: 1,
    maxUnavailable: 0,
    desiredNumberScheduled: 2,
    emptyNodes: 0,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable is 100%, surge',
    strategy: surge('100%'),
    nodes: 2,
    pods: [{ node: 0 }, { node: 1 }],
    maxSurge: 2,
    maxUnavailable: 0,
    desiredNumberScheduled: 2,
    emptyNodes: 0,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable in percents, pod terminating',
    strategy: rollingUpdate('50%'),
    nodes: 3,
    pods: [{ node: 0 }, { node: 1, deleting: true }],
    maxSurge: 0,
    maxUnavailable: 2,
    desiredNumberScheduled: 3,
    emptyNodes: 1,
  },
]

const desiredNodes = (ds: DaemonSet, nodes: ReadonlyArray<Node>): string[] => {
  const decide = compileDaemonEligibility(ds)
  return nodes.filter((n) => decide(n).shouldRun).map((n) => n.metadata.name ?? '')
}

describe('TestGetUnavailableNumbers', () => {
  it.each(rows)('$name', (row) => {
    const ds = newDaemonSet('x', { strategy: row.strategy })
    const nodes = addNodes(0, row.nodes)
    // upstream builds these pods with newPod(..., ds=nil): no owner, no hash; marked ready
    const pods: Pod[] = row.pods.map(({ node, deleting }, i) =>
      withReady(aDaemonPod(ds, { name: `pod-${i}`, node: `node-${node}`, owned: false, ...(deleting === true ? { deleting: testNow } : {}) }), 'True'),
    )
    const desired = desiredNodes(ds, nodes)
    expect(desired).toHaveLength(row.desiredNumberScheduled)
    expect(updateBudgets(ds, desired.length)).toEqual(E.right({ maxSurge: row.maxSurge, maxUnavailable: row.maxUnavailable }))
    const groups = podsByNode(pods, false)
    expect(desired.filter((n) => !groups.has(n))).toHaveLength(row.emptyNodes)
  })
})

describe('util.SurgeCount / UnavailableCount / AllowsSurge (reference §6.1)', () => {
  const ds = (strategy: DaemonSetUpdateStrategy) => newDaemonSet('x', { strategy })

  it('both budgets are 0 outside RollingUpdate, even with values set', () => {
    const od: DaemonSetUpdateStrategy = { ...onDelete, rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } }
    expect(surgeCount(ds(od), 10)).toEqual(E.right(0))
    expect(unavailableCount(ds(od), 10)).toEqual(E.right(0))
    expect(allowsSurge(ds(od))).toBe(false)
  })

  it('percentages round up against the desired count', () => {
    expect(unavailableCount(ds(rollingUpdate('50%')), 3)).toEqual(E.right(2))
    expect(surgeCount(ds(surge('10%')), 11)).toEqual(E.right(2))
    expect(surgeCount(ds(surge('1%')), 1)).toEqual(E.right(1))
  })

  it('AllowsSurge is SurgeCount(ds, 1) > 0', () => {
    expect(allowsSurge(ds(surge(1)))).toBe(true)
    expect(allowsSurge(ds(surge('1%')))).toBe(true)
    expect(allowsSurge(ds(surge(0)))).toBe(false)
    expect(allowsSurge(ds(surge('0%')))).toBe(false)
    expect(allowsSurge(ds(rollingUpdate(1)))).toBe(false)
  })

  it('a nil maxUnavailable under RollingUpdate is an error, a nil maxSurge is 0', () => {
    const nilBoth: DaemonSetUpdateStrategy = { type: 'RollingUpdate', rollingUpdate: {} }
    expect(E.isLeft(unavailableCount(ds(nilBoth), 2))).toBe(true)
    expect(surgeCount(ds(nilBoth), 2)).toEqual(E.right(0))
    expect(E.isLeft(updateBudgets(ds(nilBoth), 2))).toBe(true)
  })

  it('a RollingUpdate without a rollingUpdate block has both budgets 0, and the fallback gives maxUnavailable 1', () => {
    const bare: DaemonSetUpdateStrategy = { type: 'RollingUpdate' }
    expect(unavailableCount(ds(bare), 2)).toEqual(E.right(0))
    expect(updateBudgets(ds(bare), 2)).toEqual(E.right({ maxSurge: 0, maxUnavailable: 1 }))
    expect(updateBudgets(ds(bare), 0)).toEqual(E.right({ maxSurge: 0, maxUnavailable: 0 }))
  })
})
