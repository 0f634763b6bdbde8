import * as E from 'fp-ts/Either'
import { isBeingDeleted, nameOf, namespaceOf, controllerRef, type Pod } from '../api'
import { claimObjects } from '../cluster'
import { constructHistory, truncateHistory } from '../history'
import { fromLabelSelector } from '../labels'
import { requeue, updatePod, updateStatus, type Action, type Plan } from '../plan'
import { compileDaemonEligibility } from '../scheduling'
import { daemonPodFactory } from './createDaemonPod'
import { daemonSetRef, selectingAll } from './events'
import type { FailedPodBackoff } from './failedPodBackoff'
import type { DaemonSetInput } from './input'
import { manage } from './manage'
import { templateGenerationOf } from './podRevision'
import { podsByNode } from './podsByNode'
import { rollingUpdate } from './rollingUpdate'
import { planStatus } from './status'
import { syncNodes } from './syncNodes'
import type { DaemonSetView, NodeEligibility } from './view'

/** A sync's plan plus the controller memory it leaves behind (the failed-pod backoff). */
export interface DaemonSetDecision {
  readonly plan: Plan
  readonly backoff: FailedPodBackoff
}

/** The first delay of the controllers' per-item rate limiter, used after a failed sync. */
const errorRetryMs = 5

/** Upstream warns only for a selector deep-equal to `{}`; `{matchLabels: {}}` selects everything silently. */
const isEmptySelector = (ls: DaemonSetInput['daemonSet']['spec']['selector']): boolean =>
  ls != null && ls.matchLabels === undefined && ls.matchExpressions === undefined

const decided = (actions: ReadonlyArray<Action>, backoff: FailedPodBackoff): DaemonSetDecision => ({ plan: { actions }, backoff })

const eligibilityTable = (input: DaemonSetInput): ReadonlyMap<string, NodeEligibility> => {
  const decide = compileDaemonEligibility(input.daemonSet)
  return new Map(input.nodes.map((n) => [n.metadata.name ?? '', decide(n)] as const))
}

/**
 * One DaemonSet sync, mirroring `syncDaemonSet`: history, claiming, `manage`, the rolling update,
 * history cleanup and status. Creates and deletes count as applied before the later steps run, as
 * in upstream's unit tests (contracts §2). Total: invalid specs end in an event, never a throw.
 */
export const decideDaemonSet = (input: DaemonSetInput): DaemonSetDecision => {
  const ds = input.daemonSet
  const backoff = input.backoff ?? {}
  const selector = fromLabelSelector(ds.spec.selector)
  if (E.isLeft(selector)) return decided([], backoff)
  if (isEmptySelector(ds.spec.selector)) return decided([selectingAll(ds)], backoff)
  if (isBeingDeleted(ds)) return decided([], backoff)

  const ownerRef = controllerRef('apps/v1', 'DaemonSet', ds)
  const claimer = { owner: ds, ownerRef, selector: selector.right }
  const podClaim = claimObjects(claimer, input.pods)
  const history = constructHistory({ daemonSet: ds, revisions: input.revisions, pods: podClaim.claimed })
  if (history._tag === 'Collision') {
    // Upstream bumps collisionCount and fails the sync; the retry hashes to a fresh name.
    const bump = updateStatus(daemonSetRef(ds), { ...(ds.status ?? {}), collisionCount: history.collisionCount })
    return decided([...history.actions, bump], backoff)
  }
  const claimActions: Action[] = [
    ...podClaim.adopt.map(({ object, ownerReferences }) =>
      updatePod(namespaceOf(object), nameOf(object), { metadata: { ownerReferences } }),
    ),
    ...podClaim.release.map(({ object, ownerReferences }) =>
      updatePod(namespaceOf(object), nameOf(object), { metadata: { ownerReferences } }),
    ),
  ]
  const nodes = [...input.nodes].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))
  const view: DaemonSetView = {
    ds,
    nodes,
    nodeNames: new Set(nodes.map((n) => n.metadata.name ?? '')),
    eligibility: eligibilityTable(input),
    hash: history.hash,
    generation: templateGenerationOf(ds),
    now: input.now,
    podFor: daemonPodFactory(ds, history.hash, templateGenerationOf(ds)),
  }
  const head = [...history.actions, ...claimActions]
  if (input.expectationsSatisfied === false) {
    return decided([...head, ...planStatus(view, podsByNode(podClaim.claimed, false), false)], backoff)
  }

  const managed = manage(view, podsByNode(podClaim.claimed, false), backoff)
  const afterManage = syncNodes(view, podClaim.claimed, managed.createOn, managed.deletions)
  let pods: ReadonlyArray<Pod> = afterManage.pods
  const actions: Action[] = [...head, ...managed.events, ...afterManage.actions]
  if (ds.spec.updateStrategy?.type === 'RollingUpdate') {
    const update = rollingUpdate(view, podsByNode(pods, false))
    if (E.isLeft(update)) {
      // Upstream still stores status after a failed update step, then retries with rate limiting.
      const failed = [...actions, ...planStatus(view, podsByNode(pods, false), true)]
      return decided(withRequeue(failed, view, Math.min(managed.requeueAfterMs ?? Infinity, errorRetryMs)), managed.backoff)
    }
    const afterUpdate = syncNodes(view, pods, update.right.createOn, update.right.deletions)
    pods = afterUpdate.pods
    actions.push(...afterUpdate.actions)
  }
  actions.push(...truncateHistory({ daemonSet: ds, old: history.old, pods: [...podsByNode(pods, true).values()].flat() }))
  actions.push(...planStatus(view, podsByNode(pods, false), true))
  return decided(withRequeue(actions, view, managed.requeueAfterMs), managed.backoff)
}

/** Folds the backoff requeue into the plan: one Requeue, the earliest asked for (a work queue keeps the earliest). */
const withRequeue = (actions: ReadonlyArray<Action>, view: DaemonSetView, backoffMs: number | undefined): ReadonlyArray<Action> => {
  if (backoffMs === undefined) return actions
  const seconds = backoffMs / 1000
  const existing = actions.find((a) => a.type === 'Requeue')
  if (existing !== undefined && existing.type === 'Requeue' && existing.afterSeconds <= seconds) return actions
  return [...actions.filter((a) => a.type !== 'Requeue'), requeue(daemonSetRef(view.ds), seconds)]
}

/** The plan of one DaemonSet sync; see `decideDaemonSet` for the backoff memory as well. */
export const reconcileDaemonSet = (input: DaemonSetInput): Plan => decideDaemonSet(input).plan
