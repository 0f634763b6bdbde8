import * as E from 'fp-ts/Either'
import { Resources, type KubeObject } from '../runtime/clusterApi'
import { jsonPatch } from './jsonPatch'
import { strategicMergePatch } from './strategicMergePatch'
import { createDaemonSet, createPod, left, newWorld, right } from './testing/fixtures'

const ds = Resources.daemonSets
const podSpecOf = (o: KubeObject) => (o['spec'] as { template: { spec: { containers: ReadonlyArray<Record<string, unknown>> } } }).template.spec

describe('strategicMergePatch', () => {
  const original = {
    spec: {
      containers: [
        { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] },
        { name: 'b', image: 'b:1' },
      ],
      tolerations: [{ key: 'k1' }],
      volumes: [{ name: 'v1', emptyDir: {} }],
    },
    metadata: { finalizers: ['f1'], labels: { a: '1', b: '2' } },
  }

  it('merges lists of maps by their merge key and replaces other lists', () => {
    const patched = strategicMergePatch(original, {
      spec: {
        containers: [{ name: 'b', image: 'b:2' }, { name: 'c', image: 'c:1' }, { name: 'a', env: [{ name: 'Y', value: '3' }], ports: [{ containerPort: 80, protocol: 'TCP' }] }],
        tolerations: [{ key: 'k2' }],
      },
      metadata: { labels: { b: null, c: '3' }, finalizers: ['f2'] },
    })
    expect(patched).toEqual({
      spec: {
        containers: [
          { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '3' }], ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }] },
          { name: 'b', image: 'b:2' },
          { name: 'c', image: 'c:1' },
        ],
        tolerations: [{ key: 'k2' }],
        volumes: [{ name: 'v1', emptyDir: {} }],
      },
      metadata: { finalizers: ['f1', 'f2'], labels: { a: '1', c: '3' } },
    })
  })

  it('honours $patch replace and delete, $deleteFromPrimitiveList and $retainKeys, and ignores $setElementOrder', () => {
    const patched = strategicMergePatch(original, {
      spec: {
        '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
        containers: [{ name: 'b', $patch: 'delete' }],
        volumes: [{ name: 'v2', hostPath: { path: '/x' } }, { $patch: 'replace' }],
      },
      metadata: { $patch: 'replace', labels: { only: 'this' } },
      '$deleteFromPrimitiveList/none': ['x'],
    }) as typeof original
    expect(patched.spec.containers.map((c) => c.name)).toEqual(['a'])
    expect(patched.spec.volumes).toEqual([{ name: 'v2', hostPath: { path: '/x' } }])
    expect(patched.metadata).toEqual({ labels: { only: 'this' } })
    expect(strategicMergePatch(original, { metadata: { '$deleteFromPrimitiveList/finalizers': ['f1'] } })).toMatchObject({ metadata: { finalizers: [] } })
    expect(strategicMergePatch({ s: { type: 'A', a: 1, b: 2 } }, { s: { $retainKeys: ['type', 'b'], type: 'B' } })).toEqual({ s: { type: 'B', b: 2 } })
    expect(strategicMergePatch({ a: { b: 1 }, c: 1 }, { a: { $patch: 'delete' } })).toEqual({ c: 1 })
  })
})

describe('jsonPatch', () => {
  it('applies RFC 6902 operations in order', () => {
    const doc = { a: { b: [1, 2] }, c: 'x' }
    const result = jsonPatch(doc, [
      { op: 'add', path: '/a/b/-', value: 3 },
      { op: 'add', path: '/a/b/0', value: 0 },
      { op: 'replace', path: '/c', value: 'y' },
      { op: 'copy', from: '/c', path: '/d~1e' },
      { op: 'move', from: '/a/b', path: '/list' },
      { op: 'remove', path: '/a' },
      { op: 'test', path: '/list/3', value: 3 },
    ])
    expect(result).toEqual(E.right({ c: 'y', 'd/e': 'y', list: [0, 1, 2, 3] }))
    expect(doc).toEqual({ a: { b: [1, 2] }, c: 'x' })
  })

  it('fails the whole patch on the first failing operation', () => {
    expect(jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toEqual(E.left('testing value /a failed: test failed'))
    expect(E.isLeft(jsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }]))).toBe(true)
    expect(E.isLeft(jsonPatch({ a: 1 }, { op: 'remove' }))).toBe(true)
  })
})

describe('createMemoryStore: patch', () => {
  it('applies a JSON merge patch as an update (generation, conflict on a stale resourceVersion in the patch)', () => {
    const { store } = newWorld()
    createDaemonSet(store, 'fluentd')
    const patched = right(store.patch({ resource: ds, name: 'fluentd', patchType: 'application/merge-patch+json', patch: { spec: { minReadySeconds: 3 }, status: { numberReady: 9 } } }))
    expect(patched['spec']).toMatchObject({ minReadySeconds: 3 })
    expect(patched['status']).toMatchObject({ numberReady: 0 })
    expect(patched.metadata.generation).toBe(2)
    const stale = store.patch({ resource: ds, name: 'fluentd', patchType: 'application/merge-patch+json', patch: { metadata: { resourceVersion: '1', labels: { a: 'b' } } } })
    expect(left(stale).reason).toBe('Conflict')
  })

  it('applies kubectl set image’s strategic merge patch and rollout undo’s $patch: replace', () => {
    const { store } = newWorld()
    const v1 = createDaemonSet(store, 'fluentd')
    const setImage = {
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'c' }], containers: [{ image: 'img:2', name: 'c' }] } } },
    }
    const v2 = right(store.patch({ resource: ds, name: 'fluentd', patchType: 'application/strategic-merge-patch+json', patch: setImage }))
    expect(podSpecOf(v2).containers).toEqual([expect.objectContaining({ name: 'c', image: 'img:2', imagePullPolicy: 'IfNotPresent' })])
    expect(v2.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2')
    const template = (v1['spec'] as { template: Record<string, unknown> }).template
    const undo = { spec: { template: { ...template, $patch: 'replace' } } }
    const v3 = right(store.patch({ resource: ds, name: 'fluentd', patchType: 'application/strategic-merge-patch+json', patch: undo }))
    expect(podSpecOf(v3).containers[0]).toMatchObject({ image: 'img:1' })
    expect(v3.metadata.generation).toBe(3)
  })

  it('applies a JSON patch, and a status patch through the subresource', () => {
    const { store } = newWorld()
    createPod(store, 'p', { labels: { a: 'b' } })
    const relabelled = right(store.patch({ resource: Resources.pods, name: 'p', patchType: 'application/json-patch+json', patch: [{ op: 'replace', path: '/metadata/labels/a', value: 'c' }] }))
    expect(relabelled.metadata.labels).toEqual({ a: 'c' })
    const failed = left(store.patch({ resource: Resources.pods, name: 'p', patchType: 'application/json-patch+json', patch: [{ op: 'test', path: '/metadata/labels/a', value: 'z' }] }))
    expect(failed.code).toBe(422)
    const running = right(store.patch({ resource: Resources.pods, name: 'p', subresource: 'status', patchType: 'application/merge-patch+json', patch: { status: { phase: 'Running' }, metadata: { labels: null } } }))
    expect(running['status']).toEqual({ phase: 'Running' })
    expect(running.metadata.labels).toEqual({ a: 'c' })
    const bogus = left(store.patch({ resource: Resources.pods, name: 'p', subresource: 'status', patchType: 'application/merge-patch+json', patch: { status: { phase: 'Sleeping' } } }))
    expect(bogus.code).toBe(422)
  })
})
