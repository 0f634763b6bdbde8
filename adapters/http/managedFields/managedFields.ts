import * as E from 'fp-ts/Either'
import { jsonEqual } from '../../memory/jsonEqual'
import { isRecord } from '../openapi/fieldPath'
import type { Struct } from '../openapi/schema'
import { difference, emptySet, fieldSetOf, fromFieldsV1, hasMember, membersOf, setIsEmpty, toFieldsV1, union, withMember, type FieldSet } from './fieldSet'
import { valueAt } from './objectPaths'

type Json = Readonly<Record<string, unknown>>

/** One `metadata.managedFields` entry, with its fields as a set. */
export interface ManagedEntry {
  readonly manager: string
  readonly operation: 'Apply' | 'Update'
  readonly apiVersion: string
  readonly time?: string
  readonly subresource?: string
  readonly fields: FieldSet
}

/** The entries of an object; malformed ones are dropped (they cannot own anything). */
export const readManaged = (object: unknown): ReadonlyArray<ManagedEntry> => {
  const list = isRecord(object) && isRecord(object['metadata']) ? object['metadata']['managedFields'] : undefined
  if (!Array.isArray(list)) return []
  return list.flatMap((e: unknown): ReadonlyArray<ManagedEntry> => {
    if (!isRecord(e) || typeof e['manager'] !== 'string' || (e['operation'] !== 'Apply' && e['operation'] !== 'Update')) return []
    return [
      {
        manager: e['manager'],
        operation: e['operation'],
        apiVersion: typeof e['apiVersion'] === 'string' ? e['apiVersion'] : '',
        ...(typeof e['time'] === 'string' ? { time: e['time'] } : {}),
        ...(typeof e['subresource'] === 'string' && e['subresource'] !== '' ? { subresource: e['subresource'] } : {}),
        // The root is never a member: an entry owns fields, not the object.
        fields: { ...fromFieldsV1(e['fieldsV1']), member: false },
      },
    ]
  })
}

/** Entries as stored, in the apiserver's field order; entries owning nothing are left out. */
export const writeManaged = (entries: ReadonlyArray<ManagedEntry>): ReadonlyArray<Json> =>
  entries
    .filter((e) => !setIsEmpty(e.fields))
    .map((e) => ({
      manager: e.manager,
      operation: e.operation,
      apiVersion: e.apiVersion,
      ...(e.time !== undefined ? { time: e.time } : {}),
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(e.fields),
      ...(e.subresource !== undefined ? { subresource: e.subresource } : {}),
    }))

/** Metadata the server owns: never part of anyone's field set (as the apiserver strips it). */
const systemMeta = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'managedFields'])

/** What of an object field managers can own: not apiVersion/kind or system metadata, nor `status` when it is a subresource. */
export const trackedPart = (object: Json, resetStatus: boolean): Json => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(object)) {
    if (k === 'apiVersion' || k === 'kind' || (k === 'status' && resetStatus)) continue
    if (k === 'metadata' && isRecord(v)) {
      // Metadata holding only system fields owns nothing (rather than being an empty, owned map).
      const owned = Object.entries(v).filter(([m]) => !systemMeta.has(m))
      if (owned.length > 0) out[k] = Object.fromEntries(owned)
    } else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** The fields a stored object sets (items the schema cannot key are skipped). */
export const liveFields = (object: Json, schema: Struct, resetStatus: boolean): FieldSet => {
  const set = fieldSetOf(trackedPart(object, resetStatus), schema, false)
  return E.isRight(set) ? set.right : emptySet
}

/**
 * What a write changed, as structured-merge-diff compares two objects: members that are new or
 * hold another value (`changed`), and members that are gone (`removed`).
 */
export const compareObjects = (before: Json | undefined, after: Json, schema: Struct, resetStatus: boolean): { readonly changed: FieldSet; readonly removed: FieldSet } => {
  const old = before === undefined ? emptySet : liveFields(before, schema, resetStatus)
  const now = liveFields(after, schema, resetStatus)
  let changed = emptySet
  for (const { keys, leaf } of membersOf(now)) {
    const differs = leaf
      ? (() => {
          const a = before === undefined ? { found: false as const } : valueAt(before, schema, keys)
          const b = valueAt(after, schema, keys)
          return !a.found || !b.found || !jsonEqual(a.value, b.value)
        })()
      : !hasMember(old, keys)
    if (differs) changed = withMember(changed, keys)
  }
  return { changed, removed: difference(old, now) }
}

/**
 * Fields the registry strategy sets after the field manager has run, which the apiserver
 * records for no manager: the DaemonSet template generation, a Job's generated selector and labels.
 */
const strategyOwned = (kind: string | undefined, after: Json): FieldSet => {
  const spec = isRecord(after['spec']) ? after['spec'] : {}
  const paths: ReadonlyArray<ReadonlyArray<string>> =
    kind === 'DaemonSet'
      ? [['f:metadata', 'f:annotations', 'f:deprecated.daemonset.template.generation']]
      : kind === 'Job' && spec['manualSelector'] !== true
        ? [
            ['f:spec', 'f:selector'],
            ...['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name'].map((l) => ['f:spec', 'f:template', 'f:metadata', 'f:labels', `f:${l}`]),
          ]
        : []
  return paths.reduce(withMember, emptySet)
}

const isOwnUpdate = (e: ManagedEntry, manager: string, apiVersion: string): boolean =>
  e.manager === manager && e.operation === 'Update' && e.subresource === undefined && e.apiVersion === apiVersion

/**
 * The managed fields after a create, update or non-apply patch by `manager`: it takes every
 * field the write changed from the others (an update always wins) and loses the removed ones.
 * Answers the entries unchanged (same array) when the write changed no field.
 */
export const recordUpdate = (input: {
  /** The entries the write starts from (the stored ones, or ones the request sets). */
  readonly entries: ReadonlyArray<ManagedEntry>
  readonly before: Json | undefined
  readonly after: Json
  readonly schema: Struct
  readonly manager: string
  readonly apiVersion: string
  readonly now: string
  readonly resetStatus: boolean
}): ReadonlyArray<ManagedEntry> => {
  const { entries } = input
  const compared = compareObjects(input.before, input.after, input.schema, input.resetStatus)
  const changed = difference(compared.changed, strategyOwned(input.schema.gvk?.kind, input.after))
  const { removed } = compared
  if (setIsEmpty(changed) && setIsEmpty(removed)) return entries
  const others = entries.map((e) => (isOwnUpdate(e, input.manager, input.apiVersion) ? e : { ...e, fields: difference(difference(e.fields, changed), removed) }))
  const own = entries.find((e) => isOwnUpdate(e, input.manager, input.apiVersion))
  const fields = difference(union(own?.fields ?? emptySet, changed), removed)
  const updated: ManagedEntry = { manager: input.manager, operation: 'Update', apiVersion: input.apiVersion, time: input.now, fields }
  return own === undefined ? [...others, updated] : others.map((e) => (e === own ? updated : e))
}
