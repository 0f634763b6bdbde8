import { controllerOf, type CronJob, type DaemonSet, type Job, type Node, type Pod } from '../../core/api'
import type { KubeObject } from '../../adapters/runtime/clusterApi'
import type { SimulatedCluster } from '../../adapters/memory'

/**
 * The cluster's objects by kind, typed. The store admits objects through core's codecs, so a
 * stored object has the shape of the core type; the casts only restate that.
 */
export interface ClusterView {
  readonly all: ReadonlyArray<KubeObject>
  readonly nodes: ReadonlyArray<Node>
  readonly pods: ReadonlyArray<Pod>
  readonly daemonSets: ReadonlyArray<DaemonSet>
  readonly jobs: ReadonlyArray<Job>
  readonly cronJobs: ReadonlyArray<CronJob>
}

const ofKind = <T>(all: ReadonlyArray<KubeObject>, kind: string): ReadonlyArray<T> => all.filter((o) => o.kind === kind) as unknown as ReadonlyArray<T>

export const viewOf = (cluster: SimulatedCluster): ClusterView => {
  const all = cluster.objects()
  return {
    all,
    nodes: ofKind<Node>(all, 'Node'),
    pods: ofKind<Pod>(all, 'Pod'),
    daemonSets: ofKind<DaemonSet>(all, 'DaemonSet'),
    jobs: ofKind<Job>(all, 'Job'),
    cronJobs: ofKind<CronJob>(all, 'CronJob'),
  }
}

type Named = Parameters<typeof controllerOf>[0]

export const isTerminating = (o: { readonly metadata: { readonly deletionTimestamp?: unknown } }): boolean => o.metadata.deletionTimestamp != null
export const isTerminalPod = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
/** Neither terminating nor terminated: the pods the controllers count as theirs and running. */
export const isLivePod = (p: Pod): boolean => !isTerminating(p) && !isTerminalPod(p)
export const isReadyPod = (p: Pod): boolean =>
  p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

const conditionTrue = (job: Job, type: string): boolean => (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')
export const isFinishedJob = (job: Job): boolean => conditionTrue(job, 'Complete') || conditionTrue(job, 'Failed')

/** The objects whose controller reference points at `ownerUid`. */
export const ownedBy = <T extends Named>(ownerUid: string | undefined, objects: ReadonlyArray<T>): ReadonlyArray<T> =>
  objects.filter((o) => ownerUid !== undefined && controllerOf(o)?.uid === ownerUid)

export const describePod = (p: Pod): string =>
  `${p.metadata.name ?? '?'}(${p.status?.phase ?? 'no phase'}${isTerminating(p) ? ', terminating' : ''} on ${p.spec.nodeName ?? 'no node'})`
