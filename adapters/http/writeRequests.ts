import * as E from 'fp-ts/Either'
import { formatInstant } from '../../core/api'
import { applyPatch } from '../memory/applyPatch'
import { jsonEqual } from '../memory/jsonEqual'
import type { MemoryStore } from '../memory/memoryStore'
import { apiVersionOf, type ResourceInfo } from '../memory/resources'
import { badRequest, invalid, type Status } from '../memory/status'
import { strategicMergePatch } from '../memory/strategicMergePatch'
import type { KubeObject, ObjectBody, PatchType } from '../runtime/clusterApi'
import { readManaged, recordUpdate, writeManaged, type ManagedEntry } from './managedFields/managedFields'
import { serverSideApply } from './managedFields/serverSideApply'
import { formatApplyPath, formatDecodePath, isRecord, type Path } from './openapi/fieldPath'
import { schemaOfKind } from './openapi/kindSchemas'
import type { Struct } from './openapi/schema'
import { pruneUnknown, unknownFields } from './openapi/unknownFields'
import { strictDecodingText, unknownFieldWarnings, type WriteOptions } from './writeOptions'

type Json = Readonly<Record<string, unknown>>

/** Where a write goes: the served resource, the namespace of the URL, the name for item writes. */
export interface WriteTarget {
  readonly store: MemoryStore
  readonly info: ResourceInfo
  readonly namespace?: string
  readonly name?: string
  readonly subresource?: 'status'
}

export interface Written {
  readonly object: unknown
  readonly code: number
  /** Warning header texts (fields dropped under fieldValidation=Warn). */
  readonly warnings: ReadonlyArray<string>
}

const scopeOf = (t: WriteTarget) => ({ resource: t.info, ...(t.namespace !== undefined ? { namespace: t.namespace } : {}) })
const itemOf = (t: WriteTarget) => ({ ...scopeOf(t), name: t.name ?? '' })
const schemaOf = (info: ResourceInfo): Struct | undefined => schemaOfKind(info.group, info.version, info.kind)
const withMeta = (object: Json, meta: Json): ObjectBody => ({ ...object, metadata: meta }) as ObjectBody
const metaOf = (object: unknown): Json => (isRecord(object) && isRecord(object['metadata']) ? object['metadata'] : {})

/** Unknown fields of a body: 400 under Strict, dropped (with a warning under Warn) otherwise. */
const checkFields = (schema: Struct | undefined, body: Json, options: WriteOptions, reject: (paths: ReadonlyArray<Path>) => Status): E.Either<Status, { readonly body: Json; readonly warnings: ReadonlyArray<string> }> => {
  const unknown = schema === undefined ? [] : unknownFields(body, schema)
  if (unknown.length === 0 || schema === undefined) return E.right({ body, warnings: [] })
  if (options.validation === 'Strict') return E.left(reject(unknown))
  return E.right({ body: pruneUnknown(body, schema) as Json, warnings: options.validation === 'Warn' ? unknownFieldWarnings(unknown) : [] })
}

/** Create and update bodies fail as the decoder does: `Job in version "v1" cannot be handled as a Job: strict decoding error: …`. */
const decodeFailure = (info: ResourceInfo, body: Json) => (paths: ReadonlyArray<Path>): Status => {
  const kind = typeof body['kind'] === 'string' ? body['kind'] : info.kind
  const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : apiVersionOf(info)
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1)
  return badRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${info.kind}: ${strictDecodingText(paths)}`)
}

/** Patches fail as the patcher does: a 422 on `patch` quoting the patched object. */
const patchFailure = (patched: unknown) => (paths: ReadonlyArray<Path>): Status =>
  invalid({ group: '', kind: '' }, '', [{ type: 'Invalid', field: 'patch', value: JSON.stringify(patched), detail: strictDecodingText(paths) }])

/**
 * The managed fields the request starts from: the ones it sends when they differ from the
 * stored ones (a client resetting them: `[{}]` clears them and this write is not recorded), else
 * the stored ones.
 */
const baseEntries = (requested: unknown, stored: Json | undefined): { readonly entries: ReadonlyArray<ManagedEntry>; readonly track: boolean } => {
  const storedList = metaOf(stored)['managedFields']
  if (!Array.isArray(requested) || requested.length === 0 || jsonEqual(requested, storedList)) return { entries: readManaged(stored), track: true }
  const entries = readManaged({ metadata: { managedFields: requested } })
  return { entries, track: entries.length > 0 }
}

/** The body to store: the request's, with the managed fields this write leads to (`next`, the probed result, says what it changes). */
const withManagedFields = (t: WriteTarget, schema: Struct | undefined, body: Json, stored: Json | undefined, next: Json, options: WriteOptions): ObjectBody => {
  if (schema === undefined || t.subresource !== undefined) return body as ObjectBody
  const { entries, track } = baseEntries(metaOf(body)['managedFields'], stored)
  const { managedFields: _m, ...meta } = metaOf(body)
  const recorded = track
    ? recordUpdate({ entries, before: stored, after: next, schema, manager: options.manager, apiVersion: apiVersionOf(t.info), now: formatInstant(t.store.clock.now()), resetStatus: t.info.statusSubresource })
    : entries
  const list = writeManaged(recorded)
  return withMeta(body, list.length > 0 ? { ...meta, managedFields: list } : meta)
}

/** POST on a collection. */
export const createObject = (t: WriteTarget, raw: Json, options: WriteOptions): E.Either<Status, Written> => {
  const schema = schemaOf(t.info)
  const checked = checkFields(schema, raw, options, decodeFailure(t.info, raw))
  if (E.isLeft(checked)) return checked
  const { body, warnings } = checked.right
  const probe = t.store.create({ ...scopeOf(t), body: body as ObjectBody, dryRun: true })
  if (E.isLeft(probe)) return probe
  const final = withManagedFields(t, schema, body, undefined, probe.right, options)
  return E.map((object: KubeObject) => ({ object, code: 201, warnings }))(t.store.create({ ...scopeOf(t), body: final, dryRun: options.dryRun }))
}

const commit = (t: WriteTarget, body: ObjectBody, options: WriteOptions, warnings: ReadonlyArray<string>): E.Either<Status, Written> => {
  const request = { ...itemOf(t), body, dryRun: options.dryRun }
  const result = t.subresource === 'status' ? t.store.updateStatus(request) : t.store.update(request)
  return E.map((object: KubeObject) => ({ object, code: 200, warnings }))(result)
}

/** PUT on an object or its status. */
export const replaceObject = (t: WriteTarget, raw: Json, options: WriteOptions): E.Either<Status, Written> => {
  const schema = schemaOf(t.info)
  const checked = checkFields(schema, raw, options, decodeFailure(t.info, raw))
  if (E.isLeft(checked)) return checked
  const { body, warnings } = checked.right
  const request = { ...itemOf(t), body: body as ObjectBody, dryRun: true }
  const probe = t.subresource === 'status' ? t.store.updateStatus(request) : t.store.update(request)
  if (E.isLeft(probe)) return probe
  const stored = t.store.get(itemOf(t))
  if (E.isLeft(stored)) return stored
  return commit(t, withManagedFields(t, schema, body, stored.right, probe.right, options), options, warnings)
}

/** PATCH with a JSON, merge or strategic merge patch: the patched object is checked, then stored as an update. */
export const patchObject = (t: WriteTarget, patchType: PatchType, patch: unknown, options: WriteOptions): E.Either<Status, Written> => {
  const stored = t.store.get(itemOf(t))
  if (E.isLeft(stored)) return stored
  // The patched object is decoded (strictly, under Strict) before it is validated, as the apiserver's patcher does.
  const applied = applyPatch(stored.right, patchType, patch)
  if (E.isLeft(applied)) return applied
  const schema = schemaOf(t.info)
  // Only fields the patch brought in count: whatever the stored object already carried is not the request's fault.
  const before = new Set((schema === undefined ? [] : unknownFields(stored.right, schema)).map(formatDecodePath))
  const added = (schema === undefined ? [] : unknownFields(applied.right, schema)).filter((p) => !before.has(formatDecodePath(p)))
  if (added.length > 0 && options.validation === 'Strict') return E.left(patchFailure(patchType === 'application/strategic-merge-patch+json' ? patch : applied.right)(added))
  const probe = t.store.patch({ ...itemOf(t), patchType, patch, dryRun: true, ...(t.subresource !== undefined ? { subresource: t.subresource } : {}) })
  if (E.isLeft(probe)) return probe
  const next: Json = added.length > 0 && schema !== undefined ? (pruneUnknown(probe.right, schema) as Json) : probe.right
  const warnings = options.validation === 'Warn' ? unknownFieldWarnings(added) : []
  // The resourceVersion pins the update to the object the patch was applied to.
  const body = withMeta(next, { ...metaOf(next), resourceVersion: stored.right.metadata.resourceVersion ?? '' })
  return commit(t, withManagedFields(t, schema, body, stored.right, next, options), options, warnings)
}

/** PATCH with `application/apply-patch+yaml`: server-side apply, creating the object when it is absent. */
export const applyObject = (t: WriteTarget, config: unknown, options: WriteOptions): E.Either<Status, Written> => {
  const schema = schemaOf(t.info)
  if (!isRecord(config)) return E.left(badRequest('error decoding YAML: the apply configuration must be an object'))
  if (schema === undefined) return E.left(badRequest(`server-side apply is not supported for ${t.info.resource}`))
  const version = apiVersionOf(t.info)
  if (config['apiVersion'] !== version) {
    return E.left(badRequest(`Incorrect version specified in apply patch. Specified patch version: ${String(config['apiVersion'] ?? '')}, expected: ${version}`))
  }
  if (config['kind'] !== t.info.kind) return E.left(badRequest(`Incorrect kind specified in apply patch. Specified patch kind: ${String(config['kind'] ?? '')}, expected: ${t.info.kind}`))
  const meta = metaOf(config)
  if (meta['name'] !== undefined && meta['name'] !== t.name) {
    return E.left(badRequest(`the name of the object (${String(meta['name'])}) does not match the name on the URL (${t.name ?? ''})`))
  }
  const named = withMeta(config, { ...meta, name: t.name ?? '' })
  const stored = t.store.get(itemOf(t))
  if (E.isLeft(stored) && stored.left.code !== 404) return stored
  const live = E.isRight(stored) ? stored.right : undefined
  if (t.subresource === 'status') {
    if (live === undefined) return stored as E.Either<Status, never>
    // Status applies merge into the stored status; their fields are not recorded (see the README).
    const unknown = unknownFields(named, schema, 'apply')
    if (unknown.length > 0) return E.left(badRequest(`failed to create typed patch object: ${unknown.map((p) => `${formatApplyPath(p)}: field not declared in schema`).join(', ')}`))
    return commit(t, withMeta({ ...live, status: strategicMergePatch(live['status'], named['status'] ?? {}) }, metaOf(live)), options, [])
  }
  const applied = serverSideApply({ schema, live, config: named, manager: options.manager, force: options.force, apiVersion: version, now: formatInstant(t.store.clock.now()), resetStatus: t.info.statusSubresource })
  if (E.isLeft(applied)) return applied
  if (live === undefined) return E.map((object: KubeObject) => ({ object, code: 201, warnings: [] }))(t.store.create({ ...scopeOf(t), body: applied.right as ObjectBody, dryRun: options.dryRun }))
  const body = withMeta(applied.right, { ...metaOf(applied.right), resourceVersion: live.metadata.resourceVersion ?? '' })
  return commit(t, body, options, [])
}
