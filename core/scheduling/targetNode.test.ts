import * as E from 'fp-ts/Either'
import type { Affinity, NodeSelectorTerm, Pod, PodSpec } from '../api'
import { pinAffinityToNode, pinToNode, targetNodeOf } from './targetNode'

const pod = (name: string, spec: Partial<PodSpec>, namespace: string | null = 'default'): Pod => ({
  metadata: { name, ...(namespace !== null ? { namespace } : {}) },
  spec: { containers: [], ...spec },
})
const requiredTerms = (...nodeSelectorTerms: NodeSelectorTerm[]): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } },
})
const nameIn = (...values: string[]): NodeSelectorTerm => ({ matchFields: [{ key: 'metadata.name', operator: 'In', values }] })
const hostIn = (value: string): NodeSelectorTerm => ({
  matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [value] }],
})
const preferred = [{ weight: 1, preference: hostIn('host_1') }]

describe('TestGetTargetNodeName (daemonset_util_test.go)', () => {
  it.each<[string, Pod, E.Either<string, string>]>([
    ['pod1: spec.nodeName', pod('pod1', { nodeName: 'node-1' }), E.right('node-1')],
    ['pod2: matchFields metadata.name In', pod('pod2', { affinity: requiredTerms(nameIn('node-1')) }), E.right('node-1')],
    ['pod3: two names are not unique', pod('pod3', { affinity: requiredTerms(nameIn('node-1', 'node-2')) }),
      E.left(`the matchFields value of 'metadata.name' is not unique for pod default/pod3`)],
    ['pod4: no affinity', pod('pod4', {}), E.left('no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod default/pod4')],
    ['no terms', pod('p', { affinity: requiredTerms() }), E.left('no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod default/p')],
    ['null nodeAffinity', pod('p', { affinity: { nodeAffinity: null } }),
      E.left('no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod default/p')],
    ['only label terms', pod('p', { affinity: requiredTerms(hostIn('node-1')) }), E.left('no node name found for pod default/p')],
    ['NotIn does not name a node', pod('p', { affinity: requiredTerms({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['x'] }] }) }),
      E.left('no node name found for pod default/p')],
    ['the first metadata.name In across terms', pod('p', { affinity: requiredTerms(hostIn('a'), nameIn('node-2'), nameIn('node-3')) }), E.right('node-2')],
    ['spec.nodeName wins over affinity', pod('p', { nodeName: 'node-9', affinity: requiredTerms(nameIn('node-1')) }), E.right('node-9')],
    ['an unset namespace prints empty', pod('p', {}, null), E.left('no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod /p')],
  ])('%s', (_name, p, want) => {
    expect(targetNodeOf(p)).toEqual(want)
  })
})

describe('TestReplaceDaemonSetPodNodeNameNodeAffinity (daemonset_util_test.go)', () => {
  const pinned = requiredTerms(nameIn('host_1'))
  it.each<[string, Affinity | null | undefined, Affinity]>([
    ['nil affinity', undefined, pinned],
    ['null affinity', null, pinned],
    ['hostname In term replaced', requiredTerms(hostIn('host_1')), pinned],
    ['preferred affinity kept', { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } },
      { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred, ...pinned.nodeAffinity } }],
    ['two names narrowed to one', requiredTerms(nameIn('host_1', 'host_2')), pinned],
    ['label and field terms replaced by one', requiredTerms(hostIn('host_1'), nameIn('host_2')), pinned],
    ['NotIn replaced', requiredTerms({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['host_2'] }] }), pinned],
    ['unknown field key replaced', requiredTerms({ matchFields: [{ key: 'metadata.foo', operator: 'In', values: ['bar'] }] }), pinned],
    ['null nodeAffinity', { nodeAffinity: null }, pinned],
    ['null required', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: null } }, pinned],
    ['pod (anti-)affinity kept', { podAffinity: { x: 1 }, podAntiAffinity: { y: 2 } }, { podAffinity: { x: 1 }, podAntiAffinity: { y: 2 }, ...pinned }],
  ])('%s', (_name, affinity, want) => {
    expect(pinAffinityToNode(affinity, 'host_1')).toEqual(want)
  })

  it('pinToNode leaves spec.nodeName and the input alone', () => {
    const input: PodSpec = { containers: [], nodeName: 'tmpl', affinity: requiredTerms(hostIn('a')) }
    const snapshot = JSON.stringify(input)
    const out = pinToNode(input, 'node-1')
    expect(out.nodeName).toBe('tmpl')
    expect(out.affinity).toEqual(requiredTerms(nameIn('node-1')))
    expect(JSON.stringify(input)).toBe(snapshot)
  })

  it('round-trips through targetNodeOf', () => {
    expect(targetNodeOf({ metadata: { name: 'p', namespace: 'ns' }, spec: pinToNode({ containers: [] }, 'node-7') })).toEqual(E.right('node-7'))
  })
})
