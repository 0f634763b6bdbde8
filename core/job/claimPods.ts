import { JobKeys, JobKind, type Job } from '../api/job'
import { controllerOf, controllerRef, namespaceOf, nameOf } from '../api/meta'
import type { Pod } from '../api/pod'
import * as E from 'fp-ts/Either'
import { fromLabelSelector, matchesSelector } from '../labels'
import { updatePod, type UpdatePod } from '../plan'
import { isJobBeingDeleted } from './jobSpec'

/** The pods a Job manages, and the ownership patches that make the cluster agree. */
export interface ClaimedPods {
  readonly pods: ReadonlyArray<Pod>
  readonly actions: ReadonlyArray<UpdatePod>
}

const adopt = (job: Job, pod: Pod): { readonly pod: Pod; readonly action: UpdatePod } => {
  const ownerReferences = [...(pod.metadata.ownerReferences ?? []), controllerRef(JobKind.apiVersion, JobKind.kind, job)]
  const existing = pod.metadata.finalizers ?? []
  const finalizers = existing.includes(JobKeys.trackingFinalizer) ? existing : [...existing, JobKeys.trackingFinalizer]
  return {
    pod: { ...pod, metadata: { ...pod.metadata, ownerReferences, finalizers } },
    action: updatePod(namespaceOf(pod), nameOf(pod), { metadata: { ownerReferences, finalizers } }),
  }
}

const release = (job: Job, pod: Pod): UpdatePod => {
  const remaining = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== job.metadata.uid)
  return updatePod(namespaceOf(pod), nameOf(pod), { metadata: { ownerReferences: remaining.length > 0 ? remaining : null } })
}

/**
 * Mirrors `getPodsForJob` with `PodControllerRefManager.ClaimPods`: pods of the Job's namespace
 * that it controls and its selector matches; orphans the selector matches are adopted (owner
 * reference and tracking finalizer, as JSON merge patches) unless the Job or pod is being deleted;
 * controlled pods the selector no longer matches are released. Pods of other owners are left alone.
 */
export const claimPods = (job: Job, pods: ReadonlyArray<Pod>): ClaimedPods => {
  const namespace = namespaceOf(job)
  const uid = job.metadata.uid ?? ''
  const deleting = isJobBeingDeleted(job)
  // A malformed selector matches nothing, as the controller's LabelSelectorAsSelector error does.
  const selector = fromLabelSelector(job.spec.selector)
  const selects = (pod: Pod): boolean => E.isRight(selector) && matchesSelector(selector.right, pod.metadata.labels ?? {})
  const claimed: Pod[] = []
  const actions: UpdatePod[] = []
  for (const pod of pods) {
    if (namespaceOf(pod) !== namespace) continue
    const owner = controllerOf(pod)
    const matches = selects(pod)
    if (owner !== undefined) {
      if (owner.uid !== uid || uid === '') continue
      if (matches) claimed.push(pod)
      else if (!deleting) actions.push(release(job, pod))
      continue
    }
    if (!matches || deleting || pod.metadata.deletionTimestamp != null) continue
    const adopted = adopt(job, pod)
    claimed.push(adopted.pod)
    actions.push(adopted.action)
  }
  return { pods: claimed, actions }
}
