import * as E from 'fp-ts/Either'
import { JobKeys, JobKind, type Job } from '../api/job'
import { controllerRef, namespaceOf, nameOf } from '../api/meta'
import type { Pod } from '../api/pod'
import { claimObjects } from '../cluster'
import { fromLabelSelector, nothing } from '../labels'
import { updatePod, type UpdatePod } from '../plan'

/** The pods a Job manages, and the ownership patches that make the cluster agree. */
export interface ClaimedPods {
  readonly pods: ReadonlyArray<Pod>
  readonly actions: ReadonlyArray<UpdatePod>
}

const withTrackingFinalizer = (pod: Pod): ReadonlyArray<string> => {
  const existing = pod.metadata.finalizers ?? []
  return existing.includes(JobKeys.trackingFinalizer) ? existing : [...existing, JobKeys.trackingFinalizer]
}

/**
 * Mirrors `getPodsForJob` with `PodControllerRefManager.ClaimPods`: pods of the Job's namespace
 * that it controls and its selector matches; orphans the selector matches are adopted (owner
 * reference and tracking finalizer, as JSON merge patches) unless the Job or pod is being deleted;
 * controlled pods the selector no longer matches are released. Pods of other owners are left alone.
 */
export const claimPods = (job: Job, pods: ReadonlyArray<Pod>): ClaimedPods => {
  // A malformed selector matches nothing, as the controller's LabelSelectorAsSelector error does.
  const parsed = fromLabelSelector(job.spec.selector)
  const ownerRef = controllerRef(JobKind.apiVersion, JobKind.kind, job)
  const claim = claimObjects({ owner: job, ownerRef, selector: E.isRight(parsed) ? parsed.right : nothing }, pods)
  // Upstream keeps working on the cached pod, which does not carry the tracking finalizer yet, so an
  // adopted pod is counted only in the next sync, once the adoption patch has been observed.
  const originals = new Map(claim.adopt.map((w) => [w.object.metadata.uid ?? nameOf(w.object), w.object] as const))
  const claimed = claim.claimed.map((pod) => originals.get(pod.metadata.uid ?? nameOf(pod)) ?? pod)
  const writes = new Map<Pod, UpdatePod>([
    ...claim.adopt.map(({ object, ownerReferences }) => [
      object,
      updatePod(namespaceOf(object), nameOf(object), { metadata: { ownerReferences, finalizers: withTrackingFinalizer(object) } }),
    ] as const),
    ...claim.release.map(({ object, ownerReferences }) => [
      object,
      updatePod(namespaceOf(object), nameOf(object), { metadata: { ownerReferences: ownerReferences.length > 0 ? ownerReferences : null } }),
    ] as const),
  ])
  return { pods: claimed, actions: pods.flatMap((p) => writes.get(p) ?? []) }
}
