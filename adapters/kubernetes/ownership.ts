import { controllerOf, type Named, type OwnerReference } from '../../core/api'
import { keyOf } from '../runtime/objectCache'

/** What a write may touch, decided from the controllers' caches before it goes out. */
export type WriteVerdict = { readonly _tag: 'Allowed' } | { readonly _tag: 'Refused'; readonly why: string }

export const allowed: WriteVerdict = { _tag: 'Allowed' }
const refused = (why: string): WriteVerdict => ({ _tag: 'Refused', why })

/** The caches the controllers read, and which kinds of theirs own other objects. */
export interface OwnershipView {
  /** The cached object of a kind by `namespace/name` key, if that kind is cached. */
  readonly objectOf: (kind: string, key: string) => Named | undefined
  /** The kinds of the running controllers (DaemonSet, Job, CronJob). */
  readonly ownerKinds: ReadonlySet<string>
}

const describeRef = (ref: OwnerReference, namespace: string): string => `${ref.kind} ${namespace}/${ref.name}`

/** Whether `ref` names an object of the controllers' kinds that the caches hold with that uid. */
export const isKnownOwner = (view: OwnershipView, ref: OwnerReference | undefined, namespace: string): boolean =>
  ref !== undefined && view.ownerKinds.has(ref.kind) && view.objectOf(ref.kind, keyOf(namespace, ref.name))?.metadata.uid === ref.uid

/** The controller reference a merge patch gives an object, if it sets `metadata.ownerReferences`. */
const controllerSetBy = (patch: unknown): OwnerReference | undefined => {
  const meta = (patch as { readonly metadata?: { readonly ownerReferences?: unknown } } | undefined)?.metadata
  const refs = meta?.ownerReferences
  return Array.isArray(refs) ? (refs as ReadonlyArray<OwnerReference>).find((r) => r.controller === true) : undefined
}

/** Whether a merge patch changes nothing but `metadata.finalizers`. */
const onlyFinalizers = (patch: unknown): boolean => {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return false
  const keys = Object.keys(patch)
  const meta = (patch as { readonly metadata?: unknown }).metadata
  return keys.length === 1 && keys[0] === 'metadata' && typeof meta === 'object' && meta !== null && Object.keys(meta).join() === 'finalizers'
}

/** A create: the new object's controller must be one of the controllers' own objects (Events are free). */
export const decideCreate = (view: OwnershipView, kind: string, body: Named): WriteVerdict => {
  if (kind === 'Event') return allowed
  const ref = controllerOf(body)
  if (isKnownOwner(view, ref, body.metadata.namespace ?? '')) return allowed
  return refused(ref === undefined ? 'it names no controller of ours' : `its controller ${describeRef(ref, body.metadata.namespace ?? '')} is not one of ours`)
}

/** A write to an existing object: a merge patch, a replace with its new body, or a delete. */
export type ChildWrite =
  | { readonly _tag: 'Patch'; readonly patch: unknown }
  | { readonly _tag: 'Update'; readonly body: Named }
  | { readonly _tag: 'Delete' }

/**
 * A write to an existing child object (update, patch or delete of a Pod, ControllerRevision or
 * Job), judged on the object as the caches hold it: allowed when its controller is one of the
 * controllers' objects (the same uid); an orphan only by a patch or replace that adopts it into
 * one of ours (`ClaimPods`, `ControllerRevision` adoption); an object whose controller of our
 * kinds is gone only by a patch of its finalizers (the Job controller's `syncOrphanPod`).
 * Anything else belongs to someone else.
 */
export const decideChildWrite = (view: OwnershipView, current: Named, write: ChildWrite): WriteVerdict => {
  const namespace = current.metadata.namespace ?? ''
  const ref = controllerOf(current)
  if (isKnownOwner(view, ref, namespace)) return allowed
  if (write._tag !== 'Delete') {
    const adopter = write._tag === 'Patch' ? controllerSetBy(write.patch) : controllerOf(write.body)
    if (ref === undefined && isKnownOwner(view, adopter, namespace)) return allowed
  }
  if (write._tag === 'Patch' && ref !== undefined && view.ownerKinds.has(ref.kind) && view.objectOf(ref.kind, keyOf(namespace, ref.name)) === undefined && onlyFinalizers(write.patch)) {
    return allowed
  }
  if (ref === undefined) return refused('it has no controller (only adopting it is allowed)')
  return refused(`its controller is ${describeRef(ref, namespace)}`)
}

/** A status write: only to the controllers' own objects, as the caches hold them. */
export const decideStatusWrite = (view: OwnershipView, kind: string, current: Named | undefined): WriteVerdict => {
  if (!view.ownerKinds.has(kind)) return refused(`the controllers do not manage ${kind} objects`)
  return current === undefined ? refused('the controllers have not seen it') : allowed
}
