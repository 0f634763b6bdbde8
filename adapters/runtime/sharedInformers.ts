import * as E from 'fp-ts/Either'
import type * as t from 'io-ts'
import { ControllerRevision, CronJob, DaemonSet, Job, Node, Pod, controllerOf, type Named } from '../../core/api'
import type { SchedulerLike } from 'rxjs'
import type { Activity } from './activity'
import { Resources, type ClusterApi, type GroupVersionResource, type KubeObject } from './clusterApi'
import { createInformer, type Informer } from './informer'
import type { Indexers } from './objectCache'

/**
 * How cached objects are made from API objects: `codec` decodes each with core's io-ts codec (for
 * servers whose objects we have not vetted); `trusted` takes them as they are, for a store that
 * already admitted every write through those same codecs (the embedded cluster).
 */
export type DecodeMode = 'codec' | 'trusted'

export interface SharedInformersOptions {
  readonly api: ClusterApi
  readonly decode?: DecodeMode
  readonly scheduler?: SchedulerLike
  readonly activity?: Activity
  readonly log?: (line: string) => void
}

/** The index every namespaced cache has, and the owner index: controller uid, or `orphan/<ns>`. */
export const IndexNames = { namespace: 'namespace', owner: 'owner', node: 'node', controllerName: 'controllerName' } as const

/** The owner index value for a controller's uid. */
export const ownedBy = (uid: string): string => `uid/${uid}`
/** The owner index value for objects in `namespace` that no controller owns. */
export const orphansIn = (namespace: string): string => `orphan/${namespace}`
/** The controller-name index value: objects in `namespace` whose controller is named `name` (any kind, any uid). */
export const controlledByName = (namespace: string, name: string): string => `${namespace}/${name}`

interface IndexValues {
  readonly namespace: string
  readonly owner: ReadonlyArray<string>
  readonly name: ReadonlyArray<string>
}

const none: ReadonlyArray<string> = []

/**
 * The index functions of one set of informers, memoised: every watch event files the new version
 * of an object again, which nearly always has the same values, and handing out the same arrays of
 * the same strings spares building and hashing them anew (the index maps are keyed by those
 * strings). Stored objects are immutable, so an `ownerReferences` array stands for its values.
 */
const indexFunctions = () => {
  const byValue = new Map<string, ReadonlyArray<string>>()
  const single = (value: string): ReadonlyArray<string> => {
    let values = byValue.get(value)
    if (values === undefined) byValue.set(value, (values = [value]))
    return values
  }
  const orphans = new Map<string, IndexValues>()
  const owned = new WeakMap<object, IndexValues>()
  /** The owner and controller-name index values of an object. */
  const valuesOf = (o: Named): IndexValues => {
    const namespace = o.metadata.namespace ?? ''
    const refs = o.metadata.ownerReferences
    const hit = refs === undefined ? orphans.get(namespace) : owned.get(refs)
    if (hit !== undefined && hit.namespace === namespace) return hit
    const ref = controllerOf(o)
    const values: IndexValues = {
      namespace,
      owner: [ref === undefined ? orphansIn(namespace) : ownedBy(ref.uid)],
      name: ref === undefined ? none : [controlledByName(namespace, ref.name)],
    }
    if (refs === undefined) orphans.set(namespace, values)
    else owned.set(refs, values)
    return values
  }
  return {
    byNamespace: (o: Named): ReadonlyArray<string> => single(o.metadata.namespace ?? ''),
    byOwner: (o: Named): ReadonlyArray<string> => valuesOf(o).owner,
    byControllerName: (o: Named): ReadonlyArray<string> => valuesOf(o).name,
    byNode: (p: Pod): ReadonlyArray<string> => ((p.spec.nodeName ?? '') === '' ? none : single(p.spec.nodeName ?? '')),
  }
}

/**
 * One informer per resource, shared by every controller that reads it (client-go's
 * `SharedInformerFactory`): each object is decoded and indexed once however many controllers
 * watch it. Informers are made on first use; `start` starts those made so far.
 */
export interface SharedInformers {
  pods(): Informer<Pod>
  nodes(): Informer<Node>
  daemonSets(): Informer<DaemonSet>
  revisions(): Informer<ControllerRevision>
  jobs(): Informer<Job>
  cronJobs(): Informer<CronJob>
  /** The cached object of a kind, by `namespace/name` key, if that kind's informer exists. */
  objectOf(kind: string, key: string): Named | undefined
  start(): Promise<void>
  stop(): void
}

export const createSharedInformers = (options: SharedInformersOptions): SharedInformers => {
  const { byNamespace, byOwner, byControllerName, byNode } = indexFunctions()
  const owned: Indexers<Named> = { [IndexNames.namespace]: byNamespace, [IndexNames.owner]: byOwner }
  const made = new Map<string, Informer<Named>>()
  const started = new Set<string>()

  const make = <A extends Named>(kind: string, resource: GroupVersionResource, codec: t.Decoder<unknown, A>, indexers: Indexers<A>): Informer<A> => {
    const existing = made.get(kind)
    if (existing !== undefined) return existing as unknown as Informer<A>
    const decode =
      options.decode === 'trusted'
        ? (o: KubeObject): A => o as unknown as A
        : (o: KubeObject): A | undefined => {
            const decoded = codec.decode(o)
            return E.isRight(decoded) ? decoded.right : undefined
          }
    const informer = createInformer<A>({
      api: options.api,
      resource,
      decode,
      indexers,
      ...(options.scheduler !== undefined ? { scheduler: options.scheduler } : {}),
      ...(options.activity !== undefined ? { activity: options.activity } : {}),
      ...(options.log !== undefined ? { log: options.log } : {}),
    })
    made.set(kind, informer as unknown as Informer<Named>)
    return informer
  }

  return {
    pods: () => make('Pod', Resources.pods, Pod, { ...owned, [IndexNames.node]: byNode }),
    nodes: () => make('Node', Resources.nodes, Node, {}),
    daemonSets: () => make('DaemonSet', Resources.daemonSets, DaemonSet, { [IndexNames.namespace]: byNamespace }),
    revisions: () => make('ControllerRevision', Resources.controllerRevisions, ControllerRevision, owned),
    jobs: () => make('Job', Resources.jobs, Job, { ...owned, [IndexNames.controllerName]: byControllerName }),
    cronJobs: () => make('CronJob', Resources.cronJobs, CronJob, { [IndexNames.namespace]: byNamespace }),
    objectOf: (kind, key) => made.get(kind)?.cache.get(key),
    start: async () => {
      const fresh = [...made.entries()].filter(([kind]) => !started.has(kind))
      for (const [kind] of fresh) started.add(kind)
      await Promise.all(fresh.map(([, informer]) => informer.start()))
    },
    stop: () => {
      for (const informer of made.values()) informer.stop()
    },
  }
}
