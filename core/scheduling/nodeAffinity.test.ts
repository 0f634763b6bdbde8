import * as E from 'fp-ts/Either'
import type { Affinity, Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from '../api'
import { compileRequiredNodeAffinity, requiredNodeAffinityMatches } from './nodeAffinity'

const spec = (extra: Partial<PodSpec> = {}): PodSpec => ({ containers: [], ...extra })
const req = (key: string, operator: string, values?: string[]): NodeSelectorRequirement => ({
  key,
  operator,
  ...(values !== undefined ? { values } : {}),
})
const required = (...nodeSelectorTerms: NodeSelectorTerm[]): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } },
})
const withAffinity = (...terms: NodeSelectorTerm[]): PodSpec => spec({ affinity: required(...terms) })

describe('TestPodMatchesNodeSelectorAndAffinityTerms (nodeaffinity_test.go)', () => {
  it.each<[string, PodSpec, Record<string, string> | undefined, string, boolean]>([
    ['no selector', spec(), undefined, '', true],
    ['missing labels', spec({ nodeSelector: { foo: 'bar' } }), undefined, '', false],
    ['same labels', spec({ nodeSelector: { foo: 'bar' } }), { foo: 'bar' }, '', true],
    ['node labels are superset', spec({ nodeSelector: { foo: 'bar' } }), { foo: 'bar', baz: 'blah' }, '', true],
    ['node labels are subset', spec({ nodeSelector: { foo: 'bar', baz: 'blah' } }), { foo: 'bar' }, '', false],
    ['Pod with matchExpressions using In operator that matches the existing node',
      withAffinity({ matchExpressions: [req('foo', 'In', ['bar', 'value2'])] }), { foo: 'bar' }, '', true],
    ['Pod with matchExpressions using Gt operator that matches the existing node',
      withAffinity({ matchExpressions: [req('kernel-version', 'Gt', ['0204'])] }), { 'kernel-version': '0206' }, '', true],
    ['Pod with matchExpressions using NotIn operator that matches the existing node',
      withAffinity({ matchExpressions: [req('mem-type', 'NotIn', ['DDR', 'DDR2'])] }), { 'mem-type': 'DDR3' }, '', true],
    ['Pod with matchExpressions using Exists operator that matches the existing node',
      withAffinity({ matchExpressions: [req('GPU', 'Exists')] }), { GPU: 'NVIDIA-GRID-K1' }, '', true],
    ["Pod with affinity that don't match node's labels won't schedule onto the node",
      withAffinity({ matchExpressions: [req('foo', 'In', ['value1', 'value2'])] }), { foo: 'bar' }, '', false],
    ["Pod with a nil []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
      spec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } } }), { foo: 'bar' }, '', false],
    ["Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
      withAffinity(), { foo: 'bar' }, '', false],
    ["Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
      withAffinity({ matchExpressions: [] }), { foo: 'bar' }, '', false],
    ['Pod with no Affinity will schedule onto a node', spec(), { foo: 'bar' }, '', true],
    ['Pod with Affinity but nil NodeSelector will schedule onto a node',
      spec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: null } } }), { foo: 'bar' }, '', true],
    ['Pod with multiple matchExpressions ANDed that matches the existing node',
      withAffinity({ matchExpressions: [req('GPU', 'Exists'), req('GPU', 'NotIn', ['AMD', 'INTER'])] }), { GPU: 'NVIDIA-GRID-K1' }, '', true],
    ["Pod with multiple matchExpressions ANDed that doesn't match the existing node",
      withAffinity({ matchExpressions: [req('GPU', 'Exists'), req('GPU', 'In', ['AMD', 'INTER'])] }), { GPU: 'NVIDIA-GRID-K1' }, '', false],
    ["Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
      withAffinity({ matchExpressions: [req('foo', 'In', ['bar', 'value2'])] }, { matchExpressions: [req('diffkey', 'In', ['wrong', 'value2'])] }),
      { foo: 'bar' }, '', true],
    ['Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
      spec({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [req('foo', 'Exists')] }) }), { foo: 'bar' }, '', true],
    ["Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
      spec({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [req('foo', 'Exists')] }) }), { foo: 'barrrrrr' }, '', false],
    ["Pod with an invalid value in Affinity term won't be scheduled onto the node",
      withAffinity({ matchExpressions: [req('foo', 'NotIn', ['invalid value: ___@#$%^'])] }), { foo: 'bar' }, '', false],
    ['Pod with matchFields using In operator that matches the existing node',
      withAffinity({ matchFields: [req('metadata.name', 'In', ['node_1'])] }), undefined, 'node_1', true],
    ['Pod with matchFields using In operator that does not match the existing node',
      withAffinity({ matchFields: [req('metadata.name', 'In', ['node_1'])] }), undefined, 'node_2', false],
    ['Pod with two terms: matchFields does not match, but matchExpressions matches',
      withAffinity({ matchFields: [req('metadata.name', 'In', ['node_1'])] }, { matchExpressions: [req('foo', 'In', ['bar'])] }),
      { foo: 'bar' }, 'node_2', true],
    ['Pod with one term: matchFields does not match, but matchExpressions matches',
      withAffinity({ matchFields: [req('metadata.name', 'In', ['node_1'])], matchExpressions: [req('foo', 'In', ['bar'])] }),
      { foo: 'bar' }, 'node_2', false],
    ['Pod with one term: both matchFields and matchExpressions match',
      withAffinity({ matchFields: [req('metadata.name', 'In', ['node_1'])], matchExpressions: [req('foo', 'In', ['bar'])] }),
      { foo: 'bar' }, 'node_1', true],
    ['Pod with two terms: both matchFields and matchExpressions do not match',
      withAffinity({ matchFields: [req('metadata.name', 'In', ['node_1'])] }, { matchExpressions: [req('foo', 'In', ['not-match-to-bar'])] }),
      { foo: 'bar' }, 'node_2', false],
  ])('%s', (_name, podSpec, labels, nodeName, want) => {
    const node: Node = { metadata: { name: nodeName, ...(labels ? { labels } : {}) } }
    expect(E.getOrElse(() => false)(requiredNodeAffinityMatches(podSpec, node))).toBe(want)
  })
})

describe('compileRequiredNodeAffinity (GetRequiredNodeAffinity)', () => {
  const node: Node = { metadata: { name: 'n', labels: { foo: 'bar' } } }

  it('keeps the nodeSelector and the affinity apart, so callers can tell which one failed', () => {
    const compiled = compileRequiredNodeAffinity(spec({ nodeSelector: { foo: 'baz' }, affinity: required({ matchExpressions: [req('foo', 'Exists')] }) }))
    expect(compiled.matchesNodeSelector(node)).toBe(false)
    expect(compiled.matchesAffinity(node)).toEqual(E.right(true))
  })

  it.each<[string, Partial<PodSpec>]>([
    ['null nodeSelector', { nodeSelector: null }],
    ['empty nodeSelector', { nodeSelector: {} }],
    ['null affinity', { affinity: null }],
    ['null nodeAffinity', { affinity: { nodeAffinity: null } }],
    ['only preferred affinity', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1 }] } } }],
  ])('%s imposes nothing', (_name, extra) => {
    expect(requiredNodeAffinityMatches(spec(extra), node)).toEqual(E.right(true))
  })

  it('the nodeSelector is not validated (labels.SelectorFromSet): an odd key simply has to be there', () => {
    expect(requiredNodeAffinityMatches(spec({ nodeSelector: { 'bad key': 'x y' } }), { metadata: { labels: { 'bad key': 'x y' } } })).toEqual(E.right(true))
  })

  it('reports the parse error only when the nodeSelector passed and no term matched', () => {
    const bad = spec({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [req('foo', 'In')] }) })
    expect(requiredNodeAffinityMatches(bad, node)).toEqual(
      E.left(`nodeSelectorTerms[0].matchExpressions[0].values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty`),
    )
    expect(requiredNodeAffinityMatches(bad, { metadata: { name: 'n' } })).toEqual(E.right(false))
  })
})
