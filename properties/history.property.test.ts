import * as fc from 'fast-check'
import type { ControllerRevision } from '../core/api'
import { reconcileDaemonSet, type DaemonSetInput } from '../core/daemonset'
import { claimRevisions, constructHistory, hashRevision, matchesRevision, revisionName, snapshotRevision } from '../core/history'
import { actionsOf, createRevision, updateStatus, type Plan } from '../core/plan'
import {
  allOf,
  arbDaemonSetSnapshot,
  arbTemplateEdits,
  bumpsCollisionCountOnlyOnCollision,
  createsRevisionOnlyForNewTemplate,
  daemonSetPlanInvariants,
  editTemplateImage,
  expectHolds,
  historyPlanInvariants,
  historyWithinLimit,
  images,
  roundBudget,
  rolloutSettled,
  runDaemonSet,
  templateImageOf,
  violated,
  withTemplateImage,
  holds,
  type DaemonSetSnapshot,
  type Verdict,
} from '.'

const seed = 20260101
const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed, numRuns })
const refuted = (verdict: Verdict): boolean => !verdict.ok

const everyPlanInvariant = (input: DaemonSetInput, plan: Plan): Verdict => allOf([historyPlanInvariants(input, plan), daemonSetPlanInvariants(input, plan)])

/** Runs `snapshot` while a user edits the image every other round, then lets it settle; checks every round. */
const editsKeepHistory = (snapshot: DaemonSetSnapshot, edits: ReadonlyArray<string>): Verdict => {
  const editRounds = edits.length * 2
  const maxRounds = editRounds + roundBudget(snapshot)
  const rounds = runDaemonSet(snapshot, {
    maxRounds,
    edit: (ds, i) => {
      const image = i % 2 === 0 ? edits[i / 2] : undefined
      return image === undefined ? ds : editTemplateImage(ds, image)
    },
    stopAfter: (r, i) => i >= editRounds && rolloutSettled(r.input).ok,
  })
  for (const [i, round] of rounds.entries()) {
    const verdict = everyPlanInvariant(round.input, round.plan)
    if (!verdict.ok) return violated(`round ${i} (image ${templateImageOf(round.input.daemonSet)}): ${verdict.message}`)
  }
  const last = rounds.at(-1)
  return last !== undefined && rolloutSettled(last.input).ok ? holds : violated(`not settled after ${rounds.length} rounds`)
}

describe('ControllerRevision history', () => {
  it('keeps its limit, one current revision with the highest number and distinct numbers (one sync)', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => expectHolds(historyPlanInvariants(s, reconcileDaemonSet(s)))),
      runs(200),
    )
  })

  it('survives template edits and rollbacks: every round keeps history and DaemonSet invariants, then settles', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot({ maxNodes: 4, maxPods: 6 }), arbTemplateEdits(), (s, edits) => expectHolds(editsKeepHistory(s, edits))),
      runs(80),
    )
  })

  it('a rollback reuses the old revision: renumbered to max+1, nothing created', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot({ maxPods: 0 }), (s) => {
        const [first, second] = images.filter((i) => i !== templateImageOf(s.daemonSet))
        fc.pre(first !== undefined && second !== undefined && (s.daemonSet.spec.revisionHistoryLimit ?? 10) >= 1)
        const edits = [first ?? '', second ?? '', first ?? '']
        const rounds = runDaemonSet(s, { maxRounds: 3, edit: (ds, i) => editTemplateImage(ds, edits[i] ?? '') })
        const back = rounds[2]
        if (back === undefined) return false
        const claimed = claimRevisions(back.input.daemonSet, back.input.revisions).claimed
        const top = Math.max(0, ...claimed.map((r) => r.revision))
        const renumbered = actionsOf(back.plan, 'UpdateRevision').filter((a) => matchesRevision(back.input.daemonSet, a.revision))
        return expectHolds(
          allOf([
            actionsOf(back.plan, 'CreateRevision').length === 0 ? holds : violated('the rollback created a revision'),
            renumbered.some((a) => a.revision.revision === top + 1) ? holds : violated(`no revision of the template renumbered to ${top + 1}`),
          ]),
        )
      }),
      runs(50),
    )
  })

  it('a hash collision bumps collisionCount once, then the history settles under a new name', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot({ maxPods: 4 }), (s) => {
        const ds = s.daemonSet
        const taken = revisionName(ds, hashRevision(ds.spec.template, ds.status?.collisionCount))
        const other = withTemplateImage(ds, images.find((i) => i !== templateImageOf(ds)) ?? '')
        const original = snapshotRevision(other, 30, 'squat')
        // Another template under the name this template hashes to: what a real FNV collision looks like.
        const squatter: ControllerRevision = { ...original, metadata: { ...original.metadata, name: taken } }
        const revisions = s.revisions.filter((r) => r.metadata.name !== taken && !matchesRevision(ds, r))
        const snapshot = { ...s, revisions: [...revisions, squatter] }
        const rounds = runDaemonSet(snapshot, { maxRounds: roundBudget(snapshot), stopAfter: (r) => rolloutSettled(r.input).ok })
        const bumps = rounds.flatMap((r) =>
          actionsOf(r.plan, 'UpdateStatus').filter((w) => w.status['collisionCount'] !== r.input.daemonSet.status?.collisionCount),
        )
        const failures = rounds.map((r) => everyPlanInvariant(r.input, r.plan)).filter((v) => !v.ok)
        return expectHolds(
          allOf([
            bumps.length === 1 ? holds : violated(`${bumps.length} collisionCount bumps`),
            failures[0] ?? holds,
            rolloutSettled(rounds.at(-1)?.input ?? s).ok ? holds : violated('not settled after the collision'),
          ]),
        )
      }),
      runs(40),
    )
  })
})

describe('the history invariants have teeth', () => {
  it('an old revision kept past the limit is caught', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot({ maxPods: 0 }), (s) => {
        const plan = reconcileDaemonSet(s)
        fc.pre(actionsOf(plan, 'DeleteRevision').length > 0)
        return refuted(historyWithinLimit(s, { actions: plan.actions.filter((a) => a.type !== 'DeleteRevision') }))
      }),
      { ...runs(20), maxSkipsPerRun: 1000 },
    )
  })

  it('a second revision of the current template is caught', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => {
        const plan = reconcileDaemonSet(s)
        const current = constructHistory({ daemonSet: s.daemonSet, revisions: s.revisions, pods: [] })
        fc.pre(current._tag === 'Constructed' && s.revisions.some((r) => r === current.current))
        if (current._tag !== 'Constructed') return true
        const copy = { ...current.current, metadata: { ...current.current.metadata, name: 'copy' }, revision: 99 }
        return refuted(createsRevisionOnlyForNewTemplate(s, { actions: [...plan.actions, createRevision(copy)] }))
      }),
      runs(30),
    )
  })

  it('a collisionCount bump without a collision is caught', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => {
        const target = { kind: 'DaemonSet', namespace: s.daemonSet.metadata.namespace ?? '', name: s.daemonSet.metadata.name ?? '' }
        const bump = updateStatus(target, { ...s.daemonSet.status, collisionCount: (s.daemonSet.status?.collisionCount ?? 0) + 1 })
        fc.pre(constructHistory({ daemonSet: s.daemonSet, revisions: s.revisions, pods: [] })._tag === 'Constructed')
        return refuted(bumpsCollisionCountOnlyOnCollision(s, { actions: [bump] }))
      }),
      runs(30),
    )
  })
})
