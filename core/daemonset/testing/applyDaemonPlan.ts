import {
  formatInstant,
  isBeingDeleted,
  isPodReady,
  nameOf,
  namespaceOf,
  type ControllerRevision,
  type DaemonSet,
  type Instant,
  type Node,
  type OwnerReference,
  type Pod,
} from '../../api'
import type { Plan } from '../../plan'
import type { FailedPodBackoff } from '../failedPodBackoff'
import { decideDaemonSet } from '../reconcile'
import { withReady } from './fixtures'

/**
 * Emulates upstream's unit-test harness between syncs: the fake pod control inserts created pods
 * into the informer cache (named, unscheduled, no status, no creationTimestamp) and removes the
 * deleted ones; ownerReference patches (adopt/release) are applied too. `seq` makes the generated
 * names unique across syncs. Pure: returns a new pod list.
 */
export const applyDaemonPlan = (pods: ReadonlyArray<Pod>, plan: Plan, seq: number): Pod[] => {
  const key = (namespace: string, name: string) => `${namespace}/${name}`
  const deleted = new Set<string>()
  const patches = new Map<string, ReadonlyArray<OwnerReference>>()
  const created: Pod[] = []
  for (const action of plan.actions) {
    switch (action.type) {
      case 'DeletePod':
        deleted.add(key(action.namespace, action.name))
        break
      case 'UpdatePod': {
        const refs = (action.patch as { metadata?: { ownerReferences?: ReadonlyArray<OwnerReference> } }).metadata?.ownerReferences
        if (refs !== undefined) patches.set(key(action.namespace, action.name), refs)
        break
      }
      case 'CreatePod': {
        const name = `${action.pod.metadata.generateName ?? ''}s${seq}-${created.length}`
        created.push({ ...action.pod, metadata: { ...action.pod.metadata, name, uid: `uid-${name}` } })
        break
      }
      default:
        break
    }
  }
  const kept = pods
    .filter((p) => !deleted.has(key(namespaceOf(p), nameOf(p))))
    .map((p): Pod => {
      const refs = patches.get(key(namespaceOf(p), nameOf(p)))
      return refs === undefined ? p : { ...p, metadata: { ...p.metadata, ownerReferences: [...refs] } }
    })
  return [...kept, ...created]
}

/** Applies the plan's ControllerRevision writes to the revision list (create, update by name, delete). */
export const applyRevisionActions = (revisions: ReadonlyArray<ControllerRevision>, plan: Plan): ControllerRevision[] => {
  let out = [...revisions]
  for (const action of plan.actions) {
    if (action.type === 'CreateRevision') out = [...out.filter((r) => nameOf(r) !== nameOf(action.revision)), action.revision]
    else if (action.type === 'UpdateRevision') out = out.map((r) => (nameOf(r) === nameOf(action.revision) ? action.revision : r))
    else if (action.type === 'DeleteRevision') out = out.filter((r) => nameOf(r) !== action.name)
  }
  return out
}

/**
 * The cluster as one DaemonSet controller sees it between syncs. As in upstream's tests, status
 * writes are not fed back into `daemonSet` (the fake informer's DaemonSet keeps its status, so the
 * failed-pod backoff key stays stable).
 */
export interface DaemonWorld {
  readonly daemonSet: DaemonSet
  readonly nodes: ReadonlyArray<Node>
  readonly pods: ReadonlyArray<Pod>
  readonly revisions: ReadonlyArray<ControllerRevision>
  readonly backoff: FailedPodBackoff
  readonly seq: number
}

export const worldOf = (daemonSet: DaemonSet, nodes: ReadonlyArray<Node>, pods: ReadonlyArray<Pod> = []): DaemonWorld => ({
  daemonSet,
  nodes,
  pods,
  revisions: [],
  backoff: {},
  seq: 0,
})

/** Upstream's `clearExpectations` stamps pods whose creationTimestamp is still zero with the fake clock. */
export const stampCreation = (pods: ReadonlyArray<Pod>, now: Instant): Pod[] =>
  pods.map((p) => (p.metadata.creationTimestamp == null ? { ...p, metadata: { ...p.metadata, creationTimestamp: formatInstant(now) } } : p))

/**
 * One `clearExpectations` + `syncHandler` round: stamp new pods with `now`, run the reducer, and
 * build the next world from its plan.
 */
export const syncWorld = (world: DaemonWorld, now: Instant): { readonly plan: Plan; readonly world: DaemonWorld } => {
  const pods = stampCreation(world.pods, now)
  const decision = decideDaemonSet({
    daemonSet: world.daemonSet,
    nodes: world.nodes,
    pods,
    revisions: world.revisions,
    now,
    backoff: world.backoff,
  })
  return {
    plan: decision.plan,
    world: {
      ...world,
      pods: applyDaemonPlan(pods, decision.plan, world.seq),
      revisions: applyRevisionActions(world.revisions, decision.plan),
      backoff: decision.backoff,
      seq: world.seq + 1,
    },
  }
}

/** `markPodsReady`: every pod gets Ready=True (since `when`). */
export const markPodsReady = (pods: ReadonlyArray<Pod>, when: Instant): Pod[] =>
  pods.map((p) => (isPodReady(p) ? p : withReady(p, 'True', when)))

/**
 * `setPodReadiness(dsc, ready, count, fn)`: flips the readiness of the first `count` pods (in list
 * order) that are not being deleted, are not already in that state and satisfy `fn`; the condition's
 * lastTransitionTime is `when`. Throws when fewer than `count` pods qualify, as upstream fails the test.
 */
export const setPodReadiness = (
  pods: ReadonlyArray<Pod>,
  ready: boolean,
  count: number,
  fn: (pod: Pod) => boolean,
  when: Instant,
): Pod[] => {
  let left = count
  const out = pods.map((p) => {
    if (left <= 0 || isBeingDeleted(p) || isPodReady(p) === ready || !fn(p)) return p
    left--
    return withReady(p, ready ? 'True' : 'False', when)
  })
  if (left > 0) throw new Error(`could not mark ${left} pods ready=${String(ready)}`)
  return out
}

/** Replaces the world's DaemonSet (`manager.dsStore.Update(ds)`). */
export const withDaemonSet = (world: DaemonWorld, daemonSet: DaemonSet): DaemonWorld => ({ ...world, daemonSet })

export const withPods = (world: DaemonWorld, pods: ReadonlyArray<Pod>): DaemonWorld => ({ ...world, pods })
