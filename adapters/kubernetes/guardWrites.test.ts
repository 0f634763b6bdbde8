import * as E from 'fp-ts/Either'
import type { Named } from '../../core/api'
import { memoryClusterApi } from '../memory/memoryClusterApi'
import { createDaemonSet, createPod, newWorld } from '../memory/testing/fixtures'
import { Resources, type ClusterApi, type DeleteRequest, type KubeObject } from '../runtime/clusterApi'
import { keyOf } from '../runtime/objectCache'
import { guardWrites } from './guardWrites'
import type { OwnershipView } from './ownership'

/** A view over a fixed set of objects, as the caches held them when the sync decided. */
const viewOf = (objects: ReadonlyArray<KubeObject>): OwnershipView => ({
  objectOf: (kind, key) => objects.find((o) => o.kind === kind && keyOf(o.metadata.namespace ?? '', o.metadata.name ?? '') === key) as Named | undefined,
  ownerKinds: new Set(['DaemonSet']),
})

const setup = () => {
  const { store } = newWorld()
  const ds = createDaemonSet(store, 'agent')
  const mine = createPod(store, 'mine', { owner: ds, labels: { app: 'agent' } })
  const foreign = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'rs-uid' } } as KubeObject
  const theirs = createPod(store, 'theirs', { owner: foreign, labels: { app: 'agent' } })
  const stray = createPod(store, 'stray', { labels: { app: 'agent' } })
  const deletes: DeleteRequest[] = []
  const direct = memoryClusterApi(store)
  const recording: ClusterApi = {
    ...direct,
    delete: (request) => {
      deletes.push(request)
      return direct.delete(request)
    },
  }
  return { store, ds, mine, theirs, stray, deletes, api: guardWrites(recording, viewOf([ds, mine, theirs, stray])) }
}

const adopt = (ds: KubeObject) => ({
  metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] },
})

describe('guardWrites', () => {
  it('refuses to delete or patch a pod another controller owns, as a terminal 403, and leaves it alone', async () => {
    const { api, store } = setup()
    const deleted = await api.delete({ resource: Resources.pods, namespace: 'default', name: 'theirs' })
    expect(E.isLeft(deleted) && deleted.left._tag).toBe('Terminal')
    expect(E.isLeft(deleted) && deleted.left.status).toMatchObject({ code: 403, reason: 'Forbidden' })
    expect(E.isLeft(deleted) && deleted.left.status.message).toBe(
      'pods "theirs" is forbidden: kuberules does not write objects it does not own: its controller is ReplicaSet default/web',
    )
    const patched = await api.patch({ resource: Resources.pods, namespace: 'default', name: 'theirs', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { x: 'y' } } } })
    expect(E.isLeft(patched) && patched.left._tag).toBe('Terminal')
    expect(E.isRight(store.get({ resource: Resources.pods, namespace: 'default', name: 'theirs' }))).toBe(true)
  })

  it('lets an orphan be adopted but not otherwise changed or deleted', async () => {
    const { api, ds } = setup()
    const relabel = await api.patch({ resource: Resources.pods, namespace: 'default', name: 'stray', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { x: 'y' } } } })
    expect(E.isLeft(relabel) && relabel.left.status.message).toContain('it has no controller (only adopting it is allowed)')
    const removal = await api.delete({ resource: Resources.pods, namespace: 'default', name: 'stray' })
    expect(E.isLeft(removal) && removal.left._tag).toBe('Terminal')
    const adopted = await api.patch({ resource: Resources.pods, namespace: 'default', name: 'stray', patchType: 'application/merge-patch+json', patch: adopt(ds) })
    expect(E.isRight(adopted) && adopted.right.metadata.ownerReferences?.[0]?.uid).toBe(ds.metadata.uid)
  })

  it('lets an orphan ControllerRevision be adopted by a replace that names one of ours as controller', async () => {
    const { store, ds } = setup()
    const revision = store.create({
      resource: Resources.controllerRevisions,
      namespace: 'default',
      body: { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'agent-1', labels: { app: 'agent' } }, revision: 1, data: {} },
    })
    if (E.isLeft(revision)) throw new Error(revision.left.message)
    const api = guardWrites(memoryClusterApi(store), viewOf([ds, revision.right]))
    const relabel = await api.update({ resource: Resources.controllerRevisions, namespace: 'default', name: 'agent-1', body: { ...revision.right, metadata: { ...revision.right.metadata, labels: { x: 'y' } } } })
    expect(E.isLeft(relabel) && relabel.left._tag).toBe('Terminal')
    const adopted = await api.update({ resource: Resources.controllerRevisions, namespace: 'default', name: 'agent-1', body: { ...revision.right, metadata: { ...revision.right.metadata, ...adopt(ds).metadata } } })
    expect(E.isRight(adopted)).toBe(true)
  })

  it('creates only objects whose controller is one of ours (events aside), and writes status only of its own objects', async () => {
    const { api, ds } = setup()
    const orphan = await api.create({ resource: Resources.pods, namespace: 'default', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'new' }, spec: { containers: [{ name: 'c', image: 'i' }] } } })
    expect(E.isLeft(orphan) && orphan.left.status.message).toContain('it names no controller of ours')
    const owned = await api.create({ resource: Resources.pods, namespace: 'default', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'new', ...adopt(ds).metadata }, spec: { containers: [{ name: 'c', image: 'i' }] } } })
    expect(E.isRight(owned)).toBe(true)
    const status = await api.updateStatus({ resource: Resources.daemonSets, namespace: 'default', name: 'agent', body: { metadata: { name: 'agent' }, status: { currentNumberScheduled: 1 } } })
    expect(E.isRight(status)).toBe(true)
    const node = await api.updateStatus({ resource: Resources.nodes, name: 'n1', body: { metadata: { name: 'n1' }, status: {} } })
    expect(E.isLeft(node) && node.left.status.message).toContain('the controllers do not manage Node objects')
  })

  it('puts the cached resourceVersion on every delete and patch: a decision on a stale read ends in a 409', async () => {
    const { api, store, deletes, mine } = setup()
    // Someone else changes the pod after the sync read it.
    store.patch({ resource: Resources.pods, namespace: 'default', name: 'mine', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { app: 'agent', touched: 'yes' } } } })
    const patched = await api.patch({ resource: Resources.pods, namespace: 'default', name: 'mine', patchType: 'application/merge-patch+json', patch: { metadata: { finalizers: [] } } })
    expect(E.isLeft(patched) && patched.left._tag).toBe('Conflict')
    const deleted = await api.delete({ resource: Resources.pods, namespace: 'default', name: 'mine' })
    expect(E.isLeft(deleted) && deleted.left._tag).toBe('Conflict')
    expect(deletes[0]?.preconditions).toEqual({ resourceVersion: mine.metadata.resourceVersion })
  })

  it("uses the version its own write returned until the cache catches up (a finalizer patch, then the delete)", async () => {
    const { api, store } = setup()
    const patched = await api.patch({ resource: Resources.pods, namespace: 'default', name: 'mine', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { app: 'agent', step: '1' } } } })
    expect(E.isRight(patched)).toBe(true)
    const deleted = await api.delete({ resource: Resources.pods, namespace: 'default', name: 'mine', gracePeriodSeconds: 0 })
    expect(E.isRight(deleted)).toBe(true)
    expect(E.isLeft(store.get({ resource: Resources.pods, namespace: 'default', name: 'mine' }))).toBe(true)
  })
})
