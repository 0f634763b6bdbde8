import * as E from 'fp-ts/Either'
import { DaemonSetKeys, nameOf, type ControllerRevision, type DaemonSet } from '../api'
import { matchesRevision } from './revisionData'
import { daemonSetHistory } from './rolloutHistory'

/** What `kubectl rollout undo` does once it has found the target revision. */
export type UndoResult =
  | {
      readonly _tag: 'Patch'
      /** The revision's `data`, sent as a strategic merge patch to the DaemonSet. */
      readonly patch: unknown
      readonly revision: ControllerRevision
      /** stdout: `daemonset.apps/<name> rolled back`. */
      readonly message: string
      /** stderr lines exactly as kubectl prints them (`Warning: …` when the DaemonSet was applied). */
      readonly warnings: ReadonlyArray<string>
    }
  | { readonly _tag: 'Skipped'; readonly message: string }

const notFound = (n: number): string => `unable to find specified revision ${n} in history`

const lastAppliedWarning = (name: string): string =>
  `Warning: resource daemonsets/${name} was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.`

/** Mirrors kubectl's `findHistory`: 0 means the second-highest revision number. */
const findRevision = (toRevision: number, history: ReadonlyArray<ControllerRevision>): ControllerRevision | undefined =>
  toRevision === 0
    ? [...history].sort((a, b) => a.revision - b.revision)[history.length - 2]
    : history.find((r) => r.revision === toRevision)

/**
 * Mirrors `DaemonSetRollbacker.Rollback` (kubectl rollout undo, no dry run): find the target in
 * the DaemonSet's history, skip when the template already matches it, else patch the DaemonSet with
 * the revision's data. Errors are kubectl's texts (printed after `error: `).
 */
export const rolloutUndo = (
  ds: DaemonSet,
  revisions: ReadonlyArray<ControllerRevision>,
  toRevision = 0,
): E.Either<string, UndoResult> => {
  if (toRevision < 0) return E.left(notFound(toRevision))
  const history = daemonSetHistory(ds, revisions)
  if (toRevision === 0 && history.length <= 1) return E.left('no last revision to roll back to')
  const target = findRevision(toRevision, history)
  if (target === undefined) return E.left(notFound(toRevision))
  const name = nameOf(ds)
  if (matchesRevision(ds, target)) {
    return E.right({
      _tag: 'Skipped',
      message: `daemonset.apps/${name} skipped rollback (current template already matches revision ${toRevision})`,
    })
  }
  const applied = ds.metadata.annotations?.[DaemonSetKeys.lastApplied] !== undefined
  return E.right({
    _tag: 'Patch',
    patch: target.data,
    revision: target,
    message: `daemonset.apps/${name} rolled back`,
    warnings: applied ? [lastAppliedWarning(name)] : [],
  })
}
