import type { Subscription } from 'rxjs'
import type { KubeObject, PropagationPolicy } from '../runtime/clusterApi'
import type { StoreChange } from './eventHistory'
import type { MemoryStore } from './memoryStore'
import type { StoredEntry } from './objectTable'
import { OwnerIndex } from './ownerIndex'
import { GcFinalizers } from './planDeletion'
import type { TimerId } from './virtualClock'

export interface GarbageCollector {
  /** Stops watching the store; queued work is dropped. */
  stop(): void
}

export interface GarbageCollectorOptions {
  /** How long after a change the collector acts (virtual ms, default 0: at the same instant, after the change). */
  readonly delayMs?: number
}

type Task = { readonly _tag: 'Owner' | 'Dependent'; readonly uid: string }

const finalizersOf = (o: KubeObject): ReadonlyArray<string> => o.metadata.finalizers ?? []
const isDeleting = (o: KubeObject): boolean => o.metadata.deletionTimestamp != null
const isWaitingForDependents = (o: KubeObject): boolean => isDeleting(o) && finalizersOf(o).includes(GcFinalizers.foreground)
const hasGcFinalizer = (o: KubeObject): boolean =>
  finalizersOf(o).includes(GcFinalizers.orphan) || finalizersOf(o).includes(GcFinalizers.foreground)

/**
 * The ownerReferences garbage collector (pkg/controller/garbagecollector), on the store's change
 * feed: a dependent whose owners are all gone is deleted (Background); an owner deleted with
 * Orphan loses its `orphan` finalizer once its dependents' references to it are removed; an owner
 * deleted with Foreground has its dependents deleted and keeps its `foregroundDeletion`
 * finalizer until the dependents that block it (`blockOwnerDeletion`) are gone. It acts on
 * virtual-clock timers, so its writes come after the change that caused them.
 */
export const startGarbageCollector = (store: MemoryStore, options: GarbageCollectorOptions = {}): GarbageCollector => {
  const { clock } = store
  const index = new OwnerIndex()
  const queue: Task[] = []
  const queued = new Set<string>()
  let timer: TimerId | undefined

  const enqueue = (task: Task): void => {
    const key = `${task._tag}/${task.uid}`
    if (queued.has(key)) return
    queued.add(key)
    queue.push(task)
    timer ??= clock.setTimer(clock.now() + (options.delayMs ?? 0), drain)
  }

  const live = (uid: string): StoredEntry | undefined => store.byUid(uid)
  const ref = (entry: StoredEntry) => ({ resource: entry.resource, namespace: entry.object.metadata.namespace ?? '', name: entry.object.metadata.name ?? '' })
  const patchMeta = (entry: StoredEntry, metadata: Readonly<Record<string, unknown>>): void => {
    store.patch({ ...ref(entry), patchType: 'application/merge-patch+json', patch: { metadata } })
  }
  const remove = (entry: StoredEntry, propagationPolicy: PropagationPolicy): void => {
    store.delete({ ...ref(entry), propagationPolicy, preconditions: { uid: entry.object.metadata.uid ?? '' } })
  }
  const dropOwnerRefs = (entry: StoredEntry, owners: ReadonlyArray<string>): void => {
    const kept = (entry.object.metadata.ownerReferences ?? []).filter((r) => !owners.includes(r.uid))
    patchMeta(entry, { ownerReferences: kept.length > 0 ? kept : null })
  }
  const dropFinalizer = (entry: StoredEntry, finalizer: string): void => {
    const kept = finalizersOf(entry.object).filter((f) => f !== finalizer)
    patchMeta(entry, { finalizers: kept.length > 0 ? kept : null })
  }
  const dependentsOf = (uid: string): ReadonlyArray<StoredEntry> =>
    index.dependentsOf(uid).flatMap((d) => {
      const entry = live(d)
      return entry !== undefined && (entry.object.metadata.ownerReferences ?? []).some((r) => r.uid === uid) ? [entry] : []
    })

  /** `attemptToDeleteItem`: what to do with a dependent given the state of its owners. */
  const checkDependent = (uid: string): void => {
    const entry = live(uid)
    if (entry === undefined || isDeleting(entry.object)) return
    const refs = entry.object.metadata.ownerReferences ?? []
    if (refs.length === 0) return
    const owners = refs.map((r) => ({ ref: r, owner: live(r.uid)?.object }))
    const dangling = owners.filter((o) => o.owner === undefined).map((o) => o.ref.uid)
    const waiting = owners.filter((o) => o.owner !== undefined && isWaitingForDependents(o.owner)).map((o) => o.ref.uid)
    const solid = refs.length - dangling.length - waiting.length
    if (solid > 0) {
      if (dangling.length + waiting.length > 0) dropOwnerRefs(entry, [...dangling, ...waiting])
      return
    }
    const finalizers = finalizersOf(entry.object)
    const policy: PropagationPolicy =
      waiting.length > 0 && index.dependentsOf(uid).length > 0
        ? 'Foreground'
        : finalizers.includes(GcFinalizers.orphan)
          ? 'Orphan'
          : finalizers.includes(GcFinalizers.foreground)
            ? 'Foreground'
            : 'Background'
    remove(entry, policy)
  }

  /** `processDeletingDependentsItem` and `orphanDependents`: finish an owner's Orphan or Foreground deletion. */
  const checkOwner = (uid: string): void => {
    const entry = live(uid)
    if (entry === undefined || !isDeleting(entry.object)) return
    const dependents = dependentsOf(uid)
    if (finalizersOf(entry.object).includes(GcFinalizers.orphan)) {
      for (const dependent of dependents) dropOwnerRefs(dependent, [uid])
      const current = live(uid)
      if (current !== undefined) dropFinalizer(current, GcFinalizers.orphan)
      return
    }
    if (!finalizersOf(entry.object).includes(GcFinalizers.foreground)) return
    for (const dependent of dependents) if (!isDeleting(dependent.object)) enqueue({ _tag: 'Dependent', uid: dependent.object.metadata.uid ?? '' })
    const blocking = dependents.filter((d) => (d.object.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true))
    const current = live(uid)
    if (blocking.length === 0 && current !== undefined) dropFinalizer(current, GcFinalizers.foreground)
  }

  function drain(): void {
    timer = undefined
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      queued.delete(`${task._tag}/${task.uid}`)
      if (task._tag === 'Owner') checkOwner(task.uid)
      else checkDependent(task.uid)
    }
  }

  const observe = (type: StoreChange['type'], object: KubeObject): void => {
    const uid = object.metadata.uid ?? ''
    if (type === 'DELETED') {
      for (const owner of index.remove(uid)) enqueue({ _tag: 'Owner', uid: owner })
      for (const dependent of index.dependentsOf(uid)) enqueue({ _tag: 'Dependent', uid: dependent })
      return
    }
    for (const owner of index.set(object)) enqueue({ _tag: 'Owner', uid: owner })
    if (isDeleting(object) && hasGcFinalizer(object)) enqueue({ _tag: 'Owner', uid })
    const owners = index.ownersOf(uid).map((o) => live(o)?.object)
    if (owners.some((o) => o === undefined || isWaitingForDependents(o))) enqueue({ _tag: 'Dependent', uid })
  }

  for (const entry of store.entries()) observe('ADDED', entry.object)
  const subscription: Subscription = store.changes$.subscribe((change) => observe(change.type, change.object))

  return {
    stop: () => {
      subscription.unsubscribe()
      if (timer !== undefined) clock.cancel(timer)
      timer = undefined
      queue.length = 0
      queued.clear()
    },
  }
}

