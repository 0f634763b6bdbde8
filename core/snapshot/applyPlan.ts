import { absurd } from 'fp-ts/function'
import {
  formatInstant,
  namespaceOf,
  nameOf,
  type ControllerRevision,
  type DaemonSet,
  type DaemonSetStatus,
  type Instant,
  type Node,
  type Pod,
} from '../api'
import type { Action, Plan } from '../plan'

/** The objects a DaemonSet plan writes to, as an API server stores them. */
export interface ClusterState {
  readonly nodes: ReadonlyArray<Node>
  readonly pods: ReadonlyArray<Pod>
  readonly revisions: ReadonlyArray<ControllerRevision>
  readonly daemonSets: ReadonlyArray<DaemonSet>
}

/** Completes a `generateName` prefix into a name; called again while the name is taken. */
export type NameGenerator = (prefix: string) => string

export interface ApplyOptions {
  /** The API server's clock: creationTimestamp of created objects, deletionTimestamp of graceful deletes. */
  readonly now: Instant
  readonly generateName: NameGenerator
  /**
   * `remove` (the default) drops a deleted pod at once, as upstream's fake pod control does.
   * `graceful` follows the pod registry: unbound or terminal pods (and a 0 s grace period) go at
   * once unless finalizers hold them; others are marked terminating until the kubelet finishes.
   */
  readonly podDeletion?: 'remove' | 'graceful'
  /** The uid given to a created object; by default derived from its kind, name and `now`. */
  readonly uidFor?: (kind: string, namespace: string, name: string) => string
}

/** What the API server answered to one action. NotFound and AlreadyExists leave the state as it was. */
export type ActionOutcome = 'Applied' | 'Unchanged' | 'NotFound' | 'AlreadyExists' | 'Unsupported'

export interface AppliedPlan<S extends ClusterState> {
  readonly state: S
  /** One outcome per action, in plan order. */
  readonly outcomes: ReadonlyArray<ActionOutcome>
}

type Json = Readonly<Record<string, unknown>>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

// Plain assignment of a `__proto__` key would change the prototype instead of adding a member.
const put = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * RFC 7386 JSON merge patch: objects merge member by member, `null` removes a member, anything
 * else (arrays included) replaces the target. Returns a new value; the inputs are not modified.
 */
export const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (!isRecord(patch)) return patch
  const out: Record<string, unknown> = {}
  if (isRecord(target)) for (const [key, value] of Object.entries(target)) put(out, key, value)
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else put(out, key, mergePatch(Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined, value))
  }
  return out
}

const alphabet = 'bcdfghjklmnpqrstvwxz2456789'

/**
 * A deterministic `NameGenerator`: `<prefix><5 characters>` counting up from `start` in the
 * alphabet of apimachinery's random suffixes. Stateful by design (each call takes the next
 * number), so make one per simulated cluster.
 */
export const sequentialNames = (start = 0): NameGenerator => {
  let next = start
  return (prefix) => {
    let n = next++
    let suffix = ''
    for (let i = 0; i < 5; i++) {
      suffix = (alphabet[n % alphabet.length] ?? 'b') + suffix
      n = Math.floor(n / alphabet.length)
    }
    return `${prefix}${suffix}`
  }
}

const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`
const keyOfObject = (o: { readonly metadata: { readonly name?: string; readonly namespace?: string } }): string =>
  keyOf(namespaceOf(o), nameOf(o))
const indexed = <A extends { readonly metadata: { readonly name?: string; readonly namespace?: string } }>(
  xs: ReadonlyArray<A>,
): Map<string, A> => new Map(xs.map((x) => [keyOfObject(x), x] as const))

// A client retries a generateName collision; past this many the create fails with AlreadyExists.
const nameAttempts = 100

const isTerminalPod = (pod: Pod): boolean => pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded'

/**
 * Applies a plan's actions in order to a cluster state, as an API server behind the controllers'
 * pod control would: CreatePod names the pod (`generateName`), stamps uid and creationTimestamp
 * and starts it Pending; DeletePod removes it (or marks it terminating); UpdatePod applies its JSON
 * merge patch; revision actions create, replace or delete; UpdateStatus replaces a DaemonSet's
 * status. Events and requeues change nothing; Job actions are outside this state. Pure: time and
 * names are inputs. Other fields of `state` are carried over unchanged.
 */
export const applyPlanWithOutcomes = <S extends ClusterState>(
  state: S,
  plan: Plan | ReadonlyArray<Action>,
  options: ApplyOptions,
): AppliedPlan<S> => {
  const actions: ReadonlyArray<Action> = 'actions' in plan ? plan.actions : plan
  const pods = indexed(state.pods)
  const revisions = indexed(state.revisions)
  const daemonSets = indexed(state.daemonSets)
  const stamp = formatInstant(options.now)
  const uidFor = options.uidFor ?? ((kind, namespace, name) => `uid-${kind.toLowerCase()}-${namespace}-${name}-${options.now}`)

  const freshName = (namespace: string, prefix: string): string | undefined => {
    for (let i = 0; i < nameAttempts; i++) {
      const name = options.generateName(prefix)
      if (!pods.has(keyOf(namespace, name))) return name
    }
    return undefined
  }

  const deletePodNow = (key: string, pod: Pod): ActionOutcome => {
    if (options.podDeletion !== 'graceful') {
      pods.delete(key)
      return 'Applied'
    }
    if (pod.metadata.deletionTimestamp != null) return 'Unchanged'
    const unbound = (pod.spec.nodeName ?? '') === ''
    const grace = unbound || isTerminalPod(pod) ? 0 : (pod.spec.terminationGracePeriodSeconds ?? 30)
    const held = (pod.metadata.finalizers ?? []).length > 0
    if (grace === 0 && !held) {
      pods.delete(key)
      return 'Applied'
    }
    pods.set(key, {
      ...pod,
      metadata: { ...pod.metadata, deletionTimestamp: formatInstant(options.now + grace * 1000), deletionGracePeriodSeconds: grace },
    })
    return 'Applied'
  }

  const applyOne = (action: Action): ActionOutcome => {
    switch (action.type) {
      case 'CreatePod': {
        const namespace = action.pod.metadata.namespace ?? action.owner.namespace
        const given = action.pod.metadata.name ?? ''
        const name = given !== '' ? given : freshName(namespace, action.pod.metadata.generateName ?? '')
        if (name === undefined || pods.has(keyOf(namespace, name))) return 'AlreadyExists'
        pods.set(keyOf(namespace, name), {
          ...action.pod,
          metadata: { ...action.pod.metadata, name, namespace, uid: uidFor('Pod', namespace, name), creationTimestamp: stamp },
          status: action.pod.status ?? { phase: 'Pending' },
        })
        return 'Applied'
      }
      case 'DeletePod': {
        const key = keyOf(action.namespace, action.name)
        const pod = pods.get(key)
        return pod === undefined ? 'NotFound' : deletePodNow(key, pod)
      }
      case 'UpdatePod': {
        const key = keyOf(action.namespace, action.name)
        const pod = pods.get(key)
        if (pod === undefined) return 'NotFound'
        const patched = mergePatch(pod, action.patch) as Pod
        // The patch cannot rename the object: the name in the URL wins.
        pods.set(key, { ...patched, metadata: { ...patched.metadata, name: action.name, namespace: action.namespace } })
        return 'Applied'
      }
      case 'CreateRevision': {
        const revision = action.revision
        const key = keyOfObject(revision)
        if (revisions.has(key)) return 'AlreadyExists'
        const namespace = namespaceOf(revision)
        revisions.set(key, {
          ...revision,
          metadata: {
            ...revision.metadata,
            namespace,
            uid: revision.metadata.uid ?? uidFor('ControllerRevision', namespace, nameOf(revision)),
            creationTimestamp: revision.metadata.creationTimestamp ?? stamp,
          },
        })
        return 'Applied'
      }
      case 'UpdateRevision': {
        const key = keyOfObject(action.revision)
        const stored = revisions.get(key)
        if (stored === undefined) return 'NotFound'
        revisions.set(key, { ...action.revision, metadata: { ...action.revision.metadata, namespace: namespaceOf(stored) } })
        return 'Applied'
      }
      case 'DeleteRevision':
        return revisions.delete(keyOf(action.namespace, action.name)) ? 'Applied' : 'NotFound'
      case 'UpdateStatus': {
        if (action.target.kind !== 'DaemonSet') return 'Unsupported'
        const key = keyOf(action.target.namespace, action.target.name)
        const ds = daemonSets.get(key)
        if (ds === undefined) return 'NotFound'
        daemonSets.set(key, { ...ds, status: action.status as DaemonSetStatus })
        return 'Applied'
      }
      case 'CreateJob':
      case 'DeleteJob':
        return 'Unsupported'
      case 'RecordEvent':
      case 'Requeue':
        return 'Unchanged'
      default:
        return absurd(action)
    }
  }

  const outcomes = actions.map(applyOne)
  return {
    state: { ...state, pods: [...pods.values()], revisions: [...revisions.values()], daemonSets: [...daemonSets.values()] },
    outcomes,
  }
}

/** `applyPlanWithOutcomes` without the outcomes: the state after the plan. */
export const applyPlan = <S extends ClusterState>(state: S, plan: Plan | ReadonlyArray<Action>, options: ApplyOptions): S =>
  applyPlanWithOutcomes(state, plan, options).state
