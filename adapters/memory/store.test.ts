import * as E from 'fp-ts/Either'
import { formatManifestError, decodeManifest } from '../../core/api'
import { Resources } from '../runtime/clusterApi'
import { kubectlMessage } from './errors'
import { createDaemonSet, createPod, daemonSet, left, names, newWorld, right, t0 } from './testing/fixtures'

const ds = Resources.daemonSets

describe('createMemoryStore: create and get', () => {
  it('stamps uid, resourceVersion, generation and creationTimestamp, and applies defaults', () => {
    const { store, clock } = newWorld()
    clock.advanceBy(1500)
    const created = createDaemonSet(store, 'fluentd')
    expect(created.metadata).toMatchObject({
      name: 'fluentd',
      namespace: 'default',
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '2026-01-01T00:00:01Z',
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    })
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(created['spec']).toMatchObject({ revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate' } })
    expect(created['status']).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 })
    expect(right(store.get({ resource: ds, namespace: 'default', name: 'fluentd' }))).toBe(created)
    expect(Object.isFrozen(created.metadata)).toBe(true)
  })

  it('answers NotFound and AlreadyExists with the apiserver’s Status', () => {
    const { store } = newWorld()
    createDaemonSet(store, 'fluentd')
    expect(left(store.create({ resource: ds, body: daemonSet('fluentd') }))).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'daemonsets.apps "fluentd" already exists',
    })
    const missing = left(store.get({ resource: ds, name: 'nosuch' }))
    expect(missing).toMatchObject({ kind: 'Status', status: 'Failure', code: 404, reason: 'NotFound', details: { name: 'nosuch', group: 'apps', kind: 'daemonsets' } })
    expect(kubectlMessage(missing)).toBe('Error from server (NotFound): daemonsets.apps "nosuch" not found')
    expect(left(store.get({ resource: Resources.pods, name: 'p' })).message).toBe('pods "p" not found')
  })

  it('names generateName objects deterministically from the seed', () => {
    const run = (seed: number) => {
      const { store } = newWorld({ seed })
      return [1, 2, 3].map(() => right(store.create({ resource: Resources.pods, body: { ...podBody(), metadata: { generateName: 'fluentd-' } } })))
    }
    const [a, b] = [run(7), run(7)]
    expect(names(a)).toEqual(names(b))
    expect(a.map((p) => p.metadata.uid)).toEqual(b.map((p) => p.metadata.uid))
    for (const p of a) expect(p.metadata.name).toMatch(/^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(new Set(names(a)).size).toBe(3)
    expect(names(run(8))).not.toEqual(names(a))
  })

  it('rejects an invalid object with 422 and kubectl’s text, changing nothing', () => {
    const { store } = newWorld()
    createDaemonSet(store, 'fluentd')
    const before = store.entries()
    const rv = store.resourceVersion()
    const bad = { ...daemonSet('broken'), spec: { ...(daemonSet('broken')['spec'] as object), selector: { matchLabels: { app: 'other' } } } }
    const status = left(store.create({ resource: ds, body: bad }))
    expect(status).toMatchObject({ code: 422, reason: 'Invalid', details: { kind: 'DaemonSet', group: 'apps', name: 'broken' } })
    expect(status.message).toMatch(/^DaemonSet\.apps "broken" is invalid: spec\.template\.metadata\.labels: Invalid value/)
    const expected = decodeManifest({ ...bad, metadata: { name: 'broken', namespace: 'default' } })
    expect(E.isLeft(expected) && formatManifestError(expected.left)).toEqual([kubectlMessage(status)])
    expect(store.entries()).toEqual(before)
    expect(store.resourceVersion()).toBe(rv)
    // A rejected update leaves the stored object as it was too.
    const stored = right(store.get({ resource: ds, name: 'fluentd' }))
    expect(left(store.update({ resource: ds, name: 'fluentd', body: { ...stored, spec: { ...(stored['spec'] as object), minReadySeconds: -1 } } })).code).toBe(422)
    expect(right(store.get({ resource: ds, name: 'fluentd' }))).toBe(stored)
  })

  it('requires a name or generateName', () => {
    const { store } = newWorld()
    expect(kubectlMessage(left(store.create({ resource: Resources.pods, body: podBody() })))).toBe(
      'The Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    )
  })
})

describe('createMemoryStore: list', () => {
  it('filters by namespace, labels and fields and returns the list resourceVersion', () => {
    const { store } = newWorld()
    createPod(store, 'a', { nodeName: 'n1', labels: { app: 'web', tier: 'fe' } })
    createPod(store, 'b', { nodeName: 'n2', labels: { app: 'web' } })
    createPod(store, 'c', { labels: { app: 'db' } })
    right(store.create({ resource: Resources.pods, namespace: 'kube-system', body: { ...podBody(), metadata: { name: 'a' } } }))
    const list = (request: Omit<Parameters<typeof store.list>[0], 'resource'>) => names(right(store.list({ resource: Resources.pods, ...request })).items)
    expect(right(store.list({ resource: Resources.pods })).metadata.resourceVersion).toBe('4')
    expect(right(store.list({ resource: Resources.pods })).kind).toBe('PodList')
    expect(list({})).toEqual(['a', 'b', 'c', 'a'])
    expect(list({ namespace: 'default' })).toEqual(['a', 'b', 'c'])
    expect(list({ namespace: 'default', labelSelector: 'app=web,!tier' })).toEqual(['b'])
    expect(list({ labelSelector: 'app in (web,db)' })).toEqual(['a', 'b', 'c'])
    expect(list({ fieldSelector: 'spec.nodeName=n1' })).toEqual(['a'])
    expect(list({ fieldSelector: 'spec.nodeName=' })).toEqual(['c', 'a'])
    expect(list({ fieldSelector: 'metadata.namespace!=default,status.phase=Pending' })).toEqual(['a'])
    expect(left(store.list({ resource: Resources.pods, fieldSelector: 'spec.image=x' })).message).toBe('field label not supported: spec.image')
    expect(left(store.list({ resource: Resources.pods, labelSelector: 'a in' })).code).toBe(400)
  })
})

describe('createMemoryStore: update', () => {
  it('fails with 409 Conflict on a stale resourceVersion and accepts the latest one', () => {
    const { store } = newWorld()
    const v1 = createDaemonSet(store, 'fluentd')
    const v2 = right(store.update({ resource: ds, name: 'fluentd', body: { ...v1, metadata: { ...v1.metadata, labels: { x: '1' } } } }))
    expect(v2.metadata.resourceVersion).toBe('2')
    const stale = left(store.update({ resource: ds, name: 'fluentd', body: { ...v1, metadata: { ...v1.metadata, labels: { x: '2' } } } }))
    expect(stale).toMatchObject({ code: 409, reason: 'Conflict' })
    expect(stale.message).toBe(
      'Operation cannot be fulfilled on daemonsets.apps "fluentd": the object has been modified; please apply your changes to the latest version and try again',
    )
    const v3 = right(store.update({ resource: ds, name: 'fluentd', body: { ...v2, metadata: { ...v2.metadata, labels: { x: '3' } } } }))
    expect(v3.metadata.labels).toEqual({ x: '3' })
  })

  it('bumps generation only when spec changes, and the template generation only when the template does', () => {
    const { store } = newWorld()
    const v1 = createDaemonSet(store, 'fluentd')
    const annotation = (o: typeof v1) => o.metadata.annotations?.['deprecated.daemonset.template.generation']
    const labelled = right(store.update({ resource: ds, name: 'fluentd', body: { ...v1, metadata: { ...v1.metadata, labels: { a: 'b' } } } }))
    expect([labelled.metadata.generation, annotation(labelled)]).toEqual([1, '1'])
    const spec = labelled['spec'] as Record<string, unknown>
    const slower = right(store.update({ resource: ds, name: 'fluentd', body: { ...labelled, spec: { ...spec, minReadySeconds: 5 } } }))
    expect([slower.metadata.generation, annotation(slower)]).toEqual([2, '1'])
    const image = daemonSet('fluentd', { app: 'fluentd' }, 'img:2')['spec'] as Record<string, unknown>
    const rolled = right(store.update({ resource: ds, name: 'fluentd', body: { ...slower, spec: { ...(slower['spec'] as object), template: image['template'] } } }))
    expect([rolled.metadata.generation, annotation(rolled)]).toEqual([3, '2'])
    // A client cannot set the annotation itself.
    const forged = right(store.update({ resource: ds, name: 'fluentd', body: { ...rolled, metadata: { ...rolled.metadata, annotations: { 'deprecated.daemonset.template.generation': '9' } } } }))
    expect(annotation(forged)).toBe('2')
  })

  it('does not write an update that changes nothing', () => {
    const { store } = newWorld()
    const v1 = createDaemonSet(store, 'fluentd')
    expect(right(store.update({ resource: ds, name: 'fluentd', body: v1 }))).toBe(v1)
    expect(store.resourceVersion()).toBe('1')
  })

  it('writes status only through the status subresource', () => {
    const { store } = newWorld()
    const v1 = createDaemonSet(store, 'fluentd')
    const ignored = right(store.update({ resource: ds, name: 'fluentd', body: { ...v1, status: { numberReady: 5 } } }))
    expect(ignored).toBe(v1)
    const status = { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 1, observedGeneration: 1 }
    const spec = v1['spec'] as Record<string, unknown>
    const written = right(store.updateStatus({ resource: ds, name: 'fluentd', body: { ...v1, spec: { ...spec, minReadySeconds: 9 }, metadata: { ...v1.metadata, labels: { x: 'y' } }, status } }))
    expect(written['status']).toEqual(status)
    expect(written['spec']).toEqual(spec)
    expect(written.metadata.labels).toBeUndefined()
    expect(written.metadata.generation).toBe(1)
    expect(written.metadata.resourceVersion).toBe('2')
    expect(left(store.updateStatus({ resource: ds, name: 'fluentd', body: { ...v1, status } })).reason).toBe('Conflict')
    expect(left(store.updateStatus({ resource: Resources.controllerRevisions, name: 'x', body: {} })).code).toBe(404)
  })

  it('starts pods Pending and keeps the creation time from the virtual clock', () => {
    const { store, clock } = newWorld()
    clock.advanceTo(t0 + 61_000)
    const p = createPod(store, 'p')
    expect(p['status']).toEqual({ phase: 'Pending' })
    expect(p.metadata.creationTimestamp).toBe('2026-01-01T00:01:01Z')
    expect(p.metadata.generation).toBeUndefined()
  })
})

const podBody = () => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', image: 'img:1' }] } })
