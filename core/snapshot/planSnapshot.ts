import { namespaceOf, nameOf, type Instant, type ObjectRef } from '../api'
import { decideDaemonSet } from '../daemonset'
import type { Action } from '../plan'
import { compileDaemonEligibility } from '../scheduling'
import type { Snapshot } from './snapshot'

/** The plan for one controller object, with notes a person needs to read it (why a node gets no pod). */
export interface ObjectPlan {
  readonly object: ObjectRef
  readonly actions: ReadonlyArray<Action>
  readonly notes: ReadonlyArray<string>
}

/** What `kuberules plan` prints: one sync of every controller object in the snapshot. */
export interface SnapshotPlan {
  readonly now: Instant
  readonly objects: ReadonlyArray<ObjectPlan>
}

const sameNamespace = <A extends { readonly metadata: { readonly namespace?: string } }>(ns: string, xs: ReadonlyArray<A>) =>
  xs.filter((x) => (x.metadata.namespace ?? 'default') === ns)

const daemonSetNotes = (snapshot: Snapshot, ds: Snapshot['daemonSets'][number]): ReadonlyArray<string> => {
  const decide = compileDaemonEligibility(ds)
  return [...snapshot.nodes]
    .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))
    .flatMap((node) => {
      const e = decide(node)
      if (e.shouldRun) return []
      return [e._tag === 'ContinueOnly' ? `no new daemon pod: ${e.reason} (running pods may stay)` : `no daemon pod: ${e.reason}`]
    })
}

/**
 * Runs one sync of every DaemonSet in the snapshot through the pure reducers (Jobs and CronJobs
 * are carried along until their controllers are plugged in). Changes nothing.
 */
export const planSnapshot = (snapshot: Snapshot, now: Instant): SnapshotPlan => ({
  now,
  objects: snapshot.daemonSets.map((ds) => {
    const ns = namespaceOf(ds)
    const { plan } = decideDaemonSet({
      daemonSet: ds,
      nodes: snapshot.nodes,
      pods: sameNamespace(ns, snapshot.pods),
      revisions: sameNamespace(ns, snapshot.revisions),
      now,
    })
    return { object: { kind: 'DaemonSet', namespace: ns, name: nameOf(ds) }, actions: plan.actions, notes: daemonSetNotes(snapshot, ds) }
  }),
})

export const allActions = (plan: SnapshotPlan): ReadonlyArray<Action> => plan.objects.flatMap((o) => o.actions)
