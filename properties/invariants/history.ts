import * as E from 'fp-ts/Either'
import { DaemonSetKeys, labelsOf, nameOf, namespaceOf, type ControllerRevision } from '../../core/api'
import type { DaemonSetInput } from '../../core/daemonset'
import { canonicalJson, claimRevisions, hashRevision, revisionHistoryLimit, revisionName, revisionPatch } from '../../core/history'
import { actionsOf, type Plan } from '../../core/plan'
import { targetNodeOf } from '../../core/scheduling'
import { rollingUpdateAborts } from './daemonset'
import { daemonSetFacts, inputAfter } from './internal/facts'
import { allOf, check, holds, type Verdict } from './verdict'

const hashOf = (r: { readonly metadata: ControllerRevision['metadata'] }): string => labelsOf(r)[DaemonSetKeys.revisionHash] ?? ''
const describe = (rs: ReadonlyArray<ControllerRevision>): string => rs.map((r) => `${nameOf(r)}#${r.revision}`).join(', ')

/**
 * D5 after one plan: the DaemonSet controls exactly one revision matching its template, with the
 * highest number; numbers are distinct; and the old revisions number at most
 * `revisionHistoryLimit` plus those whose hash is still on a pod (the pods the sync read or left
 * behind, terminating and terminal ones included). A sync that ends early (hash collision,
 * aborted rollout) is exempt, as it skips the cleanup.
 */
export const historyWithinLimit = (input: DaemonSetInput, plan: Plan): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined || rollingUpdateAborts(input)) return holds
  const stored = input.daemonSet.status?.collisionCount
  if (actionsOf(plan, 'UpdateStatus').some((w) => w.status['collisionCount'] !== stored)) return holds
  const after = inputAfter(input, plan)
  const ds = after.daemonSet
  const revisions = claimRevisions(ds, after.revisions).claimed
  // `matchesRevision` compares canonical JSON; the template side is computed once here.
  const template = canonicalJson(revisionPatch(ds))
  const matches = (r: ControllerRevision) => canonicalJson(r.data) === template
  const current = revisions.filter(matches)
  const old = revisions.filter((r) => !matches(r))
  const afterFacts = daemonSetFacts(after, facts.hash)
  const live = new Set([...facts.claimed, ...(afterFacts?.claimed ?? [])].map(hashOf).filter((h) => h !== ''))
  const inUse = old.filter((r) => live.has(hashOf(r)))
  const numbers = revisions.map((r) => r.revision)
  const top = Math.max(0, ...numbers)
  const limit = revisionHistoryLimit(ds)
  return allOf([
    check(current.length === 1, () => `${current.length} revisions match the template after the plan: ${describe(current)}`),
    check(new Set(numbers).size === numbers.length, () => `revision numbers repeat: ${describe(revisions)}`),
    check(current.every((r) => r.revision === top), () => `the current revision ${describe(current)} is not the highest (${top})`),
    check(
      old.length <= limit + inUse.length,
      () => `${old.length} old revisions (${describe(old)}) exceed revisionHistoryLimit ${limit} plus ${inUse.length} in use (${describe(inUse)})`,
    ),
  ])
}

/**
 * D5: one revision per template. A plan creates a revision only when no revision the DaemonSet
 * claims holds its template already (a rollback renumbers the old one instead), and numbers it
 * above every claimed revision.
 */
export const createsRevisionOnlyForNewTemplate = (input: DaemonSetInput, plan: Plan): Verdict => {
  const creates = actionsOf(plan, 'CreateRevision')
  if (creates.length === 0) return holds
  const claimed = claimRevisions(input.daemonSet, input.revisions).claimed
  const held = new Map(claimed.map((r) => [canonicalJson(r.data), r] as const))
  const top = Math.max(0, ...claimed.map((r) => r.revision))
  return allOf([
    check(creates.length === 1, () => `${creates.length} CreateRevision actions in one plan`),
    ...creates.map(({ revision }) => {
      const twin = held.get(canonicalJson(revision.data))
      return allOf([
        check(twin === undefined, () => `CreateRevision ${nameOf(revision)} repeats the template of ${twin === undefined ? '' : describe([twin])}`),
        check(revision.revision > top, () => `CreateRevision ${nameOf(revision)}#${revision.revision} is not above the claimed maximum ${top}`),
      ])
    }),
  ])
}

/**
 * D5: `status.collisionCount` only ever goes up by one, and only when the name the template
 * hashes to (`<ds>-<hash>`) is held by a revision with another template: a real collision.
 */
export const bumpsCollisionCountOnlyOnCollision = (input: DaemonSetInput, plan: Plan): Verdict => {
  const ds = input.daemonSet
  const stored = ds.status?.collisionCount
  const bumps = actionsOf(plan, 'UpdateStatus').filter((w) => w.status['collisionCount'] !== stored)
  if (bumps.length === 0) return holds
  const name = revisionName(ds, hashRevision(ds.spec.template, stored))
  const squatter = input.revisions.find((r) => namespaceOf(r) === namespaceOf(ds) && nameOf(r) === name)
  const template = canonicalJson(revisionPatch(ds))
  return allOf(
    bumps.map((w) =>
      allOf([
        check(w.status['collisionCount'] === (stored ?? 0) + 1, () => `collisionCount ${String(stored)} → ${String(w.status['collisionCount'])}, want +1`),
        check(
          squatter !== undefined && canonicalJson(squatter.data) !== template,
          () => `collisionCount bumped but ${name} ${squatter === undefined ? 'does not exist' : 'holds the same template'}: no collision`,
        ),
      ]),
    ),
  )
}

/**
 * Truncation never deletes an old revision whose hash is on a pod the DaemonSet keeps: a claimed
 * pod with a target node (terminating and terminal ones included) that this plan does not delete.
 * Duplicates of the current revision are exempt: dedup deletes them and relabels their pods.
 */
export const keepsRevisionsInUse = (input: DaemonSetInput, plan: Plan): Verdict => {
  const facts = daemonSetFacts(input)
  const deletes = actionsOf(plan, 'DeleteRevision')
  if (facts === undefined || deletes.length === 0) return holds
  const ns = namespaceOf(facts.ds)
  const deletedPods = new Set(actionsOf(plan, 'DeletePod').filter((a) => a.namespace === ns).map((a) => a.name))
  const kept = facts.claimed.filter((p) => E.isRight(targetNodeOf(p)) && !deletedPods.has(nameOf(p)))
  const live = new Set(kept.map(hashOf).filter((h) => h !== ''))
  const template = canonicalJson(revisionPatch(facts.ds))
  const byName = new Map(input.revisions.filter((r) => namespaceOf(r) === ns).map((r) => [nameOf(r), r] as const))
  return allOf(
    deletes.map((d) => {
      const revision = byName.get(d.name)
      const inUse = revision !== undefined && canonicalJson(revision.data) !== template && live.has(hashOf(revision))
      return check(!inUse, () => `DeleteRevision ${d.name}: its hash ${revision === undefined ? '' : hashOf(revision)} is on ${kept.filter((p) => revision !== undefined && hashOf(p) === hashOf(revision)).map(nameOf).join(', ')}`)
    }),
  )
}

/** Every per-plan history invariant of this module, together. */
export const historyPlanInvariants = (input: DaemonSetInput, plan: Plan): Verdict =>
  allOf([
    historyWithinLimit(input, plan),
    createsRevisionOnlyForNewTemplate(input, plan),
    bumpsCollisionCountOnlyOnCollision(input, plan),
    keepsRevisionsInUse(input, plan),
  ])
