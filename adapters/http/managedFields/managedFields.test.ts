import * as E from 'fp-ts/Either'
import { schemaOfKind } from '../openapi/kindSchemas'
import { fieldSetOf, fromFieldsV1, toFieldsV1 } from './fieldSet'
import { readManaged, recordUpdate, writeManaged } from './managedFields'
import { serverSideApply, type ApplyInput } from './serverSideApply'

const schema = schemaOfKind('apps', 'v1', 'DaemonSet')
if (schema === undefined) throw new Error('no DaemonSet schema')

type Json = Readonly<Record<string, unknown>>

const ds = (image: string, extra: Json = {}): Json => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default', labels: { app: 'agent' } },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { containers: [{ name: 'agent', image, ports: [{ containerPort: 80 }] }], ...extra },
    },
  },
})

const fieldsOf = (o: Json): unknown => {
  const set = fieldSetOf(o, schema, true)
  return E.isRight(set) ? toFieldsV1(set.right) : set.left
}

describe('field sets', () => {
  it('are FieldsV1 tries: keyed items carry ".", atomic values are leaves, map entries are members', () => {
    expect(fieldsOf({ metadata: { labels: { app: 'agent' } }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }], tolerations: [{ key: 'k' }] } } } })).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': {
        'f:selector': {},
        'f:template': {
          'f:spec': {
            'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } },
            'f:tolerations': {},
          },
        },
      },
    })
  })

  it('round-trip through FieldsV1', () => {
    const json = fieldsOf(ds('a:1', { volumes: [{ name: 'v', hostPath: { path: '/x' } }] }))
    expect(toFieldsV1(fromFieldsV1(json))).toEqual(json)
  })

  it('reject an apply configuration with an item missing its key or a key twice', () => {
    expect(fieldsOf({ spec: { template: { spec: { containers: [{ image: 'i' }] } } } })).toEqual([
      '.spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    ])
    expect(fieldsOf({ spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } } })).toEqual(['.spec.template.spec.containers: duplicate entries for key [name="a"]'])
  })
})

describe('updates', () => {
  it('take over the fields they change from every other manager', () => {
    const created = { ...ds('a:1'), metadata: { ...(ds('a:1')['metadata'] as Json), managedFields: writeManaged(recordUpdate({ entries: [], before: undefined, after: ds('a:1'), schema, manager: 'kubectl-create', apiVersion: 'apps/v1', now: 't1', resetStatus: true })) } }
    const entries = recordUpdate({ entries: readManaged(created), before: created, after: ds('a:2'), schema, manager: 'kubectl-set', apiVersion: 'apps/v1', now: 't2', resetStatus: true })
    const [create, set] = writeManaged(entries)
    expect(set).toEqual({
      manager: 'kubectl-set',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: 't2',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"agent"}': { 'f:image': {} } } } } } },
    })
    expect(JSON.stringify(create)).not.toContain('f:image')
    expect(JSON.stringify(create)).toContain('f:containerPort')
  })

  it('leave the entries alone when nothing changed', () => {
    const entries = readManaged({ metadata: { managedFields: [{ manager: 'm', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:minReadySeconds': {} } } }] } })
    expect(recordUpdate({ entries, before: ds('a:1'), after: ds('a:1'), schema, manager: 'x', apiVersion: 'apps/v1', now: 't', resetStatus: true })).toBe(entries)
  })
})

describe('server-side apply', () => {
  const input = (over: Partial<ApplyInput>): ApplyInput => ({ schema, live: undefined, config: ds('a:1'), manager: 'kubectl', force: false, apiVersion: 'apps/v1', now: 't1', resetStatus: true, ...over })
  const applied = (over: Partial<ApplyInput>): Json => {
    const r = serverSideApply(input(over))
    if (E.isLeft(r)) throw new Error(r.left.message)
    return r.right
  }
  const withUpdate = (live: Json, manager: string, after: Json): Json => ({
    ...after,
    metadata: { ...(after['metadata'] as Json), managedFields: writeManaged(recordUpdate({ entries: readManaged(live), before: live, after, schema, manager, apiVersion: 'apps/v1', now: 't2', resetStatus: true })) },
  })

  it('records the applied fields as the manager\'s Apply entry', () => {
    const created = applied({})
    // apiVersion, kind, name and namespace belong to no one.
    const { apiVersion: _a, kind: _k, ...owned } = ds('a:1')
    const fieldsV1 = { ...(fieldsOf(owned) as Json), 'f:metadata': { 'f:labels': { 'f:app': {} } } }
    expect((created['metadata'] as Json)['managedFields']).toEqual([{ manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: 't1', fieldsType: 'FieldsV1', fieldsV1 }])
  })

  it('leaves out metadata that holds only system fields', () => {
    const { metadata: _m, ...rest } = ds('a:1')
    const created = applied({ config: { ...rest, metadata: { name: 'agent', namespace: 'default' } } })
    const [entry] = (created['metadata'] as { managedFields: ReadonlyArray<{ fieldsV1: Json }> }).managedFields
    expect(Object.keys(entry?.fieldsV1 ?? {})).toEqual(['f:spec'])
  })

  it('conflicts with another manager over a value it would change, unless forced', () => {
    const live = withUpdate(applied({}), 'kubectl-set', ds('b:1'))
    const refused = serverSideApply(input({ live, config: ds('a:2'), now: 't3' }))
    expect(refused).toEqual(
      E.left(
        expect.objectContaining({
          code: 409,
          reason: 'Conflict',
          message: 'Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="agent"].image',
          details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-set" using apps/v1', field: '.spec.template.spec.containers[name="agent"].image' }] },
        }),
      ),
    )
    // The same value is no conflict: both managers own it.
    expect(E.isRight(serverSideApply(input({ live, config: ds('b:1') })))).toBe(true)
    const forced = applied({ live, config: ds('a:2'), force: true, now: 't3' })
    expect(JSON.stringify(forced)).toContain('"image":"a:2"')
    expect(JSON.stringify((forced['metadata'] as Json)['managedFields'])).not.toContain('kubectl-set')
  })

  it('lists several conflicts by manager', () => {
    const live = withUpdate(applied({}), 'kubectl-edit', { ...ds('b:1'), metadata: { name: 'agent', namespace: 'default', labels: { app: 'other' } } })
    const r = serverSideApply(input({ live, config: ds('a:2') }))
    expect(E.isLeft(r) && r.left.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "kubectl-edit" using apps/v1:\n- .metadata.labels.app\n- .spec.template.spec.containers[name="agent"].image',
    )
  })

  it('removes what the manager stops applying, and keeps the time of a repeated apply', () => {
    const first = applied({ config: ds('a:1', { hostNetwork: true }) })
    const again = applied({ live: first, config: ds('a:1', { hostNetwork: true }), now: 't9' })
    expect((again['metadata'] as Json)['managedFields']).toEqual((first['metadata'] as Json)['managedFields'])
    const second = applied({ live: first, config: ds('a:1'), now: 't2' })
    expect(JSON.stringify(second)).not.toContain('hostNetwork')
  })

  it('lets kubectl take over fields of its last client-side apply', () => {
    const annotated = { ...ds('a:1'), metadata: { name: 'agent', namespace: 'default', labels: { app: 'agent' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(ds('a:1')) } } }
    const live = withUpdate({}, 'kubectl-client-side-apply', annotated)
    expect(E.isRight(serverSideApply(input({ live, config: ds('a:2') })))).toBe(true)
    expect(E.isLeft(serverSideApply(input({ live, config: ds('a:2'), manager: 'other' })))).toBe(true)
  })

  it('refuses managedFields, undeclared fields and unkeyed items with the apiserver\'s messages', () => {
    const message = (config: Json): string => {
      const r = serverSideApply(input({ config }))
      return E.isLeft(r) ? `${r.left.code} ${r.left.message}` : 'applied'
    }
    expect(message({ ...ds('a:1'), metadata: { name: 'agent', managedFields: [] } })).toBe('400 metadata.managedFields must be nil')
    expect(message({ ...ds('a:1'), spec: { templat: {} } })).toBe('400 failed to create typed patch object (default/agent; apps/v1, Kind=DaemonSet): .spec.templat: field not declared in schema')
    expect(message({ ...ds('a:1'), spec: { templat: {}, x: 1 } })).toBe(
      '400 failed to create typed patch object (default/agent; apps/v1, Kind=DaemonSet): errors:\n  .spec.templat: field not declared in schema\n  .spec.x: field not declared in schema',
    )
  })
})
