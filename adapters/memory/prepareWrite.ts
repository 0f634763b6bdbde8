import * as E from 'fp-ts/Either'
import { DaemonSetKeys, forbidden, formatInstant, required, type ObjectMeta } from '../../core/api'
import type { KubeObject, ObjectBody } from '../runtime/clusterApi'
import { admit, admitUpdate } from './admit'
import { admitStatus, withStatus } from './admitStatus'
import { jsonEqual } from './jsonEqual'
import { apiVersionOf, type ResourceInfo } from './resources'
import { badRequest, conflict, invalid, type Status } from './status'

type Meta = Readonly<ObjectMeta>

/** Where a write lands, resolved from the URL and the body by the store. */
export interface WriteTarget {
  readonly namespace: string
  readonly name: string
}

/** Sets or removes one metadata field (`undefined` removes it), keeping exactOptionalPropertyTypes happy. */
const withField = <K extends keyof ObjectMeta>(meta: Meta, key: K, value: ObjectMeta[K] | undefined): Meta => {
  const out: ObjectMeta = { ...meta }
  if (value === undefined) delete out[key]
  else out[key] = value
  return out
}


const isDaemonSet = (info: ResourceInfo): boolean => info.group === 'apps' && info.kind === 'DaemonSet'

const templateOf = (o: KubeObject): unknown => (o['spec'] as { readonly template?: unknown } | undefined)?.template

const withTemplateGeneration = (o: KubeObject, generation: string): KubeObject => ({
  ...o,
  metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, [DaemonSetKeys.templateGenerationAnnotation]: generation } },
})

const checkKind = (info: ResourceInfo, body: ObjectBody): E.Either<Status, { readonly apiVersion: string; readonly kind: string }> => {
  const apiVersion = body.apiVersion ?? apiVersionOf(info)
  const kind = body.kind ?? info.kind
  if (apiVersion !== apiVersionOf(info) || kind !== info.kind) {
    return E.left(badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${apiVersionOf(info)})`))
  }
  return E.right({ apiVersion, kind })
}

/**
 * `BeforeCreate` of the generic registry: the object gets its name, namespace, uid, creation
 * time and generation 1 (DaemonSets also template generation 1), loses any deletion marks, starts
 * from the resource's initial status, and is then defaulted and validated. No resourceVersion yet.
 */
export const prepareCreate = (
  info: ResourceInfo,
  body: ObjectBody,
  target: WriteTarget & { readonly uid: string; readonly now: number },
): E.Either<Status, KubeObject> => {
  const header = checkKind(info, body)
  if (E.isLeft(header)) return header
  if (target.name === '') {
    return E.left(invalid(info, '', [required('metadata.name', 'name or generateName is required')]))
  }
  let meta: Meta = { ...body.metadata, name: target.name, uid: target.uid, creationTimestamp: formatInstant(target.now) }
  meta = withField(meta, 'namespace', info.namespaced ? target.namespace : undefined)
  meta = withField(meta, 'generation', info.tracksGeneration ? 1 : undefined)
  meta = withField(meta, 'resourceVersion', undefined)
  meta = withField(meta, 'deletionTimestamp', undefined)
  meta = withField(meta, 'deletionGracePeriodSeconds', undefined)
  let object: KubeObject = { ...body, ...header.right, metadata: meta }
  if (info.initialStatus !== undefined) object = withStatus(object, info.initialStatus)
  if (isDaemonSet(info)) object = withTemplateGeneration(object, '1')
  return admit(info, object)
}

/** Whether the stored version allows this write: an empty resourceVersion is an unconditional update. */
const checkPreconditions = (info: ResourceInfo, stored: KubeObject, body: ObjectBody, target: WriteTarget): E.Either<Status, void> => {
  const meta = body.metadata ?? {}
  if (meta.name !== undefined && meta.name !== target.name) {
    return E.left(badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${target.name})`))
  }
  if (info.namespaced && meta.namespace !== undefined && meta.namespace !== target.namespace) {
    return E.left(badRequest('the namespace of the provided object does not match the namespace sent on the request'))
  }
  if (meta.uid !== undefined && meta.uid !== '' && meta.uid !== stored.metadata.uid) {
    return E.left(conflict(info, target.name, `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${stored.metadata.uid ?? ''}`))
  }
  const rv = meta.resourceVersion ?? ''
  return rv !== '' && rv !== stored.metadata.resourceVersion ? E.left(conflict(info, target.name)) : E.right(undefined)
}

/** Metadata the client cannot change through an update: identity, creation and deletion marks, generation. */
const systemFields = ['name', 'namespace', 'uid', 'creationTimestamp', 'generation', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'resourceVersion'] as const

const copyField = <K extends keyof ObjectMeta>(meta: Meta, from: Meta, key: K): Meta => withField(meta, key, from[key])

const keepSystemFields = (stored: Meta, meta: Meta): Meta => systemFields.reduce((out, key) => copyField(out, stored, key), meta)

const newFinalizers = (stored: Meta, next: Meta): ReadonlyArray<string> =>
  (next.finalizers ?? []).filter((f) => !(stored.finalizers ?? []).includes(f))

/**
 * `BeforeUpdate` for a main-resource write (PUT or PATCH): optimistic concurrency on
 * resourceVersion, system metadata kept, the stored status kept when status is a subresource,
 * defaulting and validation, then `generation` + 1 when `spec` changed (and, as the apps/v1
 * DaemonSet strategy does, the template generation annotation + 1 when the template changed).
 */
export const prepareUpdate = (info: ResourceInfo, stored: KubeObject, body: ObjectBody, target: WriteTarget): E.Either<Status, KubeObject> => {
  const header = checkKind(info, body)
  if (E.isLeft(header)) return header
  const pre = checkPreconditions(info, stored, body, target)
  if (E.isLeft(pre)) return pre
  const meta = keepSystemFields(stored.metadata, body.metadata ?? {})
  if (stored.metadata.deletionTimestamp != null && newFinalizers(stored.metadata, meta).length > 0) {
    const added = newFinalizers(stored.metadata, meta)
    return E.left(
      invalid(info, target.name, [
        forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`),
      ]),
    )
  }
  let candidate: KubeObject = { ...body, ...header.right, metadata: meta }
  if (info.statusSubresource) candidate = withStatus(candidate, stored['status'])
  const admitted = admitUpdate(info, candidate, stored)
  if (E.isLeft(admitted)) return admitted
  let next = admitted.right
  if (info.tracksGeneration && !jsonEqual(stored['spec'], next['spec'])) {
    next = { ...next, metadata: { ...next.metadata, generation: (stored.metadata.generation ?? 0) + 1 } }
  }
  if (isDaemonSet(info)) {
    const current = Number(stored.metadata.annotations?.[DaemonSetKeys.templateGenerationAnnotation] ?? '1')
    const base = Number.isInteger(current) && current > 0 ? current : 1
    next = withTemplateGeneration(next, String(jsonEqual(templateOf(stored), templateOf(next)) ? base : base + 1))
  }
  return E.right(next)
}

/** `BeforeUpdate` for the status subresource: only `status` comes from the body. */
export const prepareStatusUpdate = (info: ResourceInfo, stored: KubeObject, body: ObjectBody, target: WriteTarget): E.Either<Status, KubeObject> => {
  const header = checkKind(info, body)
  if (E.isLeft(header)) return header
  const pre = checkPreconditions(info, stored, body, target)
  if (E.isLeft(pre)) return pre
  return admitStatus(info, stored, body['status'])
}
