import * as E from 'fp-ts/Either'
import * as t from 'io-ts'
import { CronJob } from './cronJob'
import { defaultCronJob } from './cronJobDefaults'
import { DaemonSet } from './daemonSet'
import { defaultDaemonSet } from './daemonSetDefaults'
import { fieldErrorsOf } from './decodeFailure'
import { Job } from './job'
import { defaultJob } from './jobDefaults'
import { ObjectMeta } from './meta'
import { Node } from './node'
import { Pod } from './pod'
import { ControllerRevision } from './revision'
import { validateCronJob } from './validation/cronJob'
import { validateDaemonSet } from './validation/daemonSet'
import { validateJob } from './validation/job'
import { formatInvalid, type FieldError } from './validation/fieldError'

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
  readonly codec: t.Decoder<unknown, A>
  readonly normalize: (a: A) => A
  readonly validate: (a: A) => ReadonlyArray<FieldError>
  readonly tag: (a: A) => Manifest
}

const rule = <A>(r: KindRule<A>): KindRule<unknown> => r as unknown as KindRule<unknown>

const asIs = <A>(a: A): A => a
const noChecks = (): ReadonlyArray<FieldError> => []

/** Kinds understood, by `group/version` and kind. Other kinds are carried along untouched. */
const rules: Readonly<Record<string, KindRule<unknown>>> = {
  'apps/v1/DaemonSet': rule<DaemonSet>({
    codec: DaemonSet,
    normalize: defaultDaemonSet,
    validate: validateDaemonSet,
    tag: (object) => ({ _tag: 'DaemonSet', object }),
  }),
  'batch/v1/Job': rule<Job>({
    codec: Job,
    normalize: defaultJob,
    validate: validateJob,
    tag: (object) => ({ _tag: 'Job', object }),
  }),
  'batch/v1/CronJob': rule<CronJob>({
    codec: CronJob,
    normalize: defaultCronJob,
    validate: validateCronJob,
    tag: (object) => ({ _tag: 'CronJob', object }),
  }),
  'v1/Node': rule<Node>({ codec: Node, normalize: asIs, validate: noChecks, tag: (object) => ({ _tag: 'Node', object }) }),
  'v1/Pod': rule<Pod>({
    codec: Pod,
    normalize: (p) => ({ ...p, metadata: { ...p.metadata, namespace: p.metadata.namespace ?? 'default' } }),
    validate: noChecks,
    tag: (object) => ({ _tag: 'Pod', object }),
  }),
  'apps/v1/ControllerRevision': rule<ControllerRevision>({
    codec: ControllerRevision,
    normalize: (r) => ({ ...r, metadata: { ...r.metadata, namespace: r.metadata.namespace ?? 'default' } }),
    validate: noChecks,
    tag: (object) => ({ _tag: 'ControllerRevision', object }),
  }),
}

/** Extends the kinds understood; used by the Job and CronJob modules to plug in their rules. */
export const kindKey = (apiVersion: string, kind: string): string => `${apiVersion}/${kind}`

const nameOfRaw = (raw: unknown): string => {
  const meta = ObjectMeta.decode((raw as { metadata?: unknown } | null)?.metadata ?? {})
  return E.isRight(meta) ? (meta.right.name ?? meta.right.generateName ?? '') : ''
}

/**
 * Decodes one object: checks its shape with the kind's codec, applies the API server's defaults
 * and validation, and tags it. Total: every input yields a manifest or the errors kubectl prints.
 */
export const decodeManifest = (raw: unknown): E.Either<ManifestError, Manifest> => {
  const header = Header.decode(raw)
  if (E.isLeft(header)) {
    return E.left({ kind: 'Object', name: nameOfRaw(raw), errors: fieldErrorsOf(header.left) })
  }
  const { apiVersion, kind } = header.right
  const r = rules[kindKey(apiVersion, kind)]
  if (r === undefined) return E.right({ _tag: 'Other', object: raw as Readonly<Record<string, unknown>> })
  const name = nameOfRaw(raw)
  const decoded = r.codec.decode(raw)
  if (E.isLeft(decoded)) return E.left({ kind, name, errors: fieldErrorsOf(decoded.left) })
  const object = r.normalize(decoded.right)
  const errors = r.validate(object)
  return errors.length > 0 ? E.left({ kind, name, errors }) : E.right(r.tag(object))
}
