import * as E from 'fp-ts/Either'
import { jsonEqual } from '../../memory/jsonEqual'
import { badRequest, type Status } from '../../memory/status'
import { strategicMergePatch } from '../../memory/strategicMergePatch'
import { formatApplyPath, isRecord } from '../openapi/fieldPath'
import type { Struct } from '../openapi/schema'
import { unknownFields } from '../openapi/unknownFields'
import { difference, emptySet, fieldSetOf, formatKeys, hasMember, membersOf, toFieldsV1, withMember, type FieldSet } from './fieldSet'
import { readManaged, trackedPart, writeManaged, type ManagedEntry } from './managedFields'
import { removeAt, valueAt } from './objectPaths'

type Json = Readonly<Record<string, unknown>>

export interface ApplyInput {
  readonly schema: Struct
  /** The stored object; undefined when the apply creates it. */
  readonly live: Json | undefined
  /** The apply configuration: the fields the manager wants to own, with their values. */
  readonly config: Json
  readonly manager: string
  readonly force: boolean
  /** `apps/v1`: the version the entries are recorded in. */
  readonly apiVersion: string
  readonly now: string
  /** `status` is a subresource of this kind: applies to the main resource leave it alone. */
  readonly resetStatus: boolean
}

interface Conflict {
  readonly entry: ManagedEntry
  readonly keys: ReadonlyArray<string>
}

/** `"kubectl-set" using apps/v1` for an updater, `"kubectl"` for an applier (the apiserver's wording). */
const managerText = (e: ManagedEntry): string =>
  `${JSON.stringify(e.manager)}${e.subresource !== undefined ? ` with subresource ${JSON.stringify(e.subresource)}` : ''}${e.operation === 'Update' ? ` using ${e.apiVersion}` : ''}`

const conflictStatus = (conflicts: ReadonlyArray<Conflict>): Status => {
  const [only] = conflicts
  let message: string
  if (conflicts.length === 1 && only !== undefined) message = `Apply failed with 1 conflict: conflict with ${managerText(only.entry)}: ${formatKeys(only.keys)}`
  else {
    const byManager = new Map<string, Conflict[]>()
    for (const c of conflicts) byManager.set(managerText(c.entry), [...(byManager.get(managerText(c.entry)) ?? []), c])
    const lines = [...byManager.keys()].sort().flatMap((m) => [`conflicts with ${m}:`, ...(byManager.get(m) ?? []).map((c) => `- ${formatKeys(c.keys)}`)])
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`
  }
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    reason: 'Conflict',
    message,
    details: { causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${managerText(c.entry)}`, field: formatKeys(c.keys) })) },
    code: 409,
  }
}

/** `kube-system/fluentd; apps/v1, Kind=DaemonSet`, as apply errors name the object. */
const describe = (config: Json, apiVersion: string, kind: string): string => {
  const meta = isRecord(config['metadata']) ? config['metadata'] : {}
  const text = (v: unknown): string => (typeof v === 'string' ? v : '')
  return `${text(meta['namespace'])}/${text(meta['name'])}; ${apiVersion.includes('/') ? apiVersion : `/${apiVersion}`}, Kind=${kind}`
}

/** Whether a manager owns the path or anything below it. */
const ownsUnder = (set: FieldSet, keys: ReadonlyArray<string>): boolean => {
  let at: FieldSet | undefined = set
  for (const k of keys) at = at?.children.get(k)
  return at !== undefined && (at.member || at.children.size > 0)
}

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration'

/**
 * The apiserver's path from client-side to server-side apply: when `kubectl` applies and every
 * conflict is on a field of the last client-side applied configuration (the annotation), the
 * apply goes ahead as if forced, so `apply` then `apply --server-side` of an edited manifest works.
 */
const upgradesClientSideApply = (manager: string, live: Json, schema: Struct, conflicts: ReadonlyArray<Conflict>, resetStatus: boolean): boolean => {
  if (manager !== 'kubectl') return false
  const annotations = isRecord(live['metadata']) && isRecord(live['metadata']['annotations']) ? live['metadata']['annotations'] : {}
  const text = annotations[lastApplied]
  if (typeof text !== 'string') return false
  let previous: unknown
  try {
    previous = JSON.parse(text)
  } catch {
    return false
  }
  if (!isRecord(previous)) return false
  const fields = fieldSetOf(trackedPart(previous, resetStatus), schema, false)
  return E.isRight(fields) && conflicts.every((c) => hasMember(fields.right, c.keys))
}

/**
 * Server-side apply of one configuration (the subset adapters/http/README.md describes):
 * conflicts with other managers' fields whose values would change (409 unless `force`, which takes
 * them over), removal of fields this manager applied before and no longer applies (unless someone
 * else owns them), a strategic merge of the configuration into the stored object, and the
 * manager's Apply entry set to exactly the applied fields. Answers the object to store.
 */
export const serverSideApply = (input: ApplyInput): E.Either<Status, Json> => {
  const { schema, live, config, manager } = input
  const meta = isRecord(config['metadata']) ? config['metadata'] : {}
  if (meta['managedFields'] !== undefined) return E.left(badRequest('metadata.managedFields must be nil'))
  const unknown = unknownFields(config, schema, 'apply').map((p) => `${formatApplyPath(p)}: field not declared in schema`)
  const typed = fieldSetOf(trackedPart(config, input.resetStatus), schema, true)
  const errors = [...unknown, ...(E.isLeft(typed) ? typed.left : [])]
  if (errors.length > 0 || E.isLeft(typed)) {
    const text = errors.length === 1 ? (errors[0] ?? '') : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n')
    return E.left(badRequest(`failed to create typed patch object (${describe(config, input.apiVersion, schema.gvk?.kind ?? '')}): ${text}`))
  }
  const applied = typed.right
  const entry = (fields: FieldSet, time: string): ManagedEntry => ({ manager, operation: 'Apply', apiVersion: input.apiVersion, time, fields })
  if (live === undefined) {
    return E.right({ ...config, metadata: { ...meta, managedFields: writeManaged([entry(applied, input.now)]) } })
  }

  const entries = readManaged(live)
  const isOwn = (e: ManagedEntry): boolean => e.manager === manager && e.operation === 'Apply' && e.subresource === undefined
  const own = entries.find(isOwn)
  const conflicts: Conflict[] = []
  for (const { keys, leaf } of membersOf(applied)) {
    if (!leaf) continue
    const was = valueAt(live, schema, keys)
    const wanted = valueAt(config, schema, keys)
    if (!was.found || (wanted.found && jsonEqual(was.value, wanted.value))) continue
    for (const e of entries) if (!isOwn(e) && hasMember(e.fields, keys)) conflicts.push({ entry: e, keys })
  }
  if (conflicts.length > 0 && !input.force && !upgradesClientSideApply(manager, live, schema, conflicts, input.resetStatus)) {
    return E.left(conflictStatus(conflicts))
  }
  let taken = emptySet
  for (const c of conflicts) taken = withMember(taken, c.keys)
  const kept = entries.map((e) => (isOwn(e) ? e : { ...e, fields: difference(e.fields, taken) }))

  // Fields this manager applied last time and not now go, unless another manager still owns them.
  let object: unknown = live
  for (const { keys } of membersOf(difference(own?.fields ?? emptySet, applied))) {
    if (!kept.some((e) => !isOwn(e) && ownsUnder(e.fields, keys))) object = removeAt(object, schema, keys)
  }
  const merged = strategicMergePatch(object, config) as Json
  const { managedFields: _previous, ...mergedMeta } = isRecord(merged['metadata']) ? merged['metadata'] : {}
  // A repeated apply that changes nothing keeps its time, so the store sees no change at all.
  const unchanged =
    own !== undefined && jsonEqual(toFieldsV1(own.fields), toFieldsV1(applied)) && jsonEqual(trackedPart(merged, input.resetStatus), trackedPart(live, input.resetStatus))
  const mine = entry(applied, unchanged && own.time !== undefined ? own.time : input.now)
  const next = own === undefined ? [...kept, mine] : kept.map((e) => (isOwn(e) ? mine : e))
  return E.right({ ...merged, metadata: { ...mergedMeta, managedFields: writeManaged(next) } })
}
