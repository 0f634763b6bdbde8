import { createMemoryStore, createVirtualClock } from '../memory'
import { Resources } from '../runtime/clusterApi'
import { startApiServer } from './server'
import { serveTestCluster, type ServedCluster } from './testCluster'

const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
const aggregatedAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'

let served: ServedCluster
beforeAll(async () => {
  served = await serveTestCluster({ nodes: 2, speed: 1 })
})
afterAll(async () => {
  await served.stop()
})

const call = async (path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> => {
  const res = await fetch(`${served.api.url}${path}`, init)
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> }
}

const job = (name: string): unknown => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } },
})

const post = (path: string, body: unknown): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> =>
  call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('version and discovery', () => {
  it('answers /version uncached, as the kubectl dispatcher needs', async () => {
    const r = await call('/version')
    expect(r.headers.get('cache-control')).toBe('no-cache, private')
    expect(r.body).toMatchObject({ major: '1', minor: '32' })
  })

  it('serves aggregated discovery with its exact media type and short names', async () => {
    const r = await call('/apis', { headers: { Accept: aggregatedAccept } })
    expect(r.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')
    const text = JSON.stringify(r.body)
    expect(text).toContain('"shortNames":["ds"]')
    expect(text).toContain('"shortNames":["cj"]')
    const core = await call('/api', { headers: { Accept: aggregatedAccept } })
    expect(JSON.stringify(core.body)).toContain('"shortNames":["po"]')
  })

  it('serves legacy discovery', async () => {
    expect((await call('/api')).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] })
    expect((await call('/apis')).body).toMatchObject({ kind: 'APIGroupList' })
    const core = await call('/api/v1')
    expect(core.body['resources']).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'pods', shortNames: ['po'], namespaced: true })]))
    const batch = await call('/apis/batch/v1')
    expect(batch.body['resources']).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'cronjobs', shortNames: ['cj'] }), expect.objectContaining({ name: 'jobs/status' })]))
  })
})

describe('CRUD and errors', () => {
  it('creates, gets, patches and deletes a job', async () => {
    const created = await post('/apis/batch/v1/namespaces/default/jobs', job('crud'))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ metadata: { name: 'crud', namespace: 'default' } })
    const got = await call('/apis/batch/v1/namespaces/default/jobs/crud')
    expect(got.status).toBe(200)
    const patched = await call('/apis/batch/v1/namespaces/default/jobs/crud', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { labels: { a: 'b' } } }),
    })
    expect(patched.body).toMatchObject({ metadata: { labels: { a: 'b' } } })
    const list = await call('/apis/batch/v1/namespaces/default/jobs?labelSelector=a%3Db')
    expect((list.body['items'] as ReadonlyArray<unknown>).length).toBe(1)
    expect(list.body).toMatchObject({ metadata: { resourceVersion: expect.any(String) } })
    const gone = await call('/apis/batch/v1/namespaces/default/jobs/crud', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ propagationPolicy: 'Background' }),
    })
    expect(gone.status).toBe(200)
    expect((await call('/apis/batch/v1/namespaces/default/jobs/crud')).status).toBe(404)
  })

  it('answers Kubernetes Status errors', async () => {
    const missing = await call('/apis/batch/v1/namespaces/default/jobs/nosuch')
    expect(missing.body).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound', message: 'jobs.batch "nosuch" not found' })
    await post('/apis/batch/v1/namespaces/default/jobs', job('dup'))
    const dup = await post('/apis/batch/v1/namespaces/default/jobs', job('dup'))
    expect(dup.body).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'jobs.batch "dup" already exists' })
    const bad = await call('/apis/batch/v1/namespaces/default/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind": ' })
    expect(bad.body).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' })
    const badYaml = await call('/apis/batch/v1/namespaces/default/jobs', { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: 'a: [b' })
    expect(badYaml.body).toMatchObject({ code: 400 })
    const invalid = await post('/apis/batch/v1/namespaces/default/jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'Bad_Name' }, spec: {} })
    expect(invalid.body).toMatchObject({ code: 422, reason: 'Invalid' })
    expect((await call('/apis/batch/v1/namespaces/default/nosuch')).status).toBe(404)
    // Formats not spoken here get a 415 naming those that are.
    const cbor = await call('/api/v1/namespaces', { method: 'POST', headers: { 'Content-Type': 'application/cbor' }, body: 'x' })
    expect(cbor.body).toMatchObject({
      code: 415,
      reason: 'UnsupportedMediaType',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf; got application/cbor',
    })
    // Protobuf is read; a bare prefix with no kind, or broken bytes, is a 400 rather than a crash.
    const bare = await call('/api/v1/namespaces', { method: 'POST', headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf' }, body: 'k8s\u0000' })
    expect(bare.body).toMatchObject({ code: 400, reason: 'BadRequest', message: expect.stringContaining('the body of the request could not be decoded: ') })
    const truncated = Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0x7f, 0x0a])
    const broken = await call('/api/v1/namespaces', { method: 'POST', headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf' }, body: truncated })
    expect(broken.body).toMatchObject({ code: 400, reason: 'BadRequest', message: expect.stringContaining('the body of the request could not be decoded: ') })
    const patch = await call('/apis/batch/v1/namespaces/default/jobs/dup', { method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: 'x' })
    expect(patch.body).toMatchObject({ code: 415, message: expect.stringContaining('application/strategic-merge-patch+json, application/apply-patch+yaml; got text/plain') })
    // The server is still up after all of that.
    expect((await call('/version')).status).toBe(200)
  })

  it('refuses oversized bodies with 413', async () => {
    const big = await post('/apis/batch/v1/namespaces/default/jobs', { ...(job('big') as object), padding: 'x'.repeat(4 * 1024 * 1024) })
    expect(big.status).toBe(413)
    expect(big.body).toMatchObject({ kind: 'Status', code: 413 })
  })
})

describe('pods/binding', () => {
  it('binds a pod as the scheduler does: 201 Success, then 409 for a second binding; listed in discovery', async () => {
    const store = createMemoryStore({ clock: createVirtualClock({ start: Date.UTC(2026, 0, 1) }) })
    const bare = await startApiServer({ store })
    const send = async (path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
      const res = await fetch(`${bare.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }
    try {
      store.create({ resource: Resources.namespaces, body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } })
      expect((await send('/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })).status).toBe(201)
      const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web' }, target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' } }
      const first = await send('/api/v1/namespaces/default/pods/web/binding', binding)
      expect(first).toEqual({ status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } })
      const pod = (await (await fetch(`${bare.url}/api/v1/namespaces/default/pods/web`)).json()) as { spec: { nodeName?: string } }
      expect(pod.spec.nodeName).toBe('node-1')
      const again = await send('/api/v1/namespaces/default/pods/web/binding', binding)
      expect(again.status).toBe(409)
      expect(again.body['message']).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"')
      const core = (await (await fetch(`${bare.url}/api/v1`)).json()) as { resources: ReadonlyArray<Record<string, unknown>> }
      expect(core.resources).toContainEqual({ name: 'pods/binding', singularName: '', namespaced: true, kind: 'Binding', verbs: ['create'] })
    } finally {
      await bare.close()
    }
  })
})

describe('tables', () => {
  it('prints nodes with kubectl columns', async () => {
    const r = await call('/api/v1/nodes', { headers: { Accept: tableAccept } })
    expect(r.headers.get('content-type')).toBe('application/json;as=Table;v=v1;g=meta.k8s.io')
    expect(r.body).toMatchObject({ kind: 'Table', metadata: { resourceVersion: expect.any(String) } })
    const columns = (r.body['columnDefinitions'] as ReadonlyArray<{ name: string }>).map((c) => c.name)
    expect(columns).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version'])
    const rows = r.body['rows'] as ReadonlyArray<{ cells: ReadonlyArray<string>; object: { metadata: { name: string } } }>
    expect(rows.map((row) => row.cells[0])).toEqual(['node-1', 'node-2'])
    expect(rows[0]?.object.metadata.name).toBe('node-1')
  })
})

describe('watch', () => {
  it('streams newline-delimited events from a resourceVersion', async () => {
    const list = await call('/api/v1/namespaces/default/pods')
    const rv = (list.body['metadata'] as { resourceVersion: string }).resourceVersion
    const controller = new AbortController()
    const res = await fetch(`${served.api.url}/apis/batch/v1/namespaces/default/jobs?watch=1&resourceVersion=${rv}`, { signal: controller.signal })
    expect(res.status).toBe(200)
    await post('/apis/batch/v1/namespaces/default/jobs', job('watched'))
    const reader = res.body?.getReader()
    let text = ''
    while (!text.includes('\n') && reader !== undefined) {
      const chunk = await reader.read()
      if (chunk.done) break
      text += Buffer.from(chunk.value).toString('utf8')
    }
    controller.abort()
    const first = JSON.parse(text.split('\n')[0] ?? '') as { type: string; object: { metadata: { name: string } } }
    expect(first.type).toBe('ADDED')
    expect(first.object.metadata.name).toBe('watched')
  })

  it('sends 410 Expired as an ERROR event, then closes', async () => {
    // A store that keeps only two changes, so an early resourceVersion falls out of the window.
    const store = createMemoryStore({ clock: createVirtualClock({ start: Date.UTC(2026, 0, 1) }), historyLimit: 2 })
    const small = await startApiServer({ store })
    try {
      for (const name of ['a', 'b', 'c', 'd']) store.create({ resource: Resources.namespaces, body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } })
      const res = await fetch(`${small.url}/api/v1/namespaces?watch=true&resourceVersion=1`)
      expect(res.status).toBe(200)
      const events = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; object: Record<string, unknown> })
      expect(events).toEqual([{ type: 'ERROR', object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }) }])
    } finally {
      await small.close()
    }
  })

  it('serves Table watch events with the columns only in the first', async () => {
    const controller = new AbortController()
    const res = await fetch(`${served.api.url}/api/v1/nodes?watch=1`, { headers: { Accept: tableAccept }, signal: controller.signal })
    const reader = res.body?.getReader()
    let text = ''
    while (text.split('\n').length < 3 && reader !== undefined) {
      const chunk = await reader.read()
      if (chunk.done) break
      text += Buffer.from(chunk.value).toString('utf8')
    }
    controller.abort()
    const [first, second] = text.split('\n').map((l) => (l === '' ? undefined : (JSON.parse(l) as { type: string; object: { kind: string; columnDefinitions: ReadonlyArray<unknown>; rows: ReadonlyArray<{ cells: ReadonlyArray<string> }> } })))
    expect(first).toMatchObject({ type: 'ADDED', object: { kind: 'Table' } })
    expect(first?.object.columnDefinitions.length).toBe(5)
    expect(first?.object.rows[0]?.cells[0]).toBe('node-1')
    expect(second?.object.columnDefinitions).toEqual([])
  })
})

describe('auth', () => {
  it('requires the bearer token when one is set', async () => {
    const guarded = await serveTestCluster({ nodes: 0, token: 's3cret' })
    try {
      expect((await fetch(`${guarded.api.url}/version`)).status).toBe(401)
      expect((await fetch(`${guarded.api.url}/version`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200)
    } finally {
      await guarded.stop()
    }
  })
})
