import { testClient } from './testClient'
import { serveTestCluster, type ServedCluster } from './testCluster'

/** Server-side field validation (`fieldValidation=Strict|Warn|Ignore`) on create, update and patch. */
let served: ServedCluster
beforeAll(async () => {
  served = await serveTestCluster({ nodes: 1, speed: 1 })
})
afterAll(() => served.stop())

const { call, send } = testClient(() => served.api.url)
const jobs = '/apis/batch/v1/namespaces/default/jobs'

const job = (name: string, extra: Readonly<Record<string, unknown>> = {}): Readonly<Record<string, unknown>> => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox', imagePolicy: 'Always' }], restartPolicy: 'Never' } }, ...extra },
})

describe('field validation', () => {
  it('Strict: a create naming unknown fields is a 400 listing them, and nothing is stored', async () => {
    const r = await send('POST', `${jobs}?fieldValidation=Strict`, job('strict', { completionz: 2 }))
    expect(r.body).toMatchObject({
      kind: 'Status',
      code: 400,
      reason: 'BadRequest',
      // In the body's order (kubectl sends keys sorted, so its users see them alphabetically).
      message: 'Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.template.spec.containers[0].imagePolicy", unknown field "spec.completionz"',
    })
    expect((await call(`${jobs}/strict`)).status).toBe(404)
  })

  it('Warn (the default): the fields are dropped and each one gets a Warning header', async () => {
    const r = await send('POST', jobs, job('warned'))
    expect(r.status).toBe(201)
    expect(r.headers.get('warning')).toBe('299 - "unknown field \\"spec.template.spec.containers[0].imagePolicy\\""')
    expect(JSON.stringify(r.body)).not.toContain('imagePolicy')
  })

  it('Ignore: the fields are dropped silently', async () => {
    const r = await send('POST', `${jobs}?fieldValidation=Ignore`, job('ignored'))
    expect(r.status).toBe(201)
    expect(r.headers.get('warning')).toBeNull()
    expect(JSON.stringify(r.body)).not.toContain('imagePolicy')
  })

  it('Strict on update and patch: 400 for a PUT, 422 on `patch` for a patch; the object stays as it was', async () => {
    const stored = (await call(`${jobs}/warned`)).body
    const put = await send('PUT', `${jobs}/warned?fieldValidation=Strict`, { ...stored, spec: { ...(stored['spec'] as object), bogus: true } })
    expect(put.body).toMatchObject({ code: 400, message: 'Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.bogus"' })
    const merge = await send('PATCH', `${jobs}/warned?fieldValidation=Strict`, { metadata: { labels: { a: 'b' } }, spec: { bogus: true } }, 'application/merge-patch+json')
    expect(merge.body).toMatchObject({ code: 422, reason: 'Invalid', details: { causes: [{ field: 'patch', reason: 'FieldValueInvalid' }] } })
    expect(String(merge.body['message'])).toMatch(/^ "" is invalid: patch: Invalid value: ".*": strict decoding error: unknown field "spec.bogus"$/)
    const strategic = await send('PATCH', `${jobs}/warned?fieldValidation=Strict`, { spec: { template: { spec: { containers: [{ name: 'c', imagePolicy: 'x' }] } } } }, 'application/strategic-merge-patch+json')
    expect(String(strategic.body['message'])).toContain('strict decoding error: unknown field "spec.template.spec.containers[0].imagePolicy"')
    const after = (await call(`${jobs}/warned`)).body
    expect((after['metadata'] as { labels?: unknown }).labels).toEqual((stored['metadata'] as { labels?: unknown }).labels)
    // The same patch under Warn goes through without the field.
    const warned = await send('PATCH', `${jobs}/warned`, { metadata: { labels: { a: 'b' } }, spec: { bogus: true } }, 'application/merge-patch+json')
    expect(warned.status).toBe(200)
    expect(warned.headers.get('warning')).toContain('unknown field \\"spec.bogus\\"')
    expect(JSON.stringify(warned.body)).not.toContain('bogus')
  })

  it('refuses an unknown fieldValidation value', async () => {
    const r = await send('POST', `${jobs}?fieldValidation=Loose`, job('loose'))
    expect(r.body).toMatchObject({ code: 422, message: 'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"' })
  })
})
