import { controllerOf, isBeingDeleted, namespaceOf, type Named, type OwnerReference } from '../api/meta'
import { matchesSelector, type Selector } from '../labels'

/** The outcome of claiming: what the owner controls now, and the ownerReference writes it needs. */
export interface Claim<A extends Named> {
  readonly claimed: ReadonlyArray<A>
  /** Orphans to adopt: patch `metadata.ownerReferences` to the given list. */
  readonly adopt: ReadonlyArray<{ readonly object: A; readonly ownerReferences: ReadonlyArray<OwnerReference> }>
  /** Owned objects whose labels no longer match: drop this owner from `ownerReferences`. */
  readonly release: ReadonlyArray<{ readonly object: A; readonly ownerReferences: ReadonlyArray<OwnerReference> }>
}

export interface Claimer {
  readonly owner: Named
  readonly ownerRef: OwnerReference
  readonly selector: Selector
}

/**
 * Mirrors `BaseControllerRefManager.ClaimObject` (adopt orphans, release non-matching, ignore
 * objects of other controllers). Adoption and release are skipped while the owner is being deleted,
 * but objects it already controls stay claimed.
 */
export const claimObjects = <A extends Named>(claimer: Claimer, objects: ReadonlyArray<A>): Claim<A> => {
  const { owner, ownerRef, selector } = claimer
  const ns = namespaceOf(owner)
  const ownerDeleting = isBeingDeleted(owner)
  const claimed: A[] = []
  const adopt: Array<Claim<A>['adopt'][number]> = []
  const release: Array<Claim<A>['release'][number]> = []
  for (const object of objects) {
    if (namespaceOf(object) !== ns) continue
    const ref = controllerOf(object)
    const matches = matchesSelector(selector, object.metadata.labels ?? {})
    if (ref !== undefined) {
      if (ref.uid !== ownerRef.uid) continue
      if (matches) claimed.push(object)
      else if (!ownerDeleting) {
        const rest = (object.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerRef.uid)
        release.push({ object, ownerReferences: rest })
      }
      continue
    }
    if (ownerDeleting || !matches || isBeingDeleted(object)) continue
    adopt.push({ object, ownerReferences: [...(object.metadata.ownerReferences ?? []), ownerRef] })
    claimed.push(object)
  }
  return { claimed, adopt, release }
}
