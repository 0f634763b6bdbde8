import { isNonEmpty } from 'fp-ts/ReadonlyArray'
import { DaemonSetKeys, labelsOf, nameOf, namespaceOf, type ControllerRevision, type DaemonSet, type Pod } from '../api'
import { createRevision, updateRevision, type Action } from '../plan'
import { claimRevisions } from './claimRevisions'
import { dedupRevisions } from './dedupRevisions'
import { hashRevision, type HashTemplate } from './hashRevision'
import { matchesRevision } from './revisionData'
import { revisionName, snapshotRevision } from './snapshot'

export interface HistoryInput {
  readonly daemonSet: DaemonSet
  /** ControllerRevisions of the namespace (others are ignored); claimed inside. */
  readonly revisions: ReadonlyArray<ControllerRevision>
  /** The pods the DaemonSet has claimed; relabelled when duplicate current revisions are merged. */
  readonly pods: ReadonlyArray<Pod>
  /** The template hash; `hashRevision` when absent. */
  readonly hash?: HashTemplate
}

/** The history is settled: `current` carries `hash`; `old` are the other claimed revisions. */
export interface Constructed {
  readonly _tag: 'Constructed'
  readonly current: ControllerRevision
  readonly old: ReadonlyArray<ControllerRevision>
  readonly hash: string
  readonly actions: ReadonlyArray<Action>
}

/**
 * `<ds>-<hash>` exists with another template. Upstream writes `status.collisionCount` (this value)
 * and fails the sync, so the retry hashes to a new name. `actions` are the writes made before the
 * create was attempted (claims, label fixes); the caller adds the UpdateStatus and stops the sync.
 */
export interface Collision {
  readonly _tag: 'Collision'
  readonly collisionCount: number
  readonly name: string
  readonly actions: ReadonlyArray<Action>
}

export type HistoryResult = Constructed | Collision

const hasHashLabel = (revision: ControllerRevision): boolean =>
  Object.prototype.hasOwnProperty.call(labelsOf(revision), DaemonSetKeys.revisionHash)

/** Legacy revisions get the hash label; upstream uses the revision's own name, which cannot collide. */
const withLegacyLabel = (revision: ControllerRevision): ControllerRevision => ({
  ...revision,
  metadata: { ...revision.metadata, labels: { ...labelsOf(revision), [DaemonSetKeys.revisionHash]: nameOf(revision) } },
})

const constructed = (current: ControllerRevision, old: ReadonlyArray<ControllerRevision>, actions: ReadonlyArray<Action>): Constructed => ({
  _tag: 'Constructed',
  current,
  old,
  hash: labelsOf(current)[DaemonSetKeys.revisionHash] ?? '',
  actions,
})

/**
 * Mirrors `constructHistory` in pkg/controller/daemon/update.go: claim the revisions, add missing
 * hash labels, split them into current (matching the template) and old, then either snapshot a new
 * revision numbered max(old)+1, or keep one current revision and renumber it to max(old)+1 when
 * lower (the rollback case: the old object comes back with a new number, nothing is created).
 */
export const constructHistory = (input: HistoryInput): HistoryResult => {
  const ds = input.daemonSet
  const claim = claimRevisions(ds, input.revisions)
  const actions: Action[] = [...claim.actions]
  const current: ControllerRevision[] = []
  const old: ControllerRevision[] = []
  for (const claimed of claim.claimed) {
    const revision = hasHashLabel(claimed) ? claimed : withLegacyLabel(claimed)
    if (revision !== claimed) actions.push(updateRevision(revision))
    if (matchesRevision(ds, revision)) current.push(revision)
    else old.push(revision)
  }
  const nextRevision = old.reduce((max, r) => Math.max(max, r.revision), 0) + 1

  if (isNonEmpty(current)) {
    const dedup = dedupRevisions(current, input.pods)
    actions.push(...dedup.actions)
    if (dedup.kept.revision >= nextRevision) return constructed(dedup.kept, old, actions)
    const renumbered = { ...dedup.kept, revision: nextRevision }
    return constructed(renumbered, old, [...actions, updateRevision(renumbered)])
  }

  const collisionCount = ds.status?.collisionCount
  const hash = (input.hash ?? hashRevision)(ds.spec.template, collisionCount)
  const name = revisionName(ds, hash)
  const existing = latestNamed(input.revisions, actions, namespaceOf(ds), name)
  if (existing === undefined) {
    const snapshot = snapshotRevision(ds, nextRevision, hash)
    return constructed(snapshot, old, [...actions, createRevision(snapshot)])
  }
  // AlreadyExists: the same template (say, a create not yet seen by the cache) is reused as is.
  if (matchesRevision(ds, existing)) return constructed(existing, old, actions)
  return { _tag: 'Collision', collisionCount: (collisionCount ?? 0) + 1, name, actions }
}

/** What a GET of `name` would return after this sync's writes so far. */
const latestNamed = (
  revisions: ReadonlyArray<ControllerRevision>,
  actions: ReadonlyArray<Action>,
  namespace: string,
  name: string,
): ControllerRevision | undefined => {
  const written = actions.flatMap((a) => (a.type === 'UpdateRevision' && nameOf(a.revision) === name ? [a.revision] : []))
  return written.at(-1) ?? revisions.find((r) => namespaceOf(r) === namespace && nameOf(r) === name)
}
