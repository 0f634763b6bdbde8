import { controllerOf, isBeingDeleted, namespaceOf, type Named, type OwnerReference } from '../api/meta'
import { matchesSelector, type Selector } from '../labels'

/** An ownership write the claim needs: set the object's `ownerReferences` to this list. */
export interface OwnershipWrite<A extends Named> {
  readonly object: A
  readonly ownerReferences: ReadonlyArray<OwnerReference>
}

/** The outcome of claiming: what the owner controls now, and the ownerReference writes it needs. */
export interface Claim<A extends Named> {
  /** Controlled objects, adopted ones already carrying the new ownerReferences. */
  readonly claimed: ReadonlyArray<A>
  /** Orphans the selector matches: adopt them. */
  readonly adopt: ReadonlyArray<OwnershipWrite<A>>
  /** Owned objects whose labels no longer match: drop this owner. */
  readonly release: ReadonlyArray<OwnershipWrite<A>>
}

export interface Claimer {
  readonly owner: Named
  readonly ownerRef: OwnerReference
  readonly selector: Selector
}

/** Adoption is a strategic merge of `ownerReferences`, keyed by uid: an entry for the owner is overwritten. */
const adoptedOwners = (existing: ReadonlyArray<OwnerReference>, ref: OwnerReference): ReadonlyArray<OwnerReference> =>
  existing.some((r) => r.uid === ref.uid) ? existing.map((r) => (r.uid === ref.uid ? { ...r, ...ref } : r)) : [...existing, ref]

/**
 * Mirrors `BaseControllerRefManager.ClaimObject` (adopt orphans, release non-matching, ignore
 * objects of other controllers). Adoption and release are skipped while the owner is being deleted,
 * but objects it already controls stay claimed. An owner without a uid controls nothing.
 */
export const claimObjects = <A extends Named>(claimer: Claimer, objects: ReadonlyArray<A>): Claim<A> => {
  const { owner, ownerRef, selector } = claimer
  const ns = namespaceOf(owner)
  const ownerDeleting = isBeingDeleted(owner)
  const claimed: A[] = []
  const adopt: Array<OwnershipWrite<A>> = []
  const release: Array<OwnershipWrite<A>> = []
  for (const object of objects) {
    if (namespaceOf(object) !== ns) continue
    const ref = controllerOf(object)
    const matches = matchesSelector(selector, object.metadata.labels ?? {})
    const owners = object.metadata.ownerReferences ?? []
    if (ref !== undefined) {
      if (ref.uid !== ownerRef.uid || ownerRef.uid === '') continue
      if (matches) claimed.push(object)
      else if (!ownerDeleting) release.push({ object, ownerReferences: owners.filter((r) => r.uid !== ownerRef.uid) })
      continue
    }
    if (ownerDeleting || !matches || isBeingDeleted(object)) continue
    const ownerReferences = adoptedOwners(owners, ownerRef)
    adopt.push({ object, ownerReferences })
    claimed.push({ ...object, metadata: { ...object.metadata, ownerReferences: [...ownerReferences] } })
  }
  return { claimed, adopt, release }
}
