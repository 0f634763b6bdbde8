import * as E from 'fp-ts/Either'
import {
  DaemonSetKind,
  controllerOf,
  controllerRef,
  isBeingDeleted,
  labelsOf,
  namespaceOf,
  type ControllerRevision,
  type DaemonSet,
  type OwnerReference,
} from '../api'
import { fromLabelSelector, matchesSelector, nothing } from '../labels'
import { updateRevision, type UpdateRevision } from '../plan'

/** The revisions a DaemonSet controls after claiming, and the ownerReference writes that got them there. */
export interface RevisionClaim {
  readonly claimed: ReadonlyArray<ControllerRevision>
  readonly actions: ReadonlyArray<UpdateRevision>
}

const withOwners = (revision: ControllerRevision, owners: ReadonlyArray<OwnerReference>): ControllerRevision => {
  const { ownerReferences: _dropped, ...metadata } = revision.metadata
  return { ...revision, metadata: owners.length > 0 ? { ...metadata, ownerReferences: [...owners] } : metadata }
}

/** A strategic merge on `ownerReferences` keys by uid: an existing entry for the owner is overwritten in place. */
const adoptedOwners = (existing: ReadonlyArray<OwnerReference>, ref: OwnerReference): ReadonlyArray<OwnerReference> =>
  existing.some((r) => r.uid === ref.uid) ? existing.map((r) => (r.uid === ref.uid ? { ...r, ...ref } : r)) : [...existing, ref]

/**
 * Mirrors `controlledHistories` (`ClaimControllerRevisions`): revisions of the DaemonSet's
 * namespace are adopted when orphaned and selected, released when owned but no longer selected,
 * and ignored when another controller owns them. Nothing is adopted or released while the
 * DaemonSet is being deleted. A malformed selector selects nothing, as `labelSelectorMatches` does.
 */
export const claimRevisions = (ds: DaemonSet, revisions: ReadonlyArray<ControllerRevision>): RevisionClaim => {
  const namespace = namespaceOf(ds)
  const uid = ds.metadata.uid ?? ''
  const deleting = isBeingDeleted(ds)
  const parsed = fromLabelSelector(ds.spec.selector)
  const selector = E.isRight(parsed) ? parsed.right : nothing
  const claimed: ControllerRevision[] = []
  const actions: UpdateRevision[] = []
  for (const revision of revisions) {
    if (namespaceOf(revision) !== namespace) continue
    const owners = revision.metadata.ownerReferences ?? []
    const matches = matchesSelector(selector, labelsOf(revision))
    const ref = controllerOf(revision)
    if (ref !== undefined) {
      if (ref.uid !== uid) continue
      if (matches) claimed.push(revision)
      else if (!deleting) actions.push(updateRevision(withOwners(revision, owners.filter((r) => r.uid !== uid))))
      continue
    }
    if (deleting || !matches || isBeingDeleted(revision)) continue
    const adopted = withOwners(revision, adoptedOwners(owners, controllerRef(DaemonSetKind.apiVersion, DaemonSetKind.kind, ds)))
    actions.push(updateRevision(adopted))
    claimed.push(adopted)
  }
  return { claimed, actions }
}
