import type { SimulatedCluster } from '../../adapters/memory'

/** A taint effect the model tracks; PreferNoSchedule changes nothing the invariants look at. */
export type TaintEffect = 'NoSchedule' | 'NoExecute'

export type ConcurrencyPolicy = 'Allow' | 'Forbid' | 'Replace'

/**
 * The deliberately tiny model: which nodes exist (with the taint effects on them) and which
 * workloads exist. Pods, Jobs made by CronJobs and statuses are the cluster's business; the
 * invariants read them from the cluster itself, so the model only has to gate preconditions.
 */
export interface Model {
  readonly nodes: Map<string, Set<TaintEffect>>
  readonly daemonSets: Map<string, { image: string }>
  readonly jobs: Set<string>
  readonly cronJobs: Map<string, ConcurrencyPolicy>
}

/** The real system: one embedded cluster per run. */
export interface Real {
  readonly cluster: SimulatedCluster
}

/** The model of a cluster with these untainted nodes and no workloads. */
export const emptyModel = (nodes: ReadonlyArray<string> = []): Model => ({ nodes: new Map(nodes.map((n) => [n, new Set<TaintEffect>()])), daemonSets: new Map(), jobs: new Set(), cronJobs: new Map() })

// Small name pools so that commands collide (re-create after delete, taint a node twice, ...).
export const nodeNames = ['n1', 'n2', 'n3', 'n4'] as const
export const daemonSetNames = ['ds-a', 'ds-b'] as const
export const jobNames = ['job-a', 'job-b', 'job-c'] as const
export const cronJobNames = ['cron-a', 'cron-b'] as const
export const images = ['img:1', 'img:2', 'img:3'] as const

/** The namespace every workload lives in. */
export const namespace = 'default'

/** The taint key the model's taints use, and that a "tolerant" DaemonSet tolerates. */
export const taintKey = 'model.kuberules.io/dedicated'
