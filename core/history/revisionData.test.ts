import * as E from 'fp-ts/Either'
import type { DaemonSet, PodTemplateSpec } from '../api'
import { applyRevision } from './applyRevision'
import { canonicalJson } from './canonicalJson'
import { matchesRevision, revisionPatch, wireTemplate } from './revisionData'
import { snapshotRevision } from './snapshot'

const daemonSet = (template: PodTemplateSpec, annotations?: Record<string, string>): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'fluentd', namespace: 'kube-system', uid: 'uid-1', ...(annotations ? { annotations } : {}) },
  spec: { selector: { matchLabels: { name: 'fluentd' } }, template },
})

const fluentd = (image: string): PodTemplateSpec => ({
  metadata: { labels: { name: 'fluentd' } },
  spec: { containers: [{ name: 'fluentd', image }] },
})

describe('revisionPatch (getPatch)', () => {
  it('writes the exact bytes upstream stores, with creationTimestamp null', () => {
    expect(canonicalJson(revisionPatch(daemonSet(fluentd('img:1'))))).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"name":"fluentd"}},' +
        '"spec":{"containers":[{"image":"img:1","name":"fluentd"}]}}}}',
    )
  })

  it('adds metadata when the template has none', () => {
    expect(wireTemplate({ spec: { containers: [{ name: 'c' }] } })).toEqual({
      metadata: { creationTimestamp: null },
      spec: { containers: [{ name: 'c' }] },
    })
  })

  it('keeps struct-typed empty objects such as resources: {}', () => {
    const wire = wireTemplate({ spec: { containers: [{ name: 'c', resources: {} }], nodeSelector: {} } })
    expect(wire).toEqual({ metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'c', resources: {} }] } })
  })
})

describe('matchesRevision (Match)', () => {
  const ds = daemonSet(fluentd('img:1'))
  const revision = snapshotRevision(ds, 1, 'h1')

  it.each<[string, DaemonSet, boolean]>([
    ['same template', ds, true],
    ['changed image', daemonSet(fluentd('img:2')), false],
    ['metadata-only change (TestDaemonSetUpdatesNoTemplateChanged)', daemonSet(fluentd('img:1'), { a: 'b' }), true],
    ['strategy-only change', { ...ds, spec: { ...ds.spec, updateStrategy: { type: 'OnDelete' } } }, true],
    ['template label change', daemonSet({ ...fluentd('img:1'), metadata: { labels: { name: 'fluentd', v: '2' } } }), false],
  ])('%s', (_name, candidate, expected) => {
    expect(matchesRevision(candidate, revision)).toBe(expected)
  })

  it('compares canonically, whatever the key order of stored data', () => {
    const stored = {
      spec: {
        template: {
          spec: { containers: [{ name: 'fluentd', image: 'img:1' }] },
          metadata: { labels: { name: 'fluentd' }, creationTimestamp: null },
          $patch: 'replace',
        },
      },
    }
    expect(matchesRevision(ds, { ...revision, data: stored })).toBe(true)
  })
})

describe('snapshotRevision (snapshot)', () => {
  it('builds the revision object', () => {
    const ds = daemonSet(fluentd('img:1'), { 'kubernetes.io/change-cause': 'kubectl apply', 'deprecated.daemonset.template.generation': '1' })
    const revision = snapshotRevision(ds, 4, 'abc')
    expect(revision).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: 'fluentd-abc',
        namespace: 'kube-system',
        labels: { name: 'fluentd', 'controller-revision-hash': 'abc' },
        annotations: { 'kubernetes.io/change-cause': 'kubectl apply', 'deprecated.daemonset.template.generation': '1' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'uid-1', controller: true, blockOwnerDeletion: true }],
      },
      data: revisionPatch(ds),
      revision: 4,
    })
    expect(revision.metadata.annotations).not.toBe(ds.metadata.annotations)
  })

  it('has no annotations when the DaemonSet has none', () => {
    expect(snapshotRevision(daemonSet(fluentd('img:1')), 1, 'h').metadata).not.toHaveProperty('annotations')
  })
})

describe('applyRevision (kubectl TestApplyDaemonSetHistory)', () => {
  const t = (annotations: Record<string, string> | undefined, spec: PodTemplateSpec['spec']): PodTemplateSpec => ({
    ...(annotations ? { metadata: { annotations } } : {}),
    spec,
  })
  it.each<[string, PodTemplateSpec, PodTemplateSpec]>([
    [
      'test_less',
      t({ version: 'v3' }, { initContainers: [{ name: 'i0' }], containers: [{ name: 'c0' }], nodeSelector: { '1dsa': 'n0' }, tolerations: [{ key: 't0' }] }),
      t(undefined, { containers: [{ name: 'c1' }], initContainers: [] }),
    ],
    ['test_more', t(undefined, { initContainers: [{ name: 'i0' }], containers: [] }), t({ version: 'v3' }, { initContainers: [{ name: 'i1' }], containers: [{ name: 'c1' }] })],
    ['test_equal', t({ version: 'v0' }, { containers: [{ name: 'c1' }], initContainers: [{ name: 'i0' }] }), t({ version: 'v1' }, { initContainers: [{ name: 'i1' }], containers: [{ name: 'c1' }] })],
  ])('%s', (_name, source, expected) => {
    const revision = { metadata: { name: 'r' }, revision: 1, data: revisionPatch(daemonSet(expected)) }
    const applied = applyRevision(daemonSet(source), revision)
    expect(E.isRight(applied) && wireTemplate(applied.right.spec.template)).toEqual(wireTemplate(expected))
    expect(E.isRight(applied) && applied.right.spec.selector).toEqual({ matchLabels: { name: 'fluentd' } })
  })

  it('fails with kubectl text when data holds no template', () => {
    expect(applyRevision(daemonSet(fluentd('x')), { metadata: { name: 'fluentd-h' }, revision: 1, data: { spec: {} } })).toEqual(
      E.left('unable to parse history fluentd-h'),
    )
  })
})
