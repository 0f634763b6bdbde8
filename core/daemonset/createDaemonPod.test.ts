import type { Affinity, DaemonSet } from '../api'
import { createDaemonPod, daemonPodPrefix } from './createDaemonPod'
import { isPodUpdated, templateGenerationOf } from './podRevision'
import { newDaemonSet } from './testing/fixtures'

/** Ports of pkg/controller/daemon/util/daemonset_util_test.go: TestIsPodUpdated, TestCreatePodTemplate, TestReplaceDaemonSetPodNodeNameNodeAffinity. */

const podWithLabels = (labels: Record<string, string> | undefined) => {
  const ds = newDaemonSet('foo')
  const pod = createDaemonPod(ds, 'node1', '', undefined)
  return { ...pod, metadata: { ...pod.metadata, name: 'pod1', ...(labels !== undefined ? { labels } : { labels: {} }) } }
}

describe('TestIsPodUpdated', () => {
  const templateGeneration = 12345
  const badGeneration = 12346
  const hash = '55555'
  const labels = { 'pod-template-generation': String(templateGeneration), 'controller-revision-hash': hash }
  const labelsNoHash = { 'pod-template-generation': String(templateGeneration) }
  it.each([
    ['templateGeneration and hash both match', templateGeneration, labels, hash, true],
    ["templateGeneration matches, hash doesn't", templateGeneration, labels, `${hash}123`, true],
    ['templateGeneration matches, no hash label, has hash', templateGeneration, labelsNoHash, hash, true],
    ['templateGeneration matches, no hash label, no hash', templateGeneration, labelsNoHash, '', true],
    ['templateGeneration matches, has hash label, no hash', templateGeneration, labels, '', true],
    ["templateGeneration doesn't match, hash does", badGeneration, labels, hash, true],
    ["templateGeneration and hash don't match", badGeneration, labels, `${hash}123`, false],
    ['empty labels, no hash', templateGeneration, {}, '', false],
    ['empty labels', templateGeneration, {}, hash, false],
    ['no labels', templateGeneration, undefined, hash, false],
  ] as const)('%s', (_, generation, podLabels, h, updated) => {
    expect(isPodUpdated(podWithLabels(podLabels === undefined ? undefined : { ...podLabels }), h, generation)).toBe(updated)
  })

  it('without a template generation only the hash decides', () => {
    expect(isPodUpdated(podWithLabels({ ...labelsNoHash }), hash, undefined)).toBe(false)
    expect(isPodUpdated(podWithLabels({ ...labels }), hash, undefined)).toBe(true)
  })

  it('GetTemplateGeneration reads the deprecated annotation; an unparsable one counts as none', () => {
    const ds = newDaemonSet('foo')
    const annotated = (value: string): DaemonSet => ({ ...ds, metadata: { ...ds.metadata, annotations: { 'deprecated.daemonset.template.generation': value } } })
    expect(templateGenerationOf(ds)).toBeUndefined()
    expect(templateGenerationOf(annotated('7'))).toBe(7)
    expect(templateGenerationOf(annotated('x'))).toBeUndefined()
  })
})

describe('TestCreatePodTemplate', () => {
  it.each([
    [1, '', false],
    [2, '3242341807', true],
  ] as const)('generation %d, hash %j', (generation, hash, expectUniqueLabel) => {
    const pod = createDaemonPod(newDaemonSet('foo'), 'node-0', hash, generation)
    expect(pod.metadata.labels?.['pod-template-generation']).toBe(String(generation))
    if (expectUniqueLabel) expect(pod.metadata.labels?.['controller-revision-hash']).toBe(hash)
    else expect(pod.metadata.labels).not.toHaveProperty('controller-revision-hash')
  })

  it('the default daemon tolerations are added; network-unavailable only with hostNetwork', () => {
    const keys = (ds: DaemonSet) => (createDaemonPod(ds, 'n', 'h', undefined).spec.tolerations ?? []).map((t) => `${t.key ?? ''}:${t.effect ?? ''}`)
    expect(keys(newDaemonSet('foo'))).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ])
    expect(keys(newDaemonSet('foo', { podSpec: { hostNetwork: true } }))).toContain('node.kubernetes.io/network-unavailable:NoSchedule')
  })

  it('generateName is "<ds>-" when valid, else the bare name', () => {
    expect(createDaemonPod(newDaemonSet('foo'), 'n', 'h', undefined).metadata.generateName).toBe('foo-')
    expect(daemonPodPrefix('Foo')).toBe('Foo')
  })
})

describe('TestReplaceDaemonSetPodNodeNameNodeAffinity (through the created pod)', () => {
  const pin = (host: string) => ({
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [host] }] }],
    },
  })
  const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['host_1'] }] } }]
  const required = (terms: unknown[]): Affinity => ({
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms as never } },
  })
  it.each([
    ['no affinity', undefined, { nodeAffinity: pin('host_1') }],
    [
      'a hostname matchExpression is replaced',
      required([{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['host_1'] }] }]),
      { nodeAffinity: pin('host_1') },
    ],
    [
      'preferred terms are kept',
      { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } },
      { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred, ...pin('host_1') } },
    ],
    [
      'a multi-valued metadata.name term is replaced',
      required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_1', 'host_2'] }] }]),
      { nodeAffinity: pin('host_1') },
    ],
    [
      'several terms collapse to the single pin',
      required([
        { matchExpressions: [{ key: 'hostname', operator: 'In', values: ['host_1'] }] },
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_2'] }] },
      ]),
      { nodeAffinity: pin('host_1') },
    ],
    [
      'a NotIn term is replaced',
      required([{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['host_2'] }] }]),
      { nodeAffinity: pin('host_1') },
    ],
    [
      'an unknown matchFields key is replaced',
      required([{ matchFields: [{ key: 'metadata.foo', operator: 'In', values: ['bar'] }] }]),
      { nodeAffinity: pin('host_1') },
    ],
  ] as const)('%s', (_, affinity, expected) => {
    const ds = newDaemonSet('foo', affinity === undefined ? {} : { podSpec: { affinity } })
    expect(createDaemonPod(ds, 'host_1', 'h', undefined).spec.affinity).toEqual(expected)
  })
})
