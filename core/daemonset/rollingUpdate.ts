import * as E from 'fp-ts/Either'
import { isBeingDeleted, isPodAvailable, type Pod } from '../api'
import { updateBudgets } from './budgets'
import type { PodDeletion } from './decideNode'
import { isPodUpdated } from './podRevision'
import type { PodsByNode } from './podsByNode'
import { eligibilityOf, type DaemonSetView } from './view'

/** What the rolling update asks for: old pods to delete and (with surge) nodes to get a new pod. */
export interface RollingUpdateResult {
  readonly createOn: ReadonlyArray<string>
  readonly deletions: ReadonlyArray<PodDeletion>
}

type NodePods = { readonly ok: true; readonly newPod?: Pod; readonly oldPod?: Pod } | { readonly ok: false }

/** Mirrors `findUpdatedPodsOnNode`: at most one new and one old non-deleted pod, else the node has excess. */
const findUpdatedPods = (view: DaemonSetView, pods: ReadonlyArray<Pod>): NodePods => {
  let newPod: Pod | undefined
  let oldPod: Pod | undefined
  for (const pod of pods) {
    if (isBeingDeleted(pod)) continue
    if (isPodUpdated(pod, view.hash, view.generation)) {
      if (newPod !== undefined) return { ok: false }
      newPod = pod
    } else {
      if (oldPod !== undefined) return { ok: false }
      oldPod = pod
    }
  }
  return { ok: true, ...(newPod !== undefined ? { newPod } : {}), ...(oldPod !== undefined ? { oldPod } : {}) }
}

/** Every node entry the update visits: pods' nodes plus desired nodes without pods, sorted by name. */
const entriesOf = (view: DaemonSetView, groups: PodsByNode): ReadonlyArray<readonly [string, ReadonlyArray<Pod>]> => {
  const names = new Set(groups.keys())
  for (const [name, e] of view.eligibility) if (e.shouldRun) names.add(name)
  return [...names].sort().map((n) => [n, groups.get(n) ?? []] as const)
}

const nonSurge = (view: DaemonSetView, groups: PodsByNode, maxUnavailable: number): RollingUpdateResult => {
  const minReady = view.ds.spec.minReadySeconds ?? 0
  let numUnavailable = 0
  const allowed: PodDeletion[] = []
  const candidates: PodDeletion[] = []
  for (const [, pods] of entriesOf(view, groups)) {
    const found = findUpdatedPods(view, pods)
    if (!found.ok) {
      numUnavailable++
      continue
    }
    const { newPod, oldPod } = found
    if ((oldPod === undefined) === (newPod === undefined)) numUnavailable++
    else if (newPod !== undefined) {
      if (!isPodAvailable(newPod, minReady, view.now)) numUnavailable++
    } else if (oldPod !== undefined) {
      if (!isPodAvailable(oldPod, minReady, view.now)) {
        allowed.push({ pod: oldPod, reason: 'Outdated' })
        numUnavailable++
      } else if (numUnavailable < maxUnavailable) candidates.push({ pod: oldPod, reason: 'Outdated' })
    }
  }
  const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length)
  return { createOn: [], deletions: [...allowed, ...candidates.slice(0, remaining)] }
}

const surge = (view: DaemonSetView, groups: PodsByNode, maxSurge: number, desired: number): E.Either<string, RollingUpdateResult> => {
  const minReady = view.ds.spec.minReadySeconds ?? 0
  const available = (p: Pod) => isPodAvailable(p, minReady, view.now)
  const deletions: PodDeletion[] = []
  const shouldNotRun: Pod[] = []
  const allowedNodes: string[] = []
  const candidateNodes: string[] = []
  let numSurge = 0
  let numAvailable = 0
  for (const [nodeName, pods] of entriesOf(view, groups)) {
    const found = findUpdatedPods(view, pods)
    if (!found.ok) {
      numSurge++
      continue
    }
    const { newPod, oldPod } = found
    if (oldPod !== undefined ? available(oldPod) : newPod !== undefined && available(newPod)) numAvailable++
    if (oldPod === undefined) continue
    if (newPod === undefined) {
      if (!view.nodeNames.has(nodeName)) return E.left(`couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found`)
      const shouldRun = eligibilityOf(view, nodeName).shouldRun
      if (!available(oldPod)) {
        if (!shouldRun) deletions.push({ pod: oldPod, reason: 'NotEligible' })
        else allowedNodes.push(nodeName)
      } else if (!shouldRun) shouldNotRun.push(oldPod)
      else if (numSurge < maxSurge) candidateNodes.push(nodeName)
    } else if (!available(newPod)) numSurge++
    else deletions.push({ pod: oldPod, reason: 'Outdated' })
  }
  // With surge the owner expects full availability: a pod on a node that no longer qualifies goes
  // only once more pods are available than desired.
  const deletable = Math.min(numAvailable - desired, shouldNotRun.length)
  if (deletable > 0) deletions.push(...shouldNotRun.slice(0, deletable).map((pod): PodDeletion => ({ pod, reason: 'NotEligible' })))
  const remaining = Math.min(Math.max(maxSurge - numSurge, 0), candidateNodes.length)
  return E.right({ createOn: [...allowedNodes, ...candidateNodes.slice(0, remaining)], deletions })
}

/**
 * Mirrors `rollingUpdate` in pkg/controller/daemon/update.go. Upstream walks a Go map, so which
 * interchangeable candidates go first is random there; here nodes are visited in name order.
 */
export const rollingUpdate = (view: DaemonSetView, groups: PodsByNode): E.Either<string, RollingUpdateResult> => {
  let desired = 0
  for (const e of view.eligibility.values()) if (e.shouldRun) desired++
  const budgets = updateBudgets(view.ds, desired)
  if (E.isLeft(budgets)) return E.left(`couldn't get unavailable numbers: ${budgets.left}`)
  const { maxSurge, maxUnavailable } = budgets.right
  return maxSurge === 0 ? E.right(nonSurge(view, groups, maxUnavailable)) : surge(view, groups, maxSurge, desired)
}
