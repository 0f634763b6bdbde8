import { absurd } from 'fp-ts/function'
import type { ControllerRevision, CronJob, DaemonSet, Job, Manifest, Node, Pod } from '../api'

/** A cluster as a set of objects, sorted into what the controllers read. */
export interface Snapshot {
  readonly nodes: ReadonlyArray<Node>
  readonly pods: ReadonlyArray<Pod>
  readonly daemonSets: ReadonlyArray<DaemonSet>
  readonly revisions: ReadonlyArray<ControllerRevision>
  readonly jobs: ReadonlyArray<Job>
  readonly cronJobs: ReadonlyArray<CronJob>
  /** Kinds the controllers do not read, carried along untouched. */
  readonly others: ReadonlyArray<Readonly<Record<string, unknown>>>
}

export const emptySnapshot: Snapshot = { nodes: [], pods: [], daemonSets: [], revisions: [], jobs: [], cronJobs: [], others: [] }

/** Sorts decoded manifests into a snapshot, keeping their order within each kind. */
export const snapshotOf = (manifests: ReadonlyArray<Manifest>): Snapshot => {
  const nodes: Node[] = []
  const pods: Pod[] = []
  const daemonSets: DaemonSet[] = []
  const revisions: ControllerRevision[] = []
  const jobs: Job[] = []
  const cronJobs: CronJob[] = []
  const others: Array<Readonly<Record<string, unknown>>> = []
  for (const m of manifests) {
    switch (m._tag) {
      case 'Node':
        nodes.push(m.object)
        break
      case 'Pod':
        pods.push(m.object)
        break
      case 'DaemonSet':
        daemonSets.push(m.object)
        break
      case 'ControllerRevision':
        revisions.push(m.object)
        break
      case 'Job':
        jobs.push(m.object)
        break
      case 'CronJob':
        cronJobs.push(m.object)
        break
      case 'Other':
        others.push(m.object)
        break
      default:
        absurd(m)
    }
  }
  return { nodes, pods, daemonSets, revisions, jobs, cronJobs, others }
}
