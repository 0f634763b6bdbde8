import { merge, type Observable } from 'rxjs'
import { controllerOf, JobKeys, type Job, type Pod } from '../../../core/api'
import { isJobFinished, nextJobBackoff, reconcileJob, type BackoffRecord, type JobInput } from '../../../core/job'
import { updatePod, type Plan } from '../../../core/plan'
import { flatMapArray } from '../flatMapArray'
import { creationObserved, defineController, deletionObserved, enqueue, forget, type Trigger } from '../controller'
import type { InformerEvent } from '../informer'
import { objectKey } from '../objectCache'
import { IndexNames, orphansIn, ownedBy } from '../sharedInformers'
import { controllerKeyOf, controllerRefChanged, isOrphan, isReplay, isTerminating, labelsChanged, selectingKeys, selectorCache } from './ownership'

/** Upstream's `podUpdateBatchPeriod`: pod events and Job status changes sync the Job a second later. */
export const jobBatchPeriodMs = 1000

/** What the Job controller keeps per Job between syncs: the backoff record and unobserved finalizer removals. */
export interface JobMemory {
  readonly backoff?: BackoffRecord
  /** UIDs of pods whose tracking finalizer removal was sent and not yet seen (`finalizerExpectations`). */
  readonly pendingRemovals: ReadonlyArray<string>
}

const hasTrackingFinalizer = (pod: Pod): boolean => (pod.metadata.finalizers ?? []).includes(JobKeys.trackingFinalizer)

/** Keys of the orphan-pod queue share the work queue with Job keys, told apart by this prefix. */
const orphanPodPrefix = 'orphan-pod:'

/** A pod that still holds the tracking finalizer although its Job is gone (upstream's `orphanQueue`). */
const isOrphanedTracked = (pod: Pod, owner: string | undefined): boolean =>
  owner === undefined && hasTrackingFinalizer(pod) && controllerOf(pod)?.kind === 'Job'

/** Mirrors `syncOrphanPod`: remove the tracking finalizer, since no Job will ever count this pod. */
const releaseOrphanPod = (pod: Pod): Plan => {
  const finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== JobKeys.trackingFinalizer)
  return { actions: [updatePod(pod.metadata.namespace ?? '', pod.metadata.name ?? '', { metadata: { finalizers } })] }
}

/** The pods whose tracking finalizer this plan removes (merge patches of `metadata.finalizers` without it). */
const finalizerRemovals = (plan: Plan, pods: ReadonlyArray<Pod>): ReadonlyArray<string> => {
  if (!plan.actions.some((a) => a.type === 'UpdatePod')) return []
  const byName = new Map(pods.map((p) => [`${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`, p] as const))
  return plan.actions.flatMap((a) => {
    if (a.type !== 'UpdatePod') return []
    const finalizers = (a.patch['metadata'] as { readonly finalizers?: unknown } | undefined)?.finalizers
    if (!Array.isArray(finalizers) || finalizers.includes(JobKeys.trackingFinalizer)) return []
    const pod = byName.get(`${a.namespace}/${a.name}`)
    return pod !== undefined && hasTrackingFinalizer(pod) ? [pod.metadata.uid ?? ''] : []
  })
}

/**
 * The Job controller (pkg/controller/job) on the loop: Job adds, deletions and spec changes sync
 * at once; pod events and status-only Job updates a batch period later; `reconcileJob` over the
 * caches with the backoff record kept per Job (`nextJobBackoff`). A pending finalizer removal is
 * taken as observed once the cache shows the pod without the finalizer (or gone), which is what
 * upstream's pod handler checks. Pod deletions are counted off once, as for DaemonSets.
 */
export const jobController = defineController<JobMemory>({
  name: 'job-controller',
  kind: 'Job',
  workers: 5,
  // The Job reducer plans its own SuccessfulDelete events; creates need the server's pod name.
  podControlEvents: { created: true, deleted: false },
  // `DefaultJobApiBackOff` and `MaxJobApiBackOff`: a failed Job sync is retried after 1 s doubling to 60 s.
  retryBackoff: { baseMs: 1000, maxMs: 60_000 },
  create: ({ informers, now }) => {
    const jobs = informers.jobs()
    const pods = informers.pods()
    const jobCache = jobs.cache
    const selectorOf = selectorCache<Job>((job) => job.spec.selector)

    const onJob = (e: InformerEvent<Job>): ReadonlyArray<Trigger> => {
      const key = objectKey(e.object)
      switch (e.type) {
        case 'Added':
          return [enqueue(key)]
        case 'Updated':
          if (e.old.metadata.uid !== e.object.metadata.uid) return [forget(key), enqueue(key)]
          if (isReplay(e.old, e.object)) return []
          return [enqueue(key, e.old.metadata.generation === e.object.metadata.generation ? jobBatchPeriodMs : 0)]
        case 'Deleted': {
          // Pods left with the tracking finalizer would otherwise stay Terminating forever.
          const tracked = pods.cache.byIndex(IndexNames.owner, ownedBy(e.object.metadata.uid ?? '')).filter(hasTrackingFinalizer)
          return [forget(key), enqueue(key), ...tracked.map((p) => enqueue(`${orphanPodPrefix}${objectKey(p)}`))]
        }
      }
    }

    const ownerOf = (pod: Pod): string | undefined => controllerKeyOf(pod, 'Job', jobCache)
    const later = (key: string): Trigger => enqueue(key, jobBatchPeriodMs)
    const onPod = (e: InformerEvent<Pod>): ReadonlyArray<Trigger> => {
      const pod = e.object
      const owner = ownerOf(pod)
      if (e.type !== 'Deleted' && isOrphanedTracked(pod, owner)) return [enqueue(`${orphanPodPrefix}${objectKey(pod)}`)]
      switch (e.type) {
        case 'Added':
          if (owner !== undefined) return [isTerminating(pod) ? deletionObserved(owner) : creationObserved(owner), later(owner)]
          return isOrphan(pod) && !isTerminating(pod) ? selectingKeys(pod, jobCache, selectorOf).map(later) : []
        case 'Updated': {
          if (isReplay(e.old, pod)) return []
          const out: Trigger[] = []
          const oldOwner = ownerOf(e.old)
          if (controllerRefChanged(e.old, pod) && oldOwner !== undefined) out.push(later(oldOwner))
          if (owner === undefined) {
            if (isOrphan(pod) && !isTerminating(pod) && (labelsChanged(e.old, pod) || controllerRefChanged(e.old, pod))) {
              out.push(...selectingKeys(pod, jobCache, selectorOf).map(later))
            }
            return out
          }
          if (isTerminating(pod) && !isTerminating(e.old)) out.push(deletionObserved(owner))
          out.push(later(owner))
          return out
        }
        case 'Deleted':
          if (owner === undefined) return []
          return isTerminating(pod) ? [later(owner)] : [deletionObserved(owner), later(owner)]
      }
    }

    const triggers$: Observable<Trigger> = merge(jobs.events$.pipe(flatMapArray(onJob)), pods.events$.pipe(flatMapArray(onPod)))

    return {
      triggers$,
      keys: () => jobCache.list().map(objectKey),
      sync: (key, { expectationsSatisfied, memory }) => {
        if (key.startsWith(orphanPodPrefix)) {
          const pod = pods.cache.get(key.slice(orphanPodPrefix.length))
          return pod !== undefined && isOrphanedTracked(pod, ownerOf(pod))
            ? { _tag: 'Planned', plan: releaseOrphanPod(pod), memory: undefined }
            : { _tag: 'Gone' }
        }
        const job = jobCache.get(key)
        if (job === undefined) return { _tag: 'Gone' }
        const ns = job.metadata.namespace ?? ''
        const candidates = [
          ...pods.cache.byIndex(IndexNames.owner, ownedBy(job.metadata.uid ?? '')),
          ...pods.cache.byIndex(IndexNames.owner, orphansIn(ns)),
        ]
        const earlier = memory?.pendingRemovals ?? []
        const byUid = earlier.length === 0 ? undefined : new Map(candidates.map((p) => [p.metadata.uid ?? '', p] as const))
        const stillPending = (uid: string): boolean => {
          const pod = byUid?.get(uid)
          return pod !== undefined && hasTrackingFinalizer(pod)
        }
        const pending = earlier.filter(stillPending)
        const input: JobInput = {
          job,
          pods: candidates,
          now: now(),
          expectationsSatisfied,
          ...(memory?.backoff !== undefined ? { backoff: memory.backoff } : {}),
          pendingFinalizerRemovals: pending,
        }
        const plan = reconcileJob(input)
        const backoff = isJobFinished(job) ? undefined : nextJobBackoff(input)
        const pendingRemovals = [...new Set([...pending, ...finalizerRemovals(plan, candidates)])]
        const remembered = backoff !== undefined || pendingRemovals.length > 0
        return { _tag: 'Planned', plan, memory: remembered ? { ...(backoff !== undefined ? { backoff } : {}), pendingRemovals } : undefined }
      },
    }
  },
})
