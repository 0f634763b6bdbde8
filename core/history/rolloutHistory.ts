import * as E from 'fp-ts/Either'
import { controllerOf, labelsOf, nameOf, namespaceOf, type ControllerRevision, type DaemonSet, type PodTemplateSpec } from '../api'
import { labelSelectorMatches } from '../labels'
import { applyRevision } from './applyRevision'
import { changeCauseOf } from './changeCause'
import { tabwrite } from './tabwriter'

/** Mirrors kubectl's `daemonSetHistory`: revisions selected by the DaemonSet's selector and controlled by it (by uid). */
export const daemonSetHistory = (ds: DaemonSet, revisions: ReadonlyArray<ControllerRevision>): ReadonlyArray<ControllerRevision> =>
  revisions.filter(
    (r) =>
      namespaceOf(r) === namespaceOf(ds) &&
      labelSelectorMatches(ds.spec.selector, labelsOf(r)) &&
      controllerOf(r)?.uid === ds.metadata.uid,
  )

/** kubectl's name printer: `<kind>.<group>/<name> <operation>` and a newline. */
const printed = (dsName: string, operation: string): string => `daemonset.apps/${dsName} ${operation}\n`

/**
 * The exact stdout of `kubectl rollout history daemonset/<name>` for the DaemonSet's history (see
 * `daemonSetHistory`): a tabwriter table `REVISION  CHANGE-CAUSE` in ascending order, or
 * `No rollout history found.`. Two revisions with one number: the later in the list wins.
 */
export const rolloutHistory = (dsName: string, revisions: ReadonlyArray<ControllerRevision>): string => {
  if (revisions.length === 0) return printed(dsName, '\nNo rollout history found.')
  const byNumber = new Map(revisions.map((r) => [r.revision, r] as const))
  const rows = [...byNumber.keys()].sort((a, b) => a - b).map((n) => `${n}\t${changeCauseOf(byNumber.get(n) ?? { metadata: {} })}\n`)
  return printed(dsName, `\n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`)}`)
}

/** `kubectl rollout history --revision=N`: the template to describe, or the no-history text kubectl prints. */
export type RevisionView =
  | { readonly _tag: 'NoHistory'; readonly stdout: string }
  | { readonly _tag: 'Template'; readonly header: string; readonly template: PodTemplateSpec }

/**
 * The data behind `kubectl rollout history daemonset/<name> --revision=N`: the revision applied to
 * the DaemonSet, whose template kubectl then describes under `header`. Errors are kubectl's texts
 * (printed after `error: `). The describer's text itself is not produced here.
 */
export const rolloutHistoryRevision = (
  ds: DaemonSet,
  revisions: ReadonlyArray<ControllerRevision>,
  revision: number,
): E.Either<string, RevisionView> => {
  if (revision < 0) return E.left(`revision must be a positive integer: ${revision}`)
  const history = daemonSetHistory(ds, revisions)
  const header = `daemonset.apps/${nameOf(ds)} with revision #${revision}`
  if (history.length === 0) return E.right({ _tag: 'NoHistory', stdout: `${header}\nNo rollout history found.\n` })
  const found = history.filter((r) => r.revision === revision).at(-1)
  if (found === undefined) return E.left('unable to find the specified revision')
  return E.map((applied: DaemonSet) => ({ _tag: 'Template' as const, header, template: applied.spec.template }))(applyRevision(ds, found))
}
