import {
  defaultDaemonSet,
  formatInstant,
  type DaemonSet,
  type Instant,
  type Node,
  type Pod,
  type PodCondition,
  type Taint,
} from '../../core/api'
import { hashRevision } from '../../core/history'

/** Small, explicit object builders for examples and tests; every field they set is visible at the call. */
export const aNode = (name: string, opts: { labels?: Record<string, string>; taints?: ReadonlyArray<Taint> } = {}): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(opts.labels ?? {}) } },
  spec: { taints: [...(opts.taints ?? [])] },
})

export interface DaemonSetOptions {
  readonly namespace?: string
  readonly uid?: string
  readonly labels?: Record<string, string>
  readonly spec?: Partial<DaemonSet['spec']>
  readonly podSpec?: Partial<DaemonSet['spec']['template']['spec']>
  readonly generation?: number
  readonly annotations?: Record<string, string>
}

/**
 * A defaulted, valid DaemonSet selecting `name=<name>`. Like upstream's `newDaemonSet` it uses the
 * OnDelete strategy and keeps 2 revisions unless `spec` says otherwise.
 */
export const aDaemonSet = (name: string, opts: DaemonSetOptions = {}): DaemonSet => {
  const labels = opts.labels ?? { name }
  return defaultDaemonSet({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      uid: opts.uid ?? `uid-${name}`,
      generation: opts.generation ?? 1,
      ...(opts.annotations !== undefined ? { annotations: opts.annotations } : {}),
    },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'OnDelete' },
      revisionHistoryLimit: 2,
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'foo', image: 'foo/bar' }], ...(opts.podSpec ?? {}) },
      },
      ...(opts.spec ?? {}),
    },
  })
}

export interface PodOptions {
  readonly name: string
  readonly node: string
  readonly createdAt?: Instant
  readonly phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
  readonly readySince?: Instant
  readonly labels?: Record<string, string>
  readonly deleting?: Instant
  /** Bind with spec.nodeName (true, the default) or pin only by node affinity. */
  readonly bound?: boolean
  readonly owned?: boolean
  /** The pod's `controller-revision-hash`; by default the DaemonSet's current one (as upstream's `newPod`). */
  readonly hash?: string
}

/** A daemon pod of `ds` on a node, owned by it unless `owned: false`. */
export const aDaemonPod = (ds: DaemonSet, opts: PodOptions): Pod => {
  const conditions: PodCondition[] =
    opts.readySince !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: formatInstant(opts.readySince) }] : []
  const bound = opts.bound ?? true
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: opts.name,
      namespace: ds.metadata.namespace ?? 'default',
      uid: `uid-${opts.name}`,
      creationTimestamp: formatInstant(opts.createdAt ?? 0),
      labels: {
        ...(ds.spec.template.metadata?.labels ?? {}),
        'controller-revision-hash': opts.hash ?? hashRevision(ds.spec.template, ds.status?.collisionCount),
        ...(opts.labels ?? {}),
      },
      ...(opts.deleting !== undefined ? { deletionTimestamp: formatInstant(opts.deleting) } : {}),
      ...(opts.owned === false
        ? {}
        : {
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name ?? '', uid: ds.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
            ],
          }),
    },
    spec: {
      ...ds.spec.template.spec,
      ...(bound ? { nodeName: opts.node } : {}),
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [opts.node] }] }],
          },
        },
      },
    },
    status: { phase: opts.phase ?? 'Running', conditions },
  }
}
