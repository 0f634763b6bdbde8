import type { RecordEvent } from '../plan'
import { decideNode, type PodDeletion } from './decideNode'
import type { FailedPodBackoff } from './failedPodBackoff'
import type { PodsByNode } from './podsByNode'
import { eligibilityOf, type DaemonSetView } from './view'

/** The pod-level work `manage` asks for, before the burst cap. */
export interface ManageResult {
  readonly createOn: ReadonlyArray<string>
  readonly deletions: ReadonlyArray<PodDeletion>
  readonly events: ReadonlyArray<RecordEvent>
  readonly requeueAfterMs?: number
  readonly backoff: FailedPodBackoff
}

/**
 * Mirrors `manage`: decide every listed node, then delete pods pinned (by affinity only, never
 * bound) to nodes that no longer exist, since PodGC cannot remove pods that were never scheduled.
 */
export const manage = (view: DaemonSetView, groups: PodsByNode, backoff: FailedPodBackoff): ManageResult => {
  const createOn: string[] = []
  const deletions: PodDeletion[] = []
  const events: RecordEvent[] = []
  let requeueAfterMs: number | undefined
  let state = backoff
  for (const node of view.nodes) {
    const name = node.metadata.name ?? ''
    const verdict = decideNode(view, name, eligibilityOf(view, name), groups.get(name) ?? [], state)
    state = verdict.backoff
    if (verdict.create) createOn.push(name)
    deletions.push(...verdict.deletions)
    events.push(...verdict.events)
    if (verdict.requeueAfterMs !== undefined) {
      requeueAfterMs = requeueAfterMs === undefined ? verdict.requeueAfterMs : Math.min(requeueAfterMs, verdict.requeueAfterMs)
    }
  }
  const vanished = [...groups.keys()].filter((n) => !view.nodeNames.has(n)).sort()
  for (const nodeName of vanished) {
    for (const pod of groups.get(nodeName) ?? []) {
      if ((pod.spec.nodeName ?? '') === '') deletions.push({ pod, reason: 'NotEligible' })
    }
  }
  return { createOn, deletions, events, backoff: state, ...(requeueAfterMs !== undefined ? { requeueAfterMs } : {}) }
}
