import { formatInstant, namespaceOf, nameOf, type Instant, type ObjectRef } from '../api'
import { reconcileCronJob } from '../cronjob'
import { decideDaemonSet } from '../daemonset'
import { reconcileJob } from '../job'
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

const planDaemonSets = (snapshot: Snapshot, now: Instant): ReadonlyArray<ObjectPlan> =>
  snapshot.daemonSets.map((ds) => {
    const ns = namespaceOf(ds)
    const { plan } = decideDaemonSet({
      daemonSet: ds,
      nodes: snapshot.nodes,
      pods: sameNamespace(ns, snapshot.pods),
      revisions: sameNamespace(ns, snapshot.revisions),
      now,
    })
    return { object: { kind: 'DaemonSet', namespace: ns, name: nameOf(ds) }, actions: plan.actions, notes: daemonSetNotes(snapshot, ds) }
  })

const planJobs = (snapshot: Snapshot, now: Instant): ReadonlyArray<ObjectPlan> =>
  snapshot.jobs.map((job) => {
    const ns = namespaceOf(job)
    const plan = reconcileJob({ job, pods: sameNamespace(ns, snapshot.pods), now })
    return { object: { kind: 'Job', namespace: ns, name: nameOf(job) }, actions: plan.actions, notes: [] }
  })

/** When the CronJob wakes next: its slot (the requeue less the 100 ms margin), or why it will not by itself. */
const cronJobNotes = (cronJob: Snapshot['cronJobs'][number], actions: ReadonlyArray<Action>, now: Instant): ReadonlyArray<string> => {
  const wake = actions.find((a) => a.type === 'Requeue')
  if (wake?.type === 'Requeue') return [`next schedule time ${formatInstant(now + wake.afterSeconds * 1000)}`]
  return cronJob.spec.suspend === true ? ['suspended: no Job starts until it is resumed'] : ['no requeue: only a change to the CronJob or its Jobs wakes it']
}

const planCronJobs = (snapshot: Snapshot, now: Instant): ReadonlyArray<ObjectPlan> =>
  snapshot.cronJobs.map((cronJob) => {
    const ns = namespaceOf(cronJob)
    const plan = reconcileCronJob({ cronJob, jobs: sameNamespace(ns, snapshot.jobs), now })
    return { object: { kind: 'CronJob', namespace: ns, name: nameOf(cronJob) }, actions: plan.actions, notes: cronJobNotes(cronJob, plan.actions, now) }
  })

/**
 * Runs one sync of every DaemonSet, Job and CronJob in the snapshot through the pure reducers, as
 * freshly started controllers would (no backoff memory, expectations satisfied). Changes nothing.
 */
export const planSnapshot = (snapshot: Snapshot, now: Instant): SnapshotPlan => ({
  now,
  objects: [...planDaemonSets(snapshot, now), ...planJobs(snapshot, now), ...planCronJobs(snapshot, now)],
})

export const allActions = (plan: SnapshotPlan): ReadonlyArray<Action> => plan.objects.flatMap((o) => o.actions)
