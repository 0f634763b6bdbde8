import * as E from 'fp-ts/Either'
import { DaemonSetKind, controllerRef, type ControllerRevision, type DaemonSet, type OwnerReference } from '../api'
import { claimObjects, type OwnershipWrite } from '../cluster'
import { fromLabelSelector, nothing } from '../labels'
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

/**
 * Mirrors `controlledHistories` (`ClaimControllerRevisions`): revisions of the DaemonSet's
 * namespace are adopted when orphaned and selected, released when owned but no longer selected,
 * and ignored when another controller owns them. Nothing is adopted or released while the
 * DaemonSet is being deleted. A malformed selector selects nothing, as `labelSelectorMatches` does.
 */
export const claimRevisions = (ds: DaemonSet, revisions: ReadonlyArray<ControllerRevision>): RevisionClaim => {
  const parsed = fromLabelSelector(ds.spec.selector)
  const ownerRef = controllerRef(DaemonSetKind.apiVersion, DaemonSetKind.kind, ds)
  const claim = claimObjects({ owner: ds, ownerRef, selector: E.isRight(parsed) ? parsed.right : nothing }, revisions)
  const write = ({ object, ownerReferences }: OwnershipWrite<ControllerRevision>) => updateRevision(withOwners(object, ownerReferences))
  // Upstream adopts (and releases) while walking the list; adoptions and releases keep list order here too.
  const writes = new Map([...claim.adopt, ...claim.release].map((w) => [w.object, write(w)] as const))
  return { claimed: claim.claimed, actions: revisions.flatMap((r) => writes.get(r) ?? []) }
}
