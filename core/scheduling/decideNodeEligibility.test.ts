import type { DaemonSet, Node, NodeCondition, PodSpec, Taint } from '../api'
import { compileDaemonEligibility, nodeShouldRunDaemonPod } from './decideNodeEligibility'
import { NodeTaintKeys } from './daemonTolerations'
import { eligible, type NodeEligibility } from './nodeEligibility'

// Upstream daemon_controller_test.go fixtures.
const simpleDaemonSetLabel = { name: 'simple-daemon', type: 'production' }
const simpleDaemonSetLabel2 = { name: 'simple-daemon', type: 'test' }
const simpleNodeLabel = { color: 'blue', speed: 'fast' }
const simpleNodeLabel2 = { color: 'red', speed: 'fast' }
const noScheduleTaint: Taint = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' }
const noExecuteTaint: Taint = { key: 'dedicated', value: 'user1', effect: 'NoExecute' }
const noScheduleTolerations = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]

const daemonSet = (podSpec: Partial<PodSpec> = {}): DaemonSet => ({
  metadata: { name: 'ds', namespace: 'default' },
  spec: {
    selector: { matchLabels: simpleDaemonSetLabel },
    template: { metadata: { labels: simpleDaemonSetLabel }, spec: { containers: [{ name: 'c', image: 'foo/bar' }], ...podSpec } },
  },
})
const node = (name: string, opts: { labels?: Record<string, string>; taints?: Taint[]; conditions?: NodeCondition[]; unschedulable?: boolean } = {}): Node => ({
  metadata: { name, ...(opts.labels ? { labels: opts.labels } : {}) },
  spec: { taints: opts.taints ?? [], ...(opts.unschedulable !== undefined ? { unschedulable: opts.unschedulable } : {}) },
  status: { conditions: opts.conditions ?? [{ type: 'Ready', status: 'True' }] },
})
const nodes = (from: number, count: number, labels?: Record<string, string>): Node[] =>
  Array.from({ length: count }, (_, i) => node(`node-${from + i}`, labels ? { labels } : {}))
const pair = (e: NodeEligibility): [boolean, boolean] => [e.shouldRun, e.shouldContinueRunning]
const resources = { requests: { memory: '200M', cpu: '0.5' } }
const labelIn = (key: string, value: string): Partial<PodSpec> => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] } } },
})
const typeIn = (value: string): Partial<PodSpec> => labelIn('type', value)
const colorIn = labelIn('color', 'blue')

describe('TestNodeShouldRunDaemonPod (daemon_controller_test.go)', () => {
  it.each<[string, Partial<PodSpec>, boolean, [boolean, boolean]]>([
    ['ShouldRunDaemonPod', {}, false, [true, true]],
    ['InsufficientResourceError (resources are the scheduler’s concern)', { containers: [{ name: 'c', resources }] }, false, [true, true]],
    ['ErrPodNotMatchHostName', { nodeName: 'other-node' }, false, [false, false]],
    ['ErrPodNotFitsHostPorts (ports are the scheduler’s concern)', { containers: [{ name: 'c', ports: [{ hostPort: 666 }] }] }, false, [true, true]],
    ['ErrNodeSelectorNotMatch', { nodeSelector: simpleDaemonSetLabel2 }, false, [false, false]],
    ['ShouldRunDaemonPod (nodeSelector matches)', { nodeSelector: simpleDaemonSetLabel }, false, [true, true]],
    ['ErrPodAffinityNotMatch', typeIn('test'), false, [false, false]],
    ['ShouldRunDaemonPod (affinity matches)', typeIn('production'), false, [true, true]],
    ['ShouldRunDaemonPodOnUnschedulableNode', {}, true, [true, true]],
  ])('%s', (_name, podSpec, unschedulable, want) => {
    const n = node('test-node', { labels: simpleDaemonSetLabel, unschedulable })
    expect(pair(nodeShouldRunDaemonPod(n, daemonSet(podSpec)))).toEqual(want)
  })
})

describe('taints (daemon_controller_test.go)', () => {
  const decide = (n: Node, podSpec: Partial<PodSpec> = {}): NodeEligibility => nodeShouldRunDaemonPod(n, daemonSet(podSpec))

  it('TestTaintedNodeDaemonDoesNotLaunchIntolerantPod / TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod', () => {
    expect(decide(node('tainted', { taints: [noScheduleTaint] }))).toEqual({
      _tag: 'ContinueOnly',
      shouldRun: false,
      shouldContinueRunning: true,
      taint: noScheduleTaint,
      reason: 'node tainted has untolerated taint dedicated=user1:NoSchedule',
    })
  })

  it('TestNoExecuteTaintedDoesEvicitRunningIntolerantPod', () => {
    expect(decide(node('tainted', { taints: [noExecuteTaint] }))).toEqual({
      _tag: 'Ineligible',
      shouldRun: false,
      shouldContinueRunning: false,
      cause: 'Taint',
      reason: 'node tainted has untolerated taint dedicated=user1:NoExecute',
    })
  })

  it('TestTaintedNodeDaemonLaunchesToleratePod', () => {
    expect(decide(node('tainted', { taints: [noScheduleTaint] }), { tolerations: noScheduleTolerations })).toBe(eligible)
  })

  it('TestNodeDaemonLaunchesToleratePod', () => {
    expect(decide(node('node-0'), { tolerations: noScheduleTolerations })).toBe(eligible)
  })

  it.each<[string, Taint, NodeCondition]>([
    ['TestNotReadyNodeDaemonLaunchesPod', { key: NodeTaintKeys.notReady, effect: 'NoExecute', timeAdded: '2024-01-01T00:00:00Z' }, { type: 'Ready', status: 'False' }],
    ['TestUnreachableNodeDaemonLaunchesPod', { key: NodeTaintKeys.unreachable, effect: 'NoExecute', timeAdded: '2024-01-01T00:00:00Z' }, { type: 'Ready', status: 'Unknown' }],
  ])('%s', (_name, taint, condition) => {
    expect(decide(node('tainted', { taints: [taint], conditions: [condition] }))).toBe(eligible)
  })

  it('a not-ready node also tainted NoSchedule keeps running pods but gets no new one (reference §1.1)', () => {
    const taints: Taint[] = [{ key: NodeTaintKeys.notReady, effect: 'NoSchedule' }, { key: NodeTaintKeys.notReady, effect: 'NoExecute' }]
    expect(pair(decide(node('n', { taints })))).toEqual([false, true])
  })

  it('TestTaintPressureNodeDaemonLaunchesPod', () => {
    const taints: Taint[] = [NodeTaintKeys.diskPressure, NodeTaintKeys.memoryPressure, NodeTaintKeys.pidPressure].map((key) => ({ key, effect: 'NoSchedule' }))
    const conditions = ['DiskPressure', 'MemoryPressure', 'PIDPressure'].map((type) => ({ type, status: 'True' }))
    expect(decide(node('resources-pressure', { taints, conditions }))).toBe(eligible)
  })

  it('TestNetworkUnavailableNodeDaemonLaunchesPod (the condition alone does not matter)', () => {
    expect(decide(node('network-unavailable', { conditions: [{ type: 'NetworkUnavailable', status: 'True' }] }))).toBe(eligible)
  })

  it('the network-unavailable taint is tolerated only with hostNetwork', () => {
    const n = node('worker-3', { taints: [{ key: NodeTaintKeys.networkUnavailable, effect: 'NoSchedule' }] })
    const withoutHostNetwork = decide(n)
    expect(withoutHostNetwork._tag).toBe('ContinueOnly')
    expect(withoutHostNetwork.shouldRun ? '' : withoutHostNetwork.reason).toBe(
      'node worker-3 has untolerated taint node.kubernetes.io/network-unavailable:NoSchedule',
    )
    expect(decide(n, { hostNetwork: true })).toBe(eligible)
  })

  it('a cordoned node (unschedulable taint) still gets daemon pods', () => {
    expect(decide(node('n', { unschedulable: true, taints: [{ key: NodeTaintKeys.unschedulable, effect: 'NoSchedule' }] }))).toBe(eligible)
  })

  it.each<[string, Taint]>([
    ['PreferNoSchedule', { key: 'soft', effect: 'PreferNoSchedule' }],
    ['an empty effect', { key: 'odd', effect: '' }],
    ['an unknown effect', { key: 'odd', effect: 'Sometimes' }],
  ])('an untolerated taint with %s does not matter', (_name, taint) => {
    expect(decide(node('n', { taints: [taint] }))).toBe(eligible)
  })

  it('NoExecute vs NoSchedule: with both untolerated, the reason names the NoExecute taint', () => {
    const e = decide(node('n', { taints: [noScheduleTaint, { key: 'evict', effect: 'NoExecute' }] }))
    expect(e).toMatchObject({ _tag: 'Ineligible', cause: 'Taint', reason: 'node n has untolerated taint evict:NoExecute' })
  })

  it('NoExecute tolerated, NoSchedule not: the reason names the NoSchedule taint', () => {
    const e = decide(node('n', { taints: [noExecuteTaint, noScheduleTaint] }), { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }] })
    expect(e).toMatchObject({ _tag: 'ContinueOnly', taint: noScheduleTaint })
  })

  it('a user not-ready toleration with tolerationSeconds is replaced by the infinite default and still tolerates', () => {
    const tolerations = [{ key: NodeTaintKeys.notReady, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]
    expect(decide(node('n', { taints: [{ key: NodeTaintKeys.notReady, effect: 'NoExecute' }] }), { tolerations })).toBe(eligible)
  })

  it('Lt/Gt tolerations count only with the comparison gate on', () => {
    const ds = daemonSet({ tolerations: [{ key: 'sla', operator: 'Gt', value: '900', effect: 'NoSchedule' }] })
    const n = node('n', { taints: [{ key: 'sla', value: '950', effect: 'NoSchedule' }] })
    expect(nodeShouldRunDaemonPod(n, ds)._tag).toBe('ContinueOnly')
    expect(nodeShouldRunDaemonPod(n, ds, { comparisonOperators: true })).toBe(eligible)
  })
})

describe('selectors and names over node sets (daemon_controller_test.go)', () => {
  const runOn = (ds: DaemonSet, ns: ReadonlyArray<Node>): string[] => {
    const decide = compileDaemonEligibility(ds)
    return ns.filter((n) => decide(n).shouldRun).map((n) => n.metadata.name ?? '')
  }
  const sevenNodes = [...nodes(0, 4), ...nodes(4, 3, simpleNodeLabel)]

  it.each<[string, Partial<PodSpec>, ReadonlyArray<Node>, string[]]>([
    ['TestSelectorDaemonLaunchesPods', { nodeSelector: simpleNodeLabel }, sevenNodes, ['node-4', 'node-5', 'node-6']],
    ['TestNodeAffinityDaemonLaunchesPods', colorIn, sevenNodes, ['node-4', 'node-5', 'node-6']],
    ['TestBadSelectorDaemonDoesNothing', { nodeSelector: simpleNodeLabel2 }, sevenNodes, []],
    ['TestNameDaemonSetLaunchesPods', { nodeName: 'node-0' }, nodes(0, 5), ['node-0']],
    ['TestBadNameDaemonSetDoesNothing', { nodeName: 'node-10' }, nodes(0, 5), []],
    ['TestNameAndSelectorDaemonSetLaunchesPods', { nodeSelector: simpleNodeLabel, nodeName: 'node-6' }, sevenNodes, ['node-6']],
    ['TestInconsistentNameSelectorDaemonSetDoesNothing', { nodeSelector: simpleNodeLabel, nodeName: 'node-0' }, sevenNodes, []],
  ])('%s', (_name, podSpec, ns, want) => {
    expect(runOn(daemonSet(podSpec), ns)).toEqual(want)
  })
})

describe('reasons', () => {
  it.each<[string, Partial<PodSpec>, Node, string]>([
    ['template nodeName', { nodeName: 'x' }, node('worker-0'), "the template's spec.nodeName names node x"],
    ['nodeSelector', { nodeSelector: { disk: 'ssd' } }, node('worker-1'), "node worker-1 does not match the DaemonSet's node selector"],
    ['required node affinity', typeIn('gpu'), node('worker-2'), 'node worker-2 does not match the required node affinity'],
    ['an affinity that does not parse (the error is kept for people)',
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] }] } } } },
      node('worker-2'),
      'node worker-2 does not match the required node affinity: nodeSelectorTerms[0].matchFields[0].values: Invalid value: ["a","b"]: must have one element'],
  ])('%s', (_name, podSpec, n, reason) => {
    expect(nodeShouldRunDaemonPod(n, daemonSet(podSpec))).toMatchObject({ _tag: 'Ineligible', reason })
  })

  it('names the cause of each refusal', () => {
    const causes = [{ nodeName: 'x' }, { nodeSelector: { a: 'b' } }, typeIn('gpu')].map((s) => nodeShouldRunDaemonPod(node('n'), daemonSet(s)))
    expect(causes.map((e) => (e._tag === 'Ineligible' ? e.cause : e._tag))).toEqual(['NodeName', 'NodeSelector', 'NodeAffinity'])
  })

  it('checks the template nodeName before the selector', () => {
    expect(nodeShouldRunDaemonPod(node('n'), daemonSet({ nodeName: 'x', nodeSelector: { a: 'b' } }))).toMatchObject({ cause: 'NodeName' })
  })
})

describe('compileDaemonEligibility', () => {
  it('answers like nodeShouldRunDaemonPod and shares the Eligible value', () => {
    const ds = daemonSet({ nodeSelector: simpleNodeLabel })
    const ns = [...nodes(0, 3), ...nodes(3, 3, simpleNodeLabel), node('t', { labels: simpleNodeLabel, taints: [noExecuteTaint] })]
    const decide = compileDaemonEligibility(ds)
    expect(ns.map(decide)).toEqual(ns.map((n) => nodeShouldRunDaemonPod(n, ds)))
    expect(decide(ns[3] ?? node('missing'))).toBe(eligible)
  })

  it('does not change the DaemonSet', () => {
    const ds = daemonSet({ tolerations: [{ key: NodeTaintKeys.notReady, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] })
    const snapshot = JSON.stringify(ds)
    compileDaemonEligibility(ds)(node('n'))
    expect(JSON.stringify(ds)).toBe(snapshot)
  })

  it('decides 5,000 nodes with one compiled rule', () => {
    const ds = daemonSet({ ...colorIn, tolerations: noScheduleTolerations })
    const ns = Array.from({ length: 5000 }, (_, i) =>
      node(`node-${i}`, { labels: i % 2 === 0 ? simpleNodeLabel : simpleNodeLabel2, taints: i % 5 === 0 ? [noExecuteTaint] : [noScheduleTaint] }),
    )
    const decisions = ns.map(compileDaemonEligibility(ds))
    expect(decisions.filter((e) => e === eligible)).toHaveLength(2000)
    expect(decisions.filter((e) => e._tag === 'Ineligible' && e.cause === 'NodeAffinity')).toHaveLength(2500)
    expect(decisions.filter((e) => e._tag === 'Ineligible' && e.cause === 'Taint')).toHaveLength(500)
  })
})
