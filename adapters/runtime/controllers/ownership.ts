import * as E from 'fp-ts/Either'
import { controllerOf, labelsOf, type LabelSelector, type Named } from '../../../core/api'
import { fromLabelSelector, matchesSelector, nothing, type Selector } from '../../../core/labels'
import type { ObjectCache } from '../objectCache'
import { keyOf } from '../objectCache'
import { IndexNames } from '../sharedInformers'

/**
 * The key of the controller of `object` when it is a `kind` in `cache` with the referenced uid
 * (`resolveControllerRef`): a reference to a deleted and re-created owner resolves to nothing.
 */
export const controllerKeyOf = <A extends Named>(object: Named, kind: string, cache: ObjectCache<A>): string | undefined => {
  const ref = controllerOf(object)
  if (ref === undefined || ref.kind !== kind) return undefined
  const key = keyOf(object.metadata.namespace ?? '', ref.name)
  const owner = cache.get(key)
  return owner !== undefined && owner.metadata.uid === ref.uid ? key : undefined
}

/** A selector compiled once per cached object version (objects are immutable, so identity is enough). */
export const selectorCache = <A extends Named>(selectorOf: (a: A) => LabelSelector | null | undefined): ((a: A) => Selector) => {
  const compiled = new WeakMap<A, Selector>()
  return (a) => {
    const hit = compiled.get(a)
    if (hit !== undefined) return hit
    const selector = E.getOrElse((): Selector => nothing)(fromLabelSelector(selectorOf(a)))
    compiled.set(a, selector)
    return selector
  }
}

/** Keys of the controllers in the orphan's namespace whose selector matches its labels (`getPodDaemonSets`, `getPodJobs`). */
export const selectingKeys = <A extends Named>(orphan: Named, cache: ObjectCache<A>, selectorOf: (a: A) => Selector): ReadonlyArray<string> => {
  const ns = orphan.metadata.namespace ?? ''
  const labels = labelsOf(orphan)
  return cache
    .byIndex(IndexNames.namespace, ns)
    .filter((c) => matchesSelector(selectorOf(c), labels))
    .map((c) => keyOf(ns, c.metadata.name ?? ''))
}

const sameRecord = (a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean => {
  const ea = Object.entries(a ?? {})
  const eb = b ?? {}
  return ea.length === Object.keys(eb).length && ea.every(([k, v]) => eb[k] === v)
}

export const labelsChanged = (old: Named, cur: Named): boolean => !sameRecord(old.metadata.labels, cur.metadata.labels)

export const controllerRefChanged = (old: Named, cur: Named): boolean => {
  const a = controllerOf(old)
  const b = controllerOf(cur)
  return a?.uid !== b?.uid || a?.kind !== b?.kind || a?.name !== b?.name
}

/** No controller reference at all: an orphan that controllers with a matching selector may adopt. */
export const isOrphan = (o: Named): boolean => controllerOf(o) === undefined

export const isTerminating = (o: Named): boolean => o.metadata.deletionTimestamp != null

/** Same resourceVersion: a relist's or resync's replay of what the handler already saw. */
export const isReplay = (old: Named, cur: Named): boolean => old.metadata.resourceVersion === cur.metadata.resourceVersion
