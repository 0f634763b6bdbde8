import { isPodAvailable, isPodReady, type DaemonSetStatus } from '../api'
import { requeue, updateStatus, type Action } from '../plan'
import { daemonSetRef } from './events'
import { sortPods } from './podOrder'
import { isPodUpdated } from './podRevision'
import type { PodsByNode } from './podsByNode'
import { eligibilityOf, type DaemonSetView } from './view'

/** The seven counters of a DaemonSet status; every one counts nodes, not pods. */
export interface DaemonSetCounts {
  readonly desiredNumberScheduled: number
  readonly currentNumberScheduled: number
  readonly numberMisscheduled: number
  readonly numberReady: number
  readonly updatedNumberScheduled: number
  readonly numberAvailable: number
  readonly numberUnavailable: number
}

/** Mirrors the counting in `updateDaemonSetStatus`: the oldest pod on each desired node stands for it. */
export const countDaemonPods = (view: DaemonSetView, groups: PodsByNode): DaemonSetCounts => {
  const minReady = view.ds.spec.minReadySeconds ?? 0
  let desired = 0
  let current = 0
  let misscheduled = 0
  let ready = 0
  let updated = 0
  let available = 0
  for (const node of view.nodes) {
    const name = node.metadata.name ?? ''
    const pods = groups.get(name) ?? []
    if (eligibilityOf(view, name).shouldRun) {
      desired++
      const first = sortPods(pods)[0]
      if (first === undefined) continue
      current++
      if (isPodReady(first)) {
        ready++
        if (isPodAvailable(first, minReady, view.now)) available++
      }
      if (isPodUpdated(first, view.hash, view.generation)) updated++
    } else if (pods.length > 0) misscheduled++
  }
  return {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  }
}

/** The status counters, in the order Kubernetes declares them. */
export const daemonSetCountKeys: ReadonlyArray<keyof DaemonSetCounts> = [
  'desiredNumberScheduled',
  'currentNumberScheduled',
  'numberMisscheduled',
  'numberReady',
  'updatedNumberScheduled',
  'numberAvailable',
  'numberUnavailable',
]

/**
 * Mirrors `storeDaemonSetStatus` and the requeue after it: no write when every counter is unchanged
 * and observedGeneration is current; observedGeneration rises only after a full sync.
 */
export const planStatus = (view: DaemonSetView, groups: PodsByNode, observeGeneration: boolean): ReadonlyArray<Action> => {
  const counts = countDaemonPods(view, groups)
  const status: DaemonSetStatus = view.ds.status ?? {}
  const generation = view.ds.metadata.generation ?? 0
  const unchanged = daemonSetCountKeys.every((k) => (status[k] ?? 0) === counts[k]) && (status.observedGeneration ?? 0) >= generation
  const actions: Action[] = []
  if (!unchanged) {
    const next: DaemonSetStatus = {
      ...status,
      ...counts,
      observedGeneration: observeGeneration ? generation : (status.observedGeneration ?? 0),
    }
    actions.push(updateStatus(daemonSetRef(view.ds), next))
  }
  const minReady = view.ds.spec.minReadySeconds ?? 0
  if (minReady > 0 && counts.numberReady !== counts.numberAvailable) actions.push(requeue(daemonSetRef(view.ds), minReady))
  return actions
}
