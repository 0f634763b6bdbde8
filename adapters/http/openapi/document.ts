import { createHash } from 'node:crypto'
import type { ServedResource } from '../discovery'
import { schemaOfKind } from './kindSchemas'
import type { Schema, Struct } from './schema'

type Json = Readonly<Record<string, unknown>>

const refTo = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })

/** Renders schemas, collecting the named ones as components (each rendered once). */
class Renderer {
  readonly components = new Map<string, Json>()

  /** A schema in a position that takes a bare schema or a `$ref` (additionalProperties, items). */
  inline(schema: Schema): Json {
    const name = this.named(schema)
    return name !== undefined ? { allOf: [refTo(name)], ...(schema._tag === 'Struct' ? { default: {} } : {}) } : this.body(schema)
  }

  /** A struct property: a `$ref` wrapped in allOf (so it can carry its own description), or an inline schema. */
  property(schema: Schema): Json {
    const text = schema.fieldDescription
    const name = this.named(schema)
    if (name !== undefined) return { allOf: [refTo(name)], ...(schema._tag === 'Struct' ? { default: {} } : {}), ...(text !== undefined ? { description: text } : {}) }
    const body = this.body(schema)
    return text !== undefined ? { ...body, description: text } : body
  }

  private named(schema: Schema): string | undefined {
    const name = schema._tag === 'Struct' || schema._tag === 'Opaque' ? schema.name : undefined
    if (name === undefined) return undefined
    if (!this.components.has(name)) {
      this.components.set(name, {}) // placeholder first: a type may refer to itself
      this.components.set(name, this.body(schema))
    }
    return name
  }

  private body(schema: Schema): Json {
    const description = schema.description !== undefined ? { description: schema.description } : {}
    switch (schema._tag) {
      case 'Scalar':
        return { type: schema.type, ...(schema.format !== undefined ? { format: schema.format } : {}), ...(schema.enum !== undefined ? { enum: schema.enum } : {}), ...description }
      case 'Struct':
        return {
          type: 'object',
          ...description,
          properties: Object.fromEntries(Object.keys(schema.fields).sort().map((key) => [key, this.property(schema.fields[key] as Schema)])),
          ...(schema.required !== undefined ? { required: schema.required } : {}),
          ...(schema.atomic === true ? { 'x-kubernetes-map-type': 'atomic' } : {}),
          ...(schema.gvk !== undefined ? { 'x-kubernetes-group-version-kind': [schema.gvk] } : {}),
        }
      case 'Map':
        return { type: 'object', ...description, additionalProperties: this.inline(schema.values) }
      case 'List':
        return {
          type: 'array',
          ...description,
          items: this.inline(schema.items),
          'x-kubernetes-list-type': schema.listType,
          ...(schema.keys !== undefined ? { 'x-kubernetes-list-map-keys': schema.keys } : {}),
        }
      case 'Opaque':
        switch (schema.shape) {
          case 'object':
            return { type: 'object', ...description, 'x-kubernetes-preserve-unknown-fields': true }
          case 'int-or-string':
            return { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true, ...description }
          case 'quantity':
            return { oneOf: [{ type: 'string' }, { type: 'number' }], ...description }
          case 'date-time':
            return { type: 'string', format: 'date-time', ...description }
          case 'any':
            return { ...description }
        }
    }
  }
}

const gvPath = (group: string, version: string): string => (group === '' ? `api/${version}` : `apis/${group}/${version}`)

const queryParam = (name: string, description: string): Json => ({ name, in: 'query', description, schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true } })

/**
 * The operations kubectl looks at: a PATCH per kind, tagged with its GVK and declaring
 * `fieldValidation`, is how kubectl learns the server validates fields itself (it then sends
 * `fieldValidation=Strict` instead of checking manifests on its side). Strategic merge is left
 * out of the PATCH media types on purpose: listing it makes kubectl compute client-side apply
 * patches from these schemas, which do not carry patch strategies; without it kubectl uses its
 * compiled-in types.
 */
const pathsOf = (r: ServedResource, renderer: Renderer): ReadonlyArray<readonly [string, Json]> => {
  const { group, version, kind, namespaced, resource } = r.info
  const gvk = { group, version, kind }
  const schema = schemaOfKind(group, version, kind)
  const content = (types: ReadonlyArray<string>): Json =>
    Object.fromEntries(types.map((t) => [t, { schema: schema !== undefined ? renderer.inline(schema) : {} }]))
  const ok = { '200': { description: 'OK', content: content(['application/json', 'application/yaml']) } }
  const base = `/${gvPath(group, version)}/${namespaced ? 'namespaces/{namespace}/' : ''}${resource}`
  const op = (action: string, extra: Json = {}): Json => ({
    operationId: `${action}${kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    responses: ok,
    ...extra,
  })
  const writeParams = [
    queryParam('dryRun', 'All: validate and answer without storing anything.'),
    queryParam('fieldManager', 'Who makes the change, for managed fields.'),
    queryParam('fieldValidation', 'Ignore, Warn (the default) or Strict: what to do with fields the schema does not declare.'),
  ]
  return [
    [base, { get: op('list'), post: op('post', { parameters: writeParams, requestBody: { content: content(['application/json']) } }), delete: op('deletecollection') }],
    [
      `${base}/{name}`,
      {
        get: op('get'),
        put: op('put', { parameters: writeParams, requestBody: { content: content(['application/json']) } }),
        patch: op('patch', {
          parameters: [...writeParams, queryParam('force', 'Take over fields other managers own (apply patches only).')],
          requestBody: { content: Object.fromEntries(['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'].map((t) => [t, { schema: {} }])) },
        }),
        delete: op('delete'),
      },
    ],
  ]
}

/** One group-version's document: the kinds' schemas as components, and their operations. */
const buildDocument = (path: string, served: ReadonlyArray<ServedResource>): Json | undefined => {
  const mine = served.filter((r) => gvPath(r.info.group, r.info.version) === path)
  if (mine.length === 0) return undefined
  const renderer = new Renderer()
  for (const r of mine) {
    const schema: Struct | undefined = schemaOfKind(r.info.group, r.info.version, r.info.kind)
    if (schema !== undefined) renderer.inline(schema)
  }
  const paths = Object.fromEntries(mine.flatMap((r) => pathsOf(r, renderer)))
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0-kuberules' },
    paths,
    components: { schemas: Object.fromEntries([...renderer.components.entries()].sort(([a], [b]) => a.localeCompare(b))) },
  }
}

export interface OpenApiV3 {
  /** `GET /openapi/v3`: every group-version's document, by a URL carrying a hash of its content. */
  readonly root: Json
  /** `GET /openapi/v3/{api/v1|apis/g/v}`; undefined for a group-version not served. */
  document(path: string): Json | undefined
}

/** Builds the documents once: they only depend on the served resources. */
export const openApiV3 = (served: ReadonlyArray<ServedResource>): OpenApiV3 => {
  const paths = [...new Set(served.map((r) => gvPath(r.info.group, r.info.version)))]
  const documents = new Map(paths.flatMap((p) => {
    const doc = buildDocument(p, served)
    return doc === undefined ? [] : [[p, doc] as const]
  }))
  // The hash changes when a document does, so kubectl's cache of an older one is not reused.
  const hashOf = (doc: Json): string => createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase()
  return {
    root: { paths: Object.fromEntries([...documents.entries()].map(([p, doc]) => [p, { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(doc)}` }])) },
    document: (path) => documents.get(path),
  }
}
