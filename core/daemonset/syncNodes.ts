import { namespaceOf, nameOf, type Pod } from '../api'
import { createPod, deletePod, type Action } from '../plan'
import type { PodDeletion } from './decideNode'
import type { DaemonSetView } from './view'

/** `BurstReplicas`: at most this many creates and this many deletes per sync. */
export const burstReplicas = 250

/** The pod writes of one `syncNodes` call, plus the pod set as it looks once they are applied. */
export interface PodWrites {
  readonly actions: ReadonlyArray<Action>
  readonly pods: ReadonlyArray<Pod>
}

/**
 * Mirrors `syncNodes`: caps creates and deletes at the burst size and turns them into actions.
 * The returned pod set has the deletes removed and the creates added (named by a placeholder), as
 * upstream's unit-test pod control applies them, so later steps of the sync see their effect.
 * Slow-start batching (1, 2, 4, ...) is how the executor issues the creates; see `slowStartBatches`.
 */
export const syncNodes = (
  view: DaemonSetView,
  pods: ReadonlyArray<Pod>,
  createOn: ReadonlyArray<string>,
  deletions: ReadonlyArray<PodDeletion>,
): PodWrites => {
  const owner = { kind: 'DaemonSet', namespace: namespaceOf(view.ds), name: nameOf(view.ds), uid: view.ds.metadata.uid ?? '' }
  const creates = createOn.slice(0, burstReplicas).map(view.podFor)
  const deletes = deletions.slice(0, burstReplicas)
  if (creates.length === 0 && deletes.length === 0) return { actions: [], pods }
  const deleted = new Set(deletes.map((d) => nameOf(d.pod)))
  const stamp = new Date(view.now).toISOString()
  const planned = creates.map(
    (pod, i): Pod => ({
      ...pod,
      metadata: { ...pod.metadata, name: `${pod.metadata.generateName ?? ''}planned-${i}`, creationTimestamp: stamp },
    }),
  )
  return {
    actions: [
      ...creates.map((pod) => createPod(owner, pod)),
      ...deletes.map((d) => deletePod(namespaceOf(d.pod), nameOf(d.pod), d.reason)),
    ],
    pods: [...pods.filter((p) => !deleted.has(nameOf(p))), ...planned],
  }
}

/** `slowStartBatch` sizes for `count` creates: 1, 2, 4, ... with the remainder last. */
export const slowStartBatches = (count: number, initial = 1): ReadonlyArray<number> => {
  const out: number[] = []
  let size = Math.min(initial, count)
  let left = count
  while (left > 0) {
    out.push(size)
    left -= size
    size = Math.min(2 * size, left)
  }
  return out
}
