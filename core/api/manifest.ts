import * as E from 'fp-ts/Either'
import * as t from 'io-ts'
import { CronJob } from './cronJob'
import { defaultCronJob } from './cronJobDefaults'
import { DaemonSet } from './daemonSet'
import { defaultDaemonSet } from './daemonSetDefaults'
import { fieldErrorsOf } from './decodeFailure'
import { Job } from './job'
import { withIdentity } from './identity'
import { defaultJob, defaultJobUpdate } from './jobDefaults'
import { ObjectMeta } from './meta'
import { Node } from './node'
import { Pod } from './pod'
import { defaultPod } from './podDefaults'
import { ControllerRevision } from './revision'
import { validateControllerRevisionUpdate } from './validation/controllerRevision'
import { validateCronJob, validateCronJobUpdate } from './validation/cronJob'
import { validateDaemonSet, validateDaemonSetUpdate } from './validation/daemonSet'
import { validateJob } from './validation/job'
import { validateJobUpdate } from './validation/jobUpdate'
import { validatePodUpdate } from './validation/podUpdate'
import { formatInvalid, type FieldError } from './validation/fieldError'
import { dns1123SubdomainErrors, validateObjectName } from './validation/names'

/** Any object of the snapshot, tagged by what the controllers make of it. */
export type Manifest =
  | { readonly _tag: 'DaemonSet'; readonly object: DaemonSet }
  | { readonly _tag: 'Job'; readonly object: Job }
  | { readonly _tag: 'CronJob'; readonly object: CronJob }
  | { readonly _tag: 'Node'; readonly object: Node }
  | { readonly _tag: 'Pod'; readonly object: Pod }
  | { readonly _tag: 'ControllerRevision'; readonly object: ControllerRevision }
  | { readonly _tag: 'Other'; readonly object: Readonly<Record<string, unknown>> }

/** A manifest that could not be accepted: kubectl-style lines, one per problem. */
export interface ManifestError {
  readonly kind: string
  readonly name: string
  readonly errors: ReadonlyArray<FieldError>
}

export const formatManifestError = (e: ManifestError): ReadonlyArray<string> => e.errors.map((fe) => formatInvalid(e.kind, e.name, fe))

const Header = t.type({ apiVersion: t.string, kind: t.string })

interface KindRule<A> {
  /** Fills what a snapshot may leave out before the codec runs. */
  readonly prepare?: (raw: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>
  readonly codec: t.Type<A, unknown, unknown>
  readonly normalize: (a: A) => A
  readonly validate: (a: A) => ReadonlyArray<FieldError>
  /** The defaults of an update, where they differ from a create's. */
  readonly normalizeUpdate?: (a: A) => A
  /** The strategy's `ValidateUpdate` against the stored object; without it an update is validated as a create. */
  readonly validateUpdate?: (next: A, old: A) => ReadonlyArray<FieldError>
  readonly tag: (a: A) => Manifest
}

const rule = <A>(r: KindRule<A>): KindRule<unknown> => r as unknown as KindRule<unknown>

const asIs = <A>(a: A): A => a

/** Objects the controllers only read (nodes, pods, revisions) must still be named, as the API server requires. */
const nameRequired = (o: { readonly metadata: ObjectMeta }): ReadonlyArray<FieldError> =>
  validateObjectName(o.metadata, dns1123SubdomainErrors)

/** Kinds understood, by `group/version` and kind. Other kinds are carried along untouched. */
const rules: Readonly<Record<string, KindRule<unknown>>> = {
  'apps/v1/DaemonSet': rule<DaemonSet>({
    codec: DaemonSet,
    normalize: defaultDaemonSet,
    validate: validateDaemonSet,
    validateUpdate: validateDaemonSetUpdate,
    tag: (object) => ({ _tag: 'DaemonSet', object }),
  }),
  'batch/v1/Job': rule<Job>({
    codec: Job,
    normalize: defaultJob,
    validate: validateJob,
    normalizeUpdate: defaultJobUpdate,
    validateUpdate: validateJobUpdate,
    tag: (object) => ({ _tag: 'Job', object }),
  }),
  'batch/v1/CronJob': rule<CronJob>({
    codec: CronJob,
    normalize: defaultCronJob,
    validate: validateCronJob,
    validateUpdate: validateCronJobUpdate,
    tag: (object) => ({ _tag: 'CronJob', object }),
  }),
  'v1/Node': rule<Node>({ codec: Node, normalize: asIs, validate: nameRequired, tag: (object) => ({ _tag: 'Node', object }) }),
  'v1/Pod': rule<Pod>({
    codec: Pod,
    // A pod in a snapshot may omit its spec (upstream's test pods often do) or its uid; the uid is
    // derived as for other objects, so Job accounting can tell pods apart.
    prepare: (raw) => ({ spec: { containers: [] }, ...raw }),
    normalize: (p) => defaultPod({ ...p, metadata: withIdentity(p.metadata) }),
    validate: nameRequired,
    validateUpdate: validatePodUpdate,
    tag: (object) => ({ _tag: 'Pod', object }),
  }),
  'apps/v1/ControllerRevision': rule<ControllerRevision>({
    codec: ControllerRevision,
    normalize: (r) => ({ ...r, metadata: { ...r.metadata, namespace: r.metadata.namespace ?? 'default' } }),
    // Created as read-only kinds are (upstream's tests build revisions without data); an update
    // gets the API's full rules.
    validate: nameRequired,
    validateUpdate: validateControllerRevisionUpdate,
    tag: (object) => ({ _tag: 'ControllerRevision', object }),
  }),
}

/** The key of a kind in `rules`: `<apiVersion>/<kind>`, e.g. `apps/v1/DaemonSet`. */
export const kindKey = (apiVersion: string, kind: string): string => `${apiVersion}/${kind}`

/** The name kubectl prints for an object, read directly so that a malformed metadata still names it. */
const nameOfRaw = (raw: unknown): string => {
  const meta = (raw as { metadata?: { name?: unknown; generateName?: unknown } } | null)?.metadata
  const name = meta?.name ?? meta?.generateName
  return typeof name === 'string' ? name : ''
}

/**
 * Go's JSON decoding reads `null` as "absent" for every pointer, map and slice field, so
 * `labels: null` (or a bare `labels:` in YAML) is valid Kubernetes input. Dropping null members
 * before the codecs gives the same meaning. A ControllerRevision's `data` is kept verbatim:
 * it is compared byte for byte, and Go writes `"creationTimestamp":null` into it.
 */
const withoutNulls = (value: unknown, keep: (key: string, depth: number) => boolean, depth = 0): unknown => {
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v, keep, depth + 1))
  if (typeof value !== 'object' || value === null) return value
  // Copy-on-write: a part without nulls is returned as it is (the same value, not a copy), since
  // rebuilding every object on every admission was a visible share of a simulation's time.
  if (!hasNulls(value, keep, depth)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (keep(k, depth)) out[k] = v
    else if (v !== null) out[k] = withoutNulls(v, keep, depth + 1)
  }
  return out
}

/** Whether `withoutNulls` would drop anything here (or meet a `__proto__` key, which its copy turns into a prototype). */
const hasNulls = (value: unknown, keep: (key: string, depth: number) => boolean, depth: number): boolean => {
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some((v) => hasNulls(v, keep, depth + 1))
  for (const k of Object.keys(value)) {
    if (k === '__proto__') return true
    if (keep(k, depth)) continue
    const v = (value as Readonly<Record<string, unknown>>)[k]
    if (v === null || hasNulls(v, keep, depth + 1)) return true
  }
  return false
}

const keepRevisionData = (key: string, depth: number): boolean => depth === 0 && key === 'data'

/** A stored object of the same kind, whose update is being decoded. */
interface Stored {
  readonly old: unknown
}

const decodeWith = (raw: unknown, update?: Stored): E.Either<ManifestError, Manifest> => {
  const header = Header.is(raw) ? E.right<t.Errors, t.TypeOf<typeof Header>>(raw) : Header.decode(raw)
  if (E.isLeft(header)) {
    return E.left({ kind: 'Object', name: nameOfRaw(raw), errors: fieldErrorsOf(header.left) })
  }
  const { apiVersion, kind } = header.right
  const r = rules[kindKey(apiVersion, kind)]
  if (r === undefined) return E.right({ _tag: 'Other', object: raw as Readonly<Record<string, unknown>> })
  const name = nameOfRaw(raw)
  const present = withoutNulls(raw, kind === 'ControllerRevision' ? keepRevisionData : () => false) as Readonly<Record<string, unknown>>
  const prepared = r.prepare !== undefined ? r.prepare(present) : present
  // The kinds' codecs only check (none transforms a value), so an input their type guard accepts
  // decodes to itself; the guard allocates nothing, where decoding builds a context per field.
  // Anything the guard rejects is decoded, for its result or its errors exactly as before.
  const decoded = r.codec.is(prepared) ? E.right<t.Errors, unknown>(prepared) : r.codec.decode(prepared)
  if (E.isLeft(decoded)) return E.left({ kind, name, errors: fieldErrorsOf(decoded.left) })
  const updating = update !== undefined && r.validateUpdate !== undefined
  const object = updating ? (r.normalizeUpdate ?? r.normalize)(decoded.right) : r.normalize(decoded.right)
  // The stored object passed this same admission when it was written, so it is read as its kind.
  const errors = updating && r.validateUpdate !== undefined ? r.validateUpdate(object, update.old) : r.validate(object)
  return errors.length > 0 ? E.left({ kind, name, errors }) : E.right(r.tag(object))
}

/**
 * Decodes one object: checks its shape with the kind's codec, applies the API server's defaults
 * and validation, and tags it. Total: every input yields a manifest or the errors kubectl prints.
 */
export const decodeManifest = (raw: unknown): E.Either<ManifestError, Manifest> => decodeWith(raw)

/**
 * Decodes an update of `old`, a stored object of the same kind: the defaults of an update (a Job
 * gets no generated selector) and the kind's update validation (fields that may not change, and
 * what else `ValidateUpdate` checks). Kinds without update rules are validated as creates.
 */
export const decodeUpdate = (raw: unknown, old: unknown): E.Either<ManifestError, Manifest> => decodeWith(raw, { old })
