import {
  formatInstant,
  makeInstant,
  type DaemonSet,
  type DaemonSetUpdateStrategy,
  type Instant,
  type IntOrString,
  type Node,
  type Pod,
  type PodCondition,
  type Taint,
  type Toleration,
} from '../../api'
import { hashRevision } from '../../history'
import { actionsOf, type Plan } from '../../plan'
import { aDaemonPod, aDaemonSet, aNode, type PodOptions } from '../../../properties/builders'

/**
 * Test fixtures mirroring the helpers of upstream's daemon_controller_test.go and update_test.go
 * (newDaemonSet, newNode, addNodes, addPods, updateStrategies, newUpdateSurge, ...). Test-only: not
 * exported from the package index.
 */

/** `simpleDaemonSetLabel`: what the DaemonSet selects and its template carries. */
export const simpleDaemonSetLabel: Readonly<Record<string, string>> = { name: 'simple-daemon', type: 'production' }
/** `simpleDaemonSetLabel2`: same name, other type; not selected by the DaemonSet. */
export const simpleDaemonSetLabel2: Readonly<Record<string, string>> = { name: 'simple-daemon', type: 'test' }
/** `simpleNodeLabel` / `simpleNodeLabel2`. */
export const simpleNodeLabel: Readonly<Record<string, string>> = { color: 'blue', speed: 'fast' }
export const simpleNodeLabel2: Readonly<Record<string, string>> = { color: 'red', speed: 'fast' }

export const noScheduleTolerations: ReadonlyArray<Toleration> = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]
export const noScheduleTaints: ReadonlyArray<Taint> = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]
export const noExecuteTaints: ReadonlyArray<Taint> = [{ key: 'dedicated', value: 'user1', effect: 'NoExecute' }]

/** Upstream's fake clocks count seconds from the epoch (`time.Unix(s, 0)`). */
export const at = (seconds: number): Instant => makeInstant(seconds * 1000)

/** A fixed "now" for single-sync tests, far from the epoch so minReadySeconds never matter by accident. */
export const testNow: Instant = makeInstant(Date.parse('2026-01-01T00:00:00Z'))

export const onDelete: DaemonSetUpdateStrategy = { type: 'OnDelete' }

/** `newRollingUpdateStrategy` / `newUpdateUnavailable`: RollingUpdate with only maxUnavailable set. */
export const rollingUpdate = (maxUnavailable: IntOrString): DaemonSetUpdateStrategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable },
})

/** `newUpdateSurge`: RollingUpdate with maxUnavailable 0 and the given maxSurge. */
export const surge = (maxSurge: IntOrString): DaemonSetUpdateStrategy => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: 0, maxSurge },
})

/** Upstream's `updateStrategies()`: OnDelete and RollingUpdate with maxUnavailable 1. */
export const updateStrategies: ReadonlyArray<readonly [string, DaemonSetUpdateStrategy]> = [
  ['OnDelete', onDelete],
  ['RollingUpdate', rollingUpdate(1)],
]

/**
 * `newDaemonSet(name)`: selects and labels its template with `simpleDaemonSetLabel`, OnDelete,
 * revisionHistoryLimit 2. The strategy is set as given, without API defaulting (as upstream's
 * tests assign `ds.Spec.UpdateStrategy` directly).
 */
export const newDaemonSet = (
  name: string,
  opts: {
    readonly strategy?: DaemonSetUpdateStrategy
    readonly podSpec?: Partial<DaemonSet['spec']['template']['spec']>
    readonly minReadySeconds?: number
    readonly namespace?: string
    readonly generation?: number
  } = {},
): DaemonSet => {
  const ds = aDaemonSet(name, {
    labels: { ...simpleDaemonSetLabel },
    ...(opts.podSpec !== undefined ? { podSpec: opts.podSpec } : {}),
    ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
    ...(opts.generation !== undefined ? { generation: opts.generation } : {}),
  })
  return {
    ...ds,
    spec: {
      ...ds.spec,
      updateStrategy: opts.strategy ?? onDelete,
      ...(opts.minReadySeconds !== undefined ? { minReadySeconds: opts.minReadySeconds } : {}),
    },
  }
}

/** `ds.Spec.UpdateStrategy = ...`. */
export const withStrategy = (ds: DaemonSet, strategy: DaemonSetUpdateStrategy): DaemonSet => ({
  ...ds,
  spec: { ...ds.spec, updateStrategy: strategy },
})

/** `ds.Spec.Template.Spec.Containers[0].Image = image`: a template change, so a new revision hash. */
export const withImage = (ds: DaemonSet, image: string): DaemonSet => {
  const [first, ...rest] = ds.spec.template.spec.containers
  if (first === undefined) throw new Error('template without containers')
  return {
    ...ds,
    metadata: { ...ds.metadata, generation: (ds.metadata.generation ?? 0) + 1 },
    spec: { ...ds.spec, template: { ...ds.spec.template, spec: { ...ds.spec.template.spec, containers: [{ ...first, image }, ...rest] } } },
  }
}

/** `ds.Spec.MinReadySeconds = seconds`. */
export const withMinReadySeconds = (ds: DaemonSet, seconds: number): DaemonSet => ({
  ...ds,
  spec: { ...ds.spec, minReadySeconds: seconds },
})

/** The revision hash the DaemonSet's pods carry (`currentDSHash`, with no colliding revisions). */
export const currentHash = (ds: DaemonSet): string => hashRevision(ds.spec.template, ds.status?.collisionCount)

/** `newNode(name, labels)`, with optional taints (`setNodeTaint`). */
export const newNode = (name: string, labels?: Readonly<Record<string, string>>, taints?: ReadonlyArray<Taint>): Node =>
  aNode(name, { ...(labels !== undefined ? { labels: { ...labels } } : {}), ...(taints !== undefined ? { taints } : {}) })

/** `addNodes(store, start, n, labels)`: nodes `node-<start>` .. `node-<start+n-1>`. */
export const addNodes = (start: number, count: number, labels?: Readonly<Record<string, string>>): Node[] =>
  Array.from({ length: count }, (_, i) => newNode(`node-${start + i}`, labels))

/**
 * `addPods(store, node, labels, ds, n)`: `count` pods of `ds` bound to `node`, labelled with
 * `labels` plus the DaemonSet's current hash. Names are `<node>-<tag><i>` (upstream generates random
 * suffixes); options such as `phase` apply to each.
 */
export const addPods = (
  ds: DaemonSet,
  node: string,
  count: number,
  labels: Readonly<Record<string, string>> = simpleDaemonSetLabel,
  opts: Partial<Omit<PodOptions, 'name' | 'node'>> & { readonly tag?: string } = {},
): Pod[] => {
  const { tag = '', ...rest } = opts
  return Array.from({ length: count }, (_, i) =>
    aDaemonPod(ds, { name: `${node}-${tag}${i}`, node, ...rest, labels: { ...labels, ...(rest.labels ?? {}) } }),
  )
}

/** `addFailedPods`: as `addPods` with phase Failed. */
export const addFailedPods = (ds: DaemonSet, node: string, count: number): Pod[] =>
  addPods(ds, node, count, simpleDaemonSetLabel, { phase: 'Failed', tag: 'failed-' })

/** A pod without the `controller-revision-hash` label (upstream deletes the label to make it "old"). */
export const withoutHash = (pod: Pod): Pod => {
  const { ['controller-revision-hash']: _dropped, ...labels } = pod.metadata.labels ?? {}
  return { ...pod, metadata: { ...pod.metadata, labels } }
}

/** Sets the pod's Ready condition; `since` is its lastTransitionTime (omitted: Go's zero time). */
export const withReady = (pod: Pod, status: 'True' | 'False', since?: Instant): Pod => {
  const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'Ready')
  const ready: PodCondition = { type: 'Ready', status, ...(since !== undefined ? { lastTransitionTime: formatInstant(since) } : {}) }
  return { ...pod, status: { ...(pod.status ?? {}), conditions: [...others, ready] } }
}

export const withCreationTimestamp = (pod: Pod, when: Instant): Pod => ({
  ...pod,
  metadata: { ...pod.metadata, creationTimestamp: formatInstant(when) },
})

export const withDeletionTimestamp = (pod: Pod, when: Instant): Pod => ({
  ...pod,
  metadata: { ...pod.metadata, deletionTimestamp: formatInstant(when) },
})

/** The node a planned daemon pod is pinned to, by its required `metadata.name In [node]` term. */
export const pinnedNodeOf = (pod: Pod): string =>
  pod.spec.nodeName ??
  pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]
    ?.values?.[0] ??
  '?'

/** What upstream's `validateSyncDaemonSets` counts: creates, deletes and recorded events. */
export interface SyncCounts {
  readonly creates: number
  readonly deletes: number
  readonly events: number
}

export const countsOf = (plan: Plan): SyncCounts => ({
  creates: actionsOf(plan, 'CreatePod').length,
  deletes: actionsOf(plan, 'DeletePod').length,
  events: actionsOf(plan, 'RecordEvent').length,
})

export const createdNodes = (plan: Plan): string[] => actionsOf(plan, 'CreatePod').map((a) => pinnedNodeOf(a.pod))
export const deletedNames = (plan: Plan): string[] => actionsOf(plan, 'DeletePod').map((a) => a.name)
export const statusOf = (plan: Plan) => actionsOf(plan, 'UpdateStatus')[0]?.status
