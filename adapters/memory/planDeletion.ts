import * as E from 'fp-ts/Either'
import { formatInstant } from '../../core/api'
import type { DeleteRequest, KubeObject, PropagationPolicy } from '../runtime/clusterApi'
import type { ResourceInfo } from './resources'
import { conflict, type Status } from './status'

/** The finalizers through which the garbage collector carries out Orphan and Foreground deletion. */
export const GcFinalizers = { orphan: 'orphan', foreground: 'foregroundDeletion' } as const

/** What a DELETE does to a stored object. */
export type DeletionStep =
  | { readonly _tag: 'Remove' }
  /** Store this version (deletionTimestamp, grace period, finalizers) and keep the object until it is finished. */
  | { readonly _tag: 'Mark'; readonly object: KubeObject; readonly graceSeconds: number }
  /** Already terminating, and this request shortens nothing. */
  | { readonly _tag: 'Unchanged' }

const defaultGraceSeconds = 30

/** `CheckGracefulDeletion` of the pod strategy: unbound and finished pods go at once. */
const graceSecondsOf = (info: ResourceInfo, object: KubeObject, requested: number | undefined): number => {
  if (!info.gracefulDeletion) return 0
  const spec = object['spec'] as { readonly nodeName?: string; readonly terminationGracePeriodSeconds?: number } | undefined
  const phase = (object['status'] as { readonly phase?: string } | undefined)?.phase
  if ((spec?.nodeName ?? '') === '' || phase === 'Succeeded' || phase === 'Failed') return 0
  return Math.max(0, requested ?? spec?.terminationGracePeriodSeconds ?? defaultGraceSeconds)
}

/** `deletionFinalizersForGarbageCollection`: Orphan and Foreground add their finalizer, Background removes both. */
const finalizersFor = (policy: PropagationPolicy, finalizers: ReadonlyArray<string>): ReadonlyArray<string> => {
  const others = finalizers.filter((f) => f !== GcFinalizers.orphan && f !== GcFinalizers.foreground)
  if (policy === 'Orphan') return [...others, GcFinalizers.orphan]
  if (policy === 'Foreground') return [...others, GcFinalizers.foreground]
  return others
}

/** Whether a terminating object is finished: no finalizers left and no grace period to wait for. */
export const isFinished = (object: KubeObject): boolean =>
  object.metadata.deletionTimestamp != null &&
  (object.metadata.finalizers ?? []).length === 0 &&
  (object.metadata.deletionGracePeriodSeconds ?? 0) === 0

/**
 * Decides a DELETE as the generic registry's `BeforeDelete` does: an object with no finalizers
 * and no grace period is removed; otherwise it gets a deletionTimestamp (now + grace) and its
 * garbage-collection finalizer and stays until the finalizers are gone and the grace period is
 * over (the kubelet's or the grace timer's zero-grace delete). A second delete may only shorten
 * the grace period.
 */
export const planDeletion = (info: ResourceInfo, object: KubeObject, request: DeleteRequest, now: number): DeletionStep => {
  const grace = graceSecondsOf(info, object, request.gracePeriodSeconds)
  const meta = object.metadata
  if (meta.deletionTimestamp != null) {
    const current = meta.deletionGracePeriodSeconds ?? 0
    if (grace >= current) return { _tag: 'Unchanged' }
    const shortened: KubeObject = {
      ...object,
      metadata: { ...meta, deletionTimestamp: formatInstant(now + grace * 1000), deletionGracePeriodSeconds: grace },
    }
    return isFinished(shortened) ? { _tag: 'Remove' } : { _tag: 'Mark', object: shortened, graceSeconds: grace }
  }
  const finalizers = finalizersFor(request.propagationPolicy ?? info.defaultPropagation, meta.finalizers ?? [])
  if (grace === 0 && finalizers.length === 0) return { _tag: 'Remove' }
  const { finalizers: _old, ...rest } = meta
  return {
    _tag: 'Mark',
    object: {
      ...object,
      metadata: {
        ...rest,
        ...(finalizers.length > 0 ? { finalizers: [...finalizers] } : {}),
        deletionTimestamp: formatInstant(now + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    },
    graceSeconds: grace,
  }
}

/** `Preconditions` of a DeleteOptions: a uid or resourceVersion that no longer matches is a 409 Conflict. */
export const checkDeletePreconditions = (info: ResourceInfo, stored: KubeObject, request: DeleteRequest): E.Either<Status, void> => {
  const { uid, resourceVersion } = request.preconditions ?? {}
  const name = stored.metadata.name ?? ''
  if (uid !== undefined && uid !== stored.metadata.uid) {
    return E.left(conflict(info, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${stored.metadata.uid ?? ''}`))
  }
  if (resourceVersion !== undefined && resourceVersion !== stored.metadata.resourceVersion) {
    const why = `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${stored.metadata.resourceVersion ?? ''}`
    return E.left(conflict(info, name, why))
  }
  return E.right(undefined)
}
