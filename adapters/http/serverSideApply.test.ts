import { stringify } from 'yaml'
import { testClient } from './testClient'
import { serveTestCluster, type ServedCluster } from './testCluster'

/** Server-side apply and managed fields over HTTP, as client libraries send them. */
let served: ServedCluster
beforeAll(async () => {
  served = await serveTestCluster({ nodes: 2, speed: 1 })
})
afterAll(() => served.stop())

const { call, send } = testClient(() => served.api.url)
const item = (name: string): string => `/apis/apps/v1/namespaces/default/daemonsets/${name}`
const apply = (name: string, body: unknown, query = 'fieldManager=tool'): ReturnType<typeof send> =>
  send('PATCH', `${item(name)}?${query}`, typeof body === 'string' ? body : stringify(body), 'application/apply-patch+yaml')

const ds = (name: string, image: string, extra: Readonly<Record<string, unknown>> = {}): Readonly<Record<string, unknown>> => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }], ...extra } },
  },
})

type Meta = { resourceVersion: string; generation: number; managedFields: ReadonlyArray<{ manager: string; operation: string; fieldsV1: unknown }> }
const metaOf = (body: Readonly<Record<string, unknown>>): Meta => body['metadata'] as Meta
const imageOf = (body: Readonly<Record<string, unknown>>): unknown => (body as { spec: { template: { spec: { containers: Array<{ image: string }> } } } }).spec.template.spec.containers[0]?.image

describe('server-side apply', () => {
  it('creates (201), updates with a generation bump (200), and leaves a repeated apply alone', async () => {
    const created = await apply('ssa', ds('ssa', 'a:1'))
    expect(created.status).toBe(201)
    expect(metaOf(created.body).managedFields).toEqual([expect.objectContaining({ manager: 'tool', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' })])
    const same = await apply('ssa', ds('ssa', 'a:1'))
    expect(same.status).toBe(200)
    // Nothing changed hands: same generation, same entry time (only the controller's status writes move the resourceVersion).
    expect(metaOf(same.body).generation).toBe(1)
    expect(metaOf(same.body).managedFields).toEqual(metaOf(created.body).managedFields)
    const updated = await apply('ssa', ds('ssa', 'a:2'))
    expect(updated.status).toBe(200)
    expect(imageOf(updated.body)).toBe('a:2')
    expect(metaOf(updated.body).generation).toBe(2)
  })

  it('requires a field manager, and refuses force on other patches', async () => {
    const missing = await apply('ssa', ds('ssa', 'a:1'), '')
    expect(missing.body).toMatchObject({
      kind: 'Status',
      code: 422,
      reason: 'Invalid',
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      details: { causes: [{ reason: 'FieldValueRequired', field: 'fieldManager' }] },
    })
    const forced = await send('PATCH', `${item('ssa')}?force=true`, { metadata: { labels: { a: 'b' } } }, 'application/merge-patch+json')
    expect(forced.body).toMatchObject({ code: 422, message: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch' })
  })

  it('conflicts with a manager that changed the field since, and force takes it over', async () => {
    await apply('conflict', ds('conflict', 'a:1'))
    const set = await send('PATCH', `${item('conflict')}?fieldManager=kubectl-set`, { spec: { template: { spec: { containers: [{ name: 'c', image: 'b:1' }] } } } }, 'application/strategic-merge-patch+json')
    expect(metaOf(set.body).managedFields.map((m) => `${m.manager}/${m.operation}`)).toEqual(['tool/Apply', 'kubectl-set/Update'])
    const before = await call(item('conflict'))
    const refused = await apply('conflict', ds('conflict', 'a:2'))
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="c"].image',
      details: { causes: [{ reason: 'FieldManagerConflict', field: '.spec.template.spec.containers[name="c"].image' }] },
    })
    // A failed apply stores nothing (the controller's status writes aside).
    const after = (await call(item('conflict'))).body
    expect([after['spec'], metaOf(after).managedFields, metaOf(after).generation]).toEqual([before.body['spec'], metaOf(before.body).managedFields, metaOf(before.body).generation])
    const forced = await apply('conflict', ds('conflict', 'a:2'), 'fieldManager=tool&force=true')
    expect(forced.status).toBe(200)
    expect(imageOf(forced.body)).toBe('a:2')
    expect(JSON.stringify(metaOf(forced.body).managedFields.find((m) => m.manager === 'kubectl-set')?.fieldsV1 ?? {})).not.toContain('f:image')
  })

  it('removes fields the manager no longer applies', async () => {
    await apply('shrink', ds('shrink', 'a:1', { hostNetwork: true, nodeSelector: { disk: 'ssd' } }))
    const shrunk = await apply('shrink', ds('shrink', 'a:1'))
    const spec = (shrunk.body as { spec: { template: { spec: Record<string, unknown> } } }).spec.template.spec
    expect(spec['hostNetwork']).toBeUndefined()
    expect(spec['nodeSelector']).toBeUndefined()
  })

  it('answers bad configurations with a Status and stores nothing', async () => {
    const unknown = await apply('typo', { ...ds('typo', 'a:1'), spec: { templat: {} } })
    expect(unknown.body).toMatchObject({ code: 400, reason: 'BadRequest', message: 'failed to create typed patch object (/typo; apps/v1, Kind=DaemonSet): .spec.templat: field not declared in schema' })
    const version = await apply('typo', { ...ds('typo', 'a:1'), apiVersion: 'apps/v2' })
    expect(version.body).toMatchObject({ code: 400, message: 'Incorrect version specified in apply patch. Specified patch version: apps/v2, expected: apps/v1' })
    const yaml = await apply('typo', 'spec: [unclosed')
    expect(yaml.body).toMatchObject({ code: 400, reason: 'BadRequest' })
    const name = await apply('typo', ds('other', 'a:1'))
    expect(name.body).toMatchObject({ code: 400, message: 'the name of the object (other) does not match the name on the URL (typo)' })
    const invalid = await apply('typo', { ...ds('typo', 'a:1'), spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'y' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } })
    expect(invalid.body).toMatchObject({ code: 422, reason: 'Invalid' })
    const dryRun = await apply('typo', ds('typo', 'a:1'), 'fieldManager=tool&dryRun=All')
    expect(dryRun.status).toBe(201)
    expect((await call(item('typo'))).status).toBe(404)
  })
})

describe('managed fields of other writes', () => {
  it('records creates, updates and patches under their field manager or the User-Agent product', async () => {
    const created = await send('POST', '/apis/apps/v1/namespaces/default/daemonsets?fieldManager=kubectl-create', ds('tracked', 'a:1'))
    expect(metaOf(created.body).managedFields).toEqual([expect.objectContaining({ manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1' })])
    const patched = await call(`${item('tracked')}`, { method: 'PATCH', headers: { 'Content-Type': 'application/merge-patch+json', 'User-Agent': 'my-tool/1.0 (linux)' }, body: JSON.stringify({ metadata: { labels: { team: 'a' } } }) })
    const mine = metaOf(patched.body).managedFields.find((m) => m.manager === 'my-tool')
    expect(mine?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:team': {} } } })
    // A client can clear them, as with `[{}]` against the apiserver.
    const cleared = await send('PATCH', item('tracked'), { metadata: { managedFields: [{}] } }, 'application/merge-patch+json')
    expect(metaOf(cleared.body).managedFields).toBeUndefined()
  })
})
