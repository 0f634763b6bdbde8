import { merge, type Observable } from 'rxjs'
import { isPodReady, labelsOf, taintsOf, type DaemonSet, type Instant, type Node, type Pod } from '../../../core/api'
import { backoffMaxMs, decideDaemonSet, type FailedPodBackoff } from '../../../core/daemonset'
import { compileDaemonEligibility, type NodeEligibility } from '../../../core/scheduling'
import { flatMapArray } from '../flatMapArray'
import { creationObserved, defineController, deletionObserved, enqueue, forget, type Trigger } from '../controller'
import type { InformerEvent } from '../informer'
import { objectKey, type ObjectCache } from '../objectCache'
import { IndexNames, orphansIn, ownedBy } from '../sharedInformers'
import { controllerKeyOf, controllerRefChanged, isOrphan, isReplay, isTerminating, labelsChanged, selectingKeys, selectorCache } from './ownership'

/** Drops failed-pod backoff entries past their 2 × max expiry (upstream's periodic `Backoff.GC`). */
const pruneBackoff = (backoff: FailedPodBackoff, now: Instant): FailedPodBackoff | undefined => {
  const kept = Object.entries(backoff).filter(([, e]) => now - e.lastUpdate <= 2 * backoffMaxMs)
  return kept.length === 0 ? undefined : Object.fromEntries(kept)
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The owned objects of a DaemonSet plus the orphans of its namespace it might adopt (the DS controller's index). */
const candidatesOf = <A extends Pod | { readonly metadata: DaemonSet['metadata'] }>(cache: ObjectCache<A>, ds: DaemonSet): ReadonlyArray<A> => [
  ...cache.byIndex(IndexNames.owner, ownedBy(ds.metadata.uid ?? '')),
  ...cache.byIndex(IndexNames.owner, orphansIn(ds.metadata.namespace ?? '')),
]

/**
 * The DaemonSet controller (pkg/controller/daemon) on the loop: the event handlers of §3.1 of the
 * reference as triggers, and `syncDaemonSet` as `decideDaemonSet` over the caches, keeping the
 * failed-pod backoff between syncs. Deliberate differences: a pod's deletion is counted off the
 * expectations once (when it starts terminating, or at its DELETE if it never did), not on every
 * update of a terminating pod; and a deleted node queues every DaemonSet, so pods pinned to it
 * but never bound are cleaned up without waiting for a resync.
 */
export const daemonSetController = defineController<FailedPodBackoff>({
  name: 'daemonset-controller',
  kind: 'DaemonSet',
  workers: 2,
  podControlEvents: { created: true, deleted: true },
  create: ({ informers, now }) => {
    const daemonSets = informers.daemonSets()
    const pods = informers.pods()
    const nodes = informers.nodes()
    const revisions = informers.revisions()
    const dsCache = daemonSets.cache
    const selectorOf = selectorCache<DaemonSet>((ds) => ds.spec.selector)
    const eligibility = new WeakMap<DaemonSet, (node: Node) => NodeEligibility>()
    const eligibilityOf = (ds: DaemonSet, node: Node): NodeEligibility => {
      let decide = eligibility.get(ds)
      if (decide === undefined) {
        decide = compileDaemonEligibility(ds)
        eligibility.set(ds, decide)
      }
      return decide(node)
    }

    const onDaemonSet = (e: InformerEvent<DaemonSet>): ReadonlyArray<Trigger> => {
      const key = objectKey(e.object)
      if (e.type === 'Deleted') return [forget(key), enqueue(key)]
      if (e.type === 'Updated' && e.old.metadata.uid !== e.object.metadata.uid) return [forget(key), enqueue(key)]
      return [enqueue(key)]
    }

    const ownerOf = (pod: Pod): string | undefined => controllerKeyOf(pod, 'DaemonSet', dsCache)
    const onPod = (e: InformerEvent<Pod>): ReadonlyArray<Trigger> => {
      const pod = e.object
      const owner = ownerOf(pod)
      switch (e.type) {
        case 'Added':
          if (owner !== undefined) return [isTerminating(pod) ? deletionObserved(owner) : creationObserved(owner), enqueue(owner)]
          return isOrphan(pod) && !isTerminating(pod) ? selectingKeys(pod, dsCache, selectorOf).map((k) => enqueue(k)) : []
        case 'Updated': {
          if (isReplay(e.old, pod)) return []
          const out: Trigger[] = []
          const oldOwner = ownerOf(e.old)
          if (controllerRefChanged(e.old, pod) && oldOwner !== undefined) out.push(enqueue(oldOwner))
          if (owner === undefined) {
            if (isOrphan(pod) && !isTerminating(pod) && (labelsChanged(e.old, pod) || controllerRefChanged(e.old, pod))) {
              out.push(...selectingKeys(pod, dsCache, selectorOf).map((k) => enqueue(k)))
            }
            return out
          }
          if (isTerminating(pod) && !isTerminating(e.old)) out.push(deletionObserved(owner))
          out.push(enqueue(owner))
          const minReady = dsCache.get(owner)?.spec.minReadySeconds ?? 0
          if (minReady > 0 && isPodReady(pod) && !isPodReady(e.old)) out.push(enqueue(owner, (minReady + 1) * 1000))
          return out
        }
        case 'Deleted':
          if (owner === undefined) return []
          return isTerminating(pod) ? [enqueue(owner)] : [deletionObserved(owner), enqueue(owner)]
      }
    }

    const onNode = (e: InformerEvent<Node>): ReadonlyArray<Trigger> => {
      const all = dsCache.list()
      switch (e.type) {
        case 'Added':
          return all.filter((ds) => eligibilityOf(ds, e.object).shouldRun).map((ds) => enqueue(objectKey(ds)))
        case 'Updated': {
          if (sameJson(labelsOf(e.old), labelsOf(e.object)) && sameJson(taintsOf(e.old), taintsOf(e.object))) return []
          return all
            .filter((ds) => {
              const before = eligibilityOf(ds, e.old)
              const after = eligibilityOf(ds, e.object)
              return before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning
            })
            .map((ds) => enqueue(objectKey(ds)))
        }
        case 'Deleted':
          return all.map((ds) => enqueue(objectKey(ds)))
      }
    }

    const onRevision = (e: InformerEvent<{ readonly metadata: DaemonSet['metadata'] }>): ReadonlyArray<Trigger> => {
      if (e.type === 'Updated' && isReplay(e.old, e.object)) return []
      const owner = controllerKeyOf(e.object, 'DaemonSet', dsCache)
      if (owner !== undefined) return [enqueue(owner)]
      return e.type === 'Deleted' || !isOrphan(e.object) ? [] : selectingKeys(e.object, dsCache, selectorOf).map((k) => enqueue(k))
    }

    const triggers$: Observable<Trigger> = merge(
      daemonSets.events$.pipe(flatMapArray(onDaemonSet)),
      pods.events$.pipe(flatMapArray(onPod)),
      nodes.events$.pipe(flatMapArray(onNode)),
      revisions.events$.pipe(flatMapArray(onRevision)),
    )

    return {
      triggers$,
      keys: () => dsCache.list().map(objectKey),
      sync: (key, { expectationsSatisfied, memory }) => {
        const ds = dsCache.get(key)
        if (ds === undefined) return { _tag: 'Gone' }
        const at = now()
        const decision = decideDaemonSet({
          daemonSet: ds,
          nodes: nodes.cache.list(),
          pods: candidatesOf(pods.cache, ds),
          revisions: candidatesOf(revisions.cache, ds),
          now: at,
          backoff: memory ?? {},
          expectationsSatisfied,
        })
        return { _tag: 'Planned', plan: decision.plan, memory: pruneBackoff(decision.backoff, at) }
      },
    }
  },
})
