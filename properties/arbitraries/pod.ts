import * as fc from 'fast-check'
import {
  DaemonSetKeys,
  controllerRef,
  formatInstant,
  nameOf,
  namespaceOf,
  type DaemonSet,
  type Pod,
  type PodCondition,
  type PodPhase,
} from '../../core/api'
import { pinToNode, withDaemonTolerations } from '../../core/scheduling'
import { sometimes } from './internal/sometimes'
import { vanishedNodeNames } from './vocabulary'

/** Whose a generated pod is: the DaemonSet's, an orphan it selects, another controller's, or its own but no longer selected. */
export type PodHolder = 'owned' | 'orphan' | 'foreign' | 'released'

/** How a pod names its node: bound (`spec.nodeName`), pinned by required affinity only, or neither (ignored by the controller). */
export type PodPlacement = 'bound' | 'pinned' | 'none'

export interface DaemonPodsConstraints {
  /** Nodes that exist; pods also land on vanished ones. */
  readonly nodeNames: ReadonlyArray<string>
  /** Revision hashes pods may carry (old and current); an unknown hash is added. */
  readonly hashes: ReadonlyArray<string>
  /** The clock: pods were created before it, readiness and deletion times are around it. Whole seconds. */
  readonly now: number
  readonly maxLength?: number
}

/** What one generated pod looks like, before it is turned into a Pod. */
export interface PodShape {
  readonly node: string
  readonly holder: PodHolder
  readonly placement: PodPlacement
  readonly phase: PodPhase
  readonly readyForSeconds: number | undefined
  readonly hash: string | undefined
  readonly templateGeneration: number | undefined
  readonly createdSecondsAgo: number
  readonly terminating: { readonly inSeconds: number; readonly finalizer: boolean } | undefined
}

const weighted = <T>(...cases: ReadonlyArray<readonly [number, T]>): fc.Arbitrary<T> =>
  fc.oneof(...cases.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })))

/** The shape of one pod: node (sometimes vanished), holder, placement, phase, readiness, hash labels, age, deletion. */
export const arbPodShape = (constraints: DaemonPodsConstraints): fc.Arbitrary<PodShape> => {
  const nodes = constraints.nodeNames.length > 0 ? constraints.nodeNames : vanishedNodeNames
  return fc
    .record({
      node: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...nodes) }, { weight: 1, arbitrary: fc.constantFrom(...vanishedNodeNames) }),
      holder: weighted<PodHolder>([14, 'owned'], [2, 'orphan'], [1, 'foreign'], [1, 'released']),
      placement: weighted<PodPlacement>([6, 'bound'], [3, 'pinned'], [1, 'none']),
      phase: weighted<PodPhase>([8, 'Running'], [2, 'Pending'], [1, 'Succeeded'], [1, 'Failed'], [1, 'Unknown']),
      ready: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 1, arbitrary: fc.constant(undefined) }),
      hash: sometimes(fc.constantFrom(...constraints.hashes, 'stalehash'), 7, 1),
      templateGeneration: sometimes(fc.integer({ min: 1, max: 3 }), 1, 3),
      createdSecondsAgo: fc.integer({ min: 1, max: 3600 }),
      terminating: sometimes(fc.record({ inSeconds: fc.integer({ min: 0, max: 30 }), finalizer: fc.boolean() }), 1, 7),
    })
    .map(({ ready, phase, ...rest }) => ({ ...rest, phase, readyForSeconds: phase === 'Running' ? ready : undefined }))
}

/** Turns a shape into the Pod of `ds` named `name`, as the controller (or a user, for orphans) would have made it. */
export const podFromShape = (ds: DaemonSet, name: string, shape: PodShape, now: number): Pod => {
  const templateLabels = ds.spec.template.metadata?.labels ?? {}
  const labels: Record<string, string> = shape.holder === 'released' ? { app: 'moved-away' } : { ...templateLabels }
  if (shape.hash !== undefined) labels[DaemonSetKeys.revisionHash] = shape.hash
  if (shape.templateGeneration !== undefined) labels[DaemonSetKeys.templateGeneration] = String(shape.templateGeneration)
  const owners =
    shape.holder === 'orphan'
      ? []
      : shape.holder === 'foreign'
        ? [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'other', uid: 'uid-other', controller: true }]
        : [controllerRef('apps/v1', 'DaemonSet', ds)]
  const base = withDaemonTolerations(ds.spec.template.spec)
  const spec =
    shape.placement === 'none'
      ? base
      : { ...pinToNode(base, shape.node), ...(shape.placement === 'bound' ? { nodeName: shape.node } : {}) }
  const ready = shape.readyForSeconds
  const conditions: PodCondition[] = [
    ready !== undefined
      ? { type: 'Ready', status: 'True', lastTransitionTime: formatInstant(now - ready * 1000) }
      : { type: 'Ready', status: 'False', lastTransitionTime: formatInstant(now - shape.createdSecondsAgo * 1000) },
  ]
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: namespaceOf(ds),
      uid: `uid-pod-${name}`,
      creationTimestamp: formatInstant(now - shape.createdSecondsAgo * 1000),
      labels,
      ...(owners.length > 0 ? { ownerReferences: owners } : {}),
      ...(shape.terminating !== undefined
        ? {
            deletionTimestamp: formatInstant(now + shape.terminating.inSeconds * 1000),
            deletionGracePeriodSeconds: shape.terminating.inSeconds,
            ...(shape.terminating.finalizer ? { finalizers: ['example.com/hold'] } : {}),
          }
        : {}),
    },
    spec,
    status: { phase: shape.phase, conditions },
  }
}

/** One pod of `ds` named `name`; see `arbPodShape`. */
export const arbDaemonPod = (ds: DaemonSet, name: string, constraints: DaemonPodsConstraints): fc.Arbitrary<Pod> =>
  arbPodShape(constraints).map((shape) => podFromShape(ds, name, shape, constraints.now))

/**
 * The pods a DaemonSet finds in its namespace: owned, orphaned, foreign and released pods on
 * existing and vanished nodes, bound or pinned, in every phase, ready or not, with old or new
 * hash labels, some terminating. Names are `<ds>-p<i>`; readiness only on Running pods.
 */
export const arbDaemonPods = (ds: DaemonSet, constraints: DaemonPodsConstraints): fc.Arbitrary<ReadonlyArray<Pod>> =>
  fc
    .array(arbPodShape(constraints), { maxLength: constraints.maxLength ?? 10 })
    .map((shapes) => shapes.map((shape, i) => podFromShape(ds, `${nameOf(ds)}-p${i}`, shape, constraints.now)))
