import { testClient } from './testClient'
import { serveTestCluster, type ServedCluster } from './testCluster'

/** DELETE on a collection URL (`deletecollection`), as client libraries send it (kubectl deletes one by one). */
let served: ServedCluster
beforeAll(async () => {
  // No nodes: pods stay unscheduled, so a delete removes them at once.
  served = await serveTestCluster({ nodes: 0, speed: 1 })
})
afterAll(() => served.stop())

const { call, send } = testClient(() => served.api.url)

const pod = (name: string, labels: Readonly<Record<string, string>>): unknown => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
})
const names = (body: Readonly<Record<string, unknown>>): ReadonlyArray<string> =>
  ((body['items'] ?? []) as ReadonlyArray<{ metadata: { name: string } }>).map((i) => i.metadata.name).sort()

describe('deletecollection', () => {
  beforeAll(async () => {
    for (const [ns, name, app] of [['default', 'a', 'x'], ['default', 'b', 'x'], ['default', 'c', 'y'], ['kube-system', 'd', 'x']] as const) {
      expect((await send('POST', `/api/v1/namespaces/${ns}/pods`, pod(name, { app }))).status).toBe(201)
    }
  })

  it('is advertised by discovery', async () => {
    const core = await call('/api/v1')
    expect(core.body['resources']).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'pods', verbs: expect.arrayContaining(['deletecollection']) })]))
  })

  it('with dryRun answers what would go and deletes nothing', async () => {
    const r = await call('/api/v1/namespaces/default/pods?labelSelector=app%3Dx&dryRun=All', { method: 'DELETE' })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: expect.any(String) } })
    expect(names(r.body)).toEqual(['a', 'b'])
    expect(names((await call('/api/v1/namespaces/default/pods')).body)).toEqual(['a', 'b', 'c'])
  })

  it('deletes what the label selector matches in the namespace, and only that', async () => {
    const r = await call('/api/v1/namespaces/default/pods?labelSelector=app%3Dx', { method: 'DELETE' })
    expect(names(r.body)).toEqual(['a', 'b'])
    expect(names((await call('/api/v1/namespaces/default/pods')).body)).toEqual(['c'])
    expect(names((await call('/api/v1/namespaces/kube-system/pods')).body)).toEqual(['d'])
  })

  it('honours field selectors and a DeleteOptions body', async () => {
    const r = await send('DELETE', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dc', { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background', gracePeriodSeconds: 0 })
    expect(names(r.body)).toEqual(['c'])
    expect(names((await call('/api/v1/namespaces/default/pods')).body)).toEqual([])
  })

  it('orphans dependents with propagationPolicy=Orphan', async () => {
    const owner = await send('POST', '/apis/apps/v1/namespaces/default/controllerrevisions', { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'owner', labels: { set: 'o' } }, revision: 1, data: {} })
    const uid = (owner.body['metadata'] as { uid: string }).uid
    await send('POST', '/api/v1/namespaces/default/pods', { ...(pod('dependent', {}) as object), metadata: { name: 'dependent', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ControllerRevision', name: 'owner', uid }] } })
    const r = await call('/apis/apps/v1/namespaces/default/controllerrevisions?labelSelector=set%3Do&propagationPolicy=Orphan', { method: 'DELETE' })
    expect(names(r.body)).toEqual(['owner'])
    let dependent = await call('/api/v1/namespaces/default/pods/dependent')
    for (let i = 0; i < 40 && (dependent.body['metadata'] as { ownerReferences?: unknown }).ownerReferences !== undefined; i++) {
      await new Promise((res) => setTimeout(res, 50))
      dependent = await call('/api/v1/namespaces/default/pods/dependent')
    }
    expect(dependent.status).toBe(200)
    expect((dependent.body['metadata'] as { ownerReferences?: unknown }).ownerReferences).toBeUndefined()
  })

  it('is not served across all namespaces, and bad selectors are a 400', async () => {
    expect((await call('/api/v1/pods', { method: 'DELETE' })).body).toMatchObject({ kind: 'Status', code: 405, reason: 'MethodNotAllowed' })
    expect((await call('/api/v1/namespaces/default/pods?labelSelector=%3D%3D', { method: 'DELETE' })).body).toMatchObject({ kind: 'Status', code: 400 })
    // Cluster-scoped collections have no namespace to ask for.
    expect((await call('/api/v1/nodes?labelSelector=none%3Dsuch', { method: 'DELETE' })).body).toMatchObject({ kind: 'NodeList', items: [] })
  })
})
