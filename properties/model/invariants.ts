import * as E from 'fp-ts/Either'
import { targetNodeOf } from '../../core/scheduling'
import type { DaemonSet, Job, Pod } from '../../core/api'
import { describePod, isFinishedJob, isLivePod, isTerminating, ownedBy, type ClusterView } from './view'

/**
 * Safety invariants that must hold after every command (once the instant's work has run), read
 * from the cluster's stored objects. Each returns human-readable violations (empty: holds).
 */

const maxSurgeOf = (ds: DaemonSet): unknown => ds.spec.updateStrategy?.rollingUpdate?.maxSurge ?? 0
const nodeOfPod = (p: Pod): string => E.getOrElse(() => '')(targetNodeOf(p))

/** With maxSurge 0 a DaemonSet never has two live pods meant for one node. */
export const oneDaemonPodPerNode = (view: ClusterView): ReadonlyArray<string> =>
  view.daemonSets
    .filter((ds) => maxSurgeOf(ds) === 0 || maxSurgeOf(ds) === '0%')
    .flatMap((ds) => {
      const byNode = new Map<string, Pod[]>()
      for (const p of ownedBy(ds.metadata.uid, view.pods).filter(isLivePod)) byNode.set(nodeOfPod(p), [...(byNode.get(nodeOfPod(p)) ?? []), p])
      return [...byNode].filter(([, ps]) => ps.length > 1).map(([node, ps]) => `DaemonSet ${ds.metadata.name ?? ''} has ${ps.length} live pods for node ${node}: ${ps.map(describePod).join(', ')}`)
    })

/**
 * A Job never has more active pods than parallelism, nor than its remaining completions.
 * properties/invariants/job.ts `activeWithinLimits` allows more only for a crashed sync (the
 * embedded controllers do not crash) and for a work-queue Job draining after a success or a
 * lowered parallelism (the model's Jobs always set completions and never change parallelism);
 * so no exception applies here. Active: neither terminal nor terminating (jobFacts.isActivePod).
 */
export const jobActiveWithinLimits = (view: ClusterView): ReadonlyArray<string> =>
  view.jobs.flatMap((job) => {
    const active = ownedBy(job.metadata.uid, view.pods).filter(isLivePod)
    const parallelism = job.spec.parallelism ?? 1
    const succeeded = (job.status?.succeeded ?? 0) + (job.status?.uncountedTerminatedPods?.succeeded?.length ?? 0)
    const remaining = Math.max(0, (job.spec.completions ?? Number.POSITIVE_INFINITY) - succeeded)
    const limit = Math.min(parallelism, remaining)
    return active.length <= limit
      ? []
      : [`Job ${job.metadata.name ?? ''} has ${active.length} active pods, above min(parallelism ${parallelism}, remaining ${remaining}): ${active.map(describePod).join(', ')}`]
  })

/** A Forbid CronJob never has two unfinished Jobs at once (counting the Jobs that exist, not its status). */
export const forbidNeverOverlaps = (view: ClusterView): ReadonlyArray<string> =>
  view.cronJobs
    .filter((cj) => cj.spec.concurrencyPolicy === 'Forbid')
    .flatMap((cj) => {
      const running = ownedBy(cj.metadata.uid, view.jobs).filter((j: Job) => !isFinishedJob(j) && !isTerminating(j))
      return running.length <= 1 ? [] : [`Forbid CronJob ${cj.metadata.name ?? ''} has ${running.length} unfinished Jobs: ${running.map((j) => j.metadata.name ?? '').join(', ')}`]
    })

/**
 * After a garbage-collection round, nothing whose owners are all gone is left alive: it is
 * either removed or terminating (a pod may wait out its grace period or a finalizer).
 */
export const noLiveOrphans = (view: ClusterView, allowTerminating: boolean): ReadonlyArray<string> => {
  const uids = new Set(view.all.map((o) => o.metadata.uid))
  return view.all
    .filter((o) => {
      const refs = o.metadata.ownerReferences ?? []
      return refs.length > 0 && refs.every((r) => !uids.has(r.uid)) && !(allowTerminating && isTerminating(o))
    })
    .map((o) => `${o.kind} ${o.metadata.name ?? ''} survives its deleted owner ${(o.metadata.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`).join(', ')}${isTerminating(o) ? ' (terminating)' : ''}`)
}

/** Every step invariant. */
export const stepInvariants = (view: ClusterView): ReadonlyArray<string> => [
  ...oneDaemonPodPerNode(view),
  ...jobActiveWithinLimits(view),
  ...forbidNeverOverlaps(view),
  ...noLiveOrphans(view, true),
]
