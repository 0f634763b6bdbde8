import * as E from 'fp-ts/Either'
import { Subject, type Observable, type SchedulerLike, type Subscription } from 'rxjs'
import type { Named } from '../../core/api'
import type { Activity } from './activity'
import type { ClusterApi, GroupVersionResource, KubeObject, WatchEvent } from './clusterApi'
import { ObjectCache, objectKey, type Indexers } from './objectCache'

/** What a controller's event handlers see: `OnAdd`, `OnUpdate(old, new)`, `OnDelete(last known)`. */
export type InformerEvent<A> =
  | { readonly type: 'Added'; readonly object: A }
  | { readonly type: 'Updated'; readonly object: A; readonly old: A }
  | { readonly type: 'Deleted'; readonly object: A }

export interface Informer<A extends Named> {
  readonly resource: GroupVersionResource
  readonly cache: ObjectCache<A>
  /** Every change to the cache, after it is applied (hot: subscribe before `start`). */
  readonly events$: Observable<InformerEvent<A>>
  /** Lists, then watches from the list's resourceVersion; resolves once the list is in the cache. */
  start(): Promise<void>
  stop(): void
  hasSynced(): boolean
}

export interface InformerOptions<A> {
  readonly api: ClusterApi
  readonly resource: GroupVersionResource
  /** Turns an API object into the cached form once per change; undefined skips an undecodable object. */
  readonly decode: (object: KubeObject) => A | undefined
  readonly indexers?: Indexers<A>
  /** For the pause before relisting after a failed list or a broken watch. */
  readonly scheduler?: SchedulerLike
  readonly activity?: Activity
  readonly log?: (line: string) => void
}

const relistDelayMs = 1000

/**
 * A reflector plus indexer (client-go `SharedIndexInformer`) over `ClusterApi`: list, then watch
 * from the list's resourceVersion. A watch that ends is resumed from the last version seen; one
 * that reports an error (410 Expired) or fails is replaced by a relist, which reconciles the cache
 * with the list (updates for what is still there, deletions for what is gone).
 */
export const createInformer = <A extends Named>(options: InformerOptions<A>): Informer<A> => {
  const { api, resource, decode } = options
  const cache = new ObjectCache<A>(options.indexers)
  const events = new Subject<InformerEvent<A>>()
  const name = `${resource.group === '' ? '' : `${resource.group}/`}${resource.resource}`
  let watch: Subscription | undefined
  let retry: Subscription | undefined
  let lastVersion = ''
  let synced = false
  let stopped = false

  const upsert = (raw: KubeObject): void => {
    lastVersion = raw.metadata.resourceVersion ?? lastVersion
    const object = decode(raw)
    if (object === undefined) {
      options.log?.(`informer ${name}: skipping undecodable ${objectKey(raw)}`)
      return
    }
    const old = cache.put(object)
    events.next(old === undefined ? { type: 'Added', object } : { type: 'Updated', object, old })
  }

  const remove = (raw: KubeObject): void => {
    lastVersion = raw.metadata.resourceVersion ?? lastVersion
    const old = cache.remove(objectKey(raw))
    if (old !== undefined) events.next({ type: 'Deleted', object: old })
  }

  // The whole relist, continuation included, counts as in flight: a driver of virtual time must
  // not move on between the list's answer and the cache taking it in.
  const relistTracked = (): Promise<void> => options.activity?.track(relist()) ?? relist()

  const later = (fn: () => void): void => {
    if (options.scheduler === undefined) fn()
    else retry = options.scheduler.schedule(fn, relistDelayMs)
  }

  const watchFrom = (version: string): void => {
    let broken = false
    const onEvent = (event: WatchEvent): void => {
      switch (event.type) {
        case 'ADDED':
        case 'MODIFIED':
          upsert(event.object)
          return
        case 'DELETED':
          remove(event.object)
          return
        case 'BOOKMARK':
          lastVersion = event.object.metadata.resourceVersion ?? lastVersion
          return
        case 'ERROR':
          options.log?.(`informer ${name}: watch error ${event.object.code}: ${event.object.message}; relisting`)
          broken = true
          return
      }
    }
    watch = api.watch({ resource, resourceVersion: version, allowWatchBookmarks: true }).subscribe({
      next: onEvent,
      error: () => {
        if (!stopped) later(() => void relistTracked())
      },
      complete: () => {
        if (stopped) return
        if (broken) void relistTracked()
        else watchFrom(lastVersion)
      },
    })
  }

  const relist = async (): Promise<void> => {
    watch?.unsubscribe()
    const listed = await api.list({ resource })
    if (stopped) return
    if (E.isLeft(listed)) {
      options.log?.(`informer ${name}: list failed: ${listed.left.status.message}`)
      later(() => void relistTracked())
      return
    }
    const seen = new Set<string>()
    for (const raw of listed.right.items) {
      seen.add(objectKey(raw))
      upsert(raw)
    }
    for (const key of cache.keys()) {
      const old = seen.has(key) ? undefined : cache.remove(key)
      if (old !== undefined) events.next({ type: 'Deleted', object: old })
    }
    lastVersion = listed.right.metadata.resourceVersion
    synced = true
    watchFrom(lastVersion)
  }

  return {
    resource,
    cache,
    events$: events.asObservable(),
    start: () => relistTracked(),
    stop: () => {
      stopped = true
      watch?.unsubscribe()
      retry?.unsubscribe()
      events.complete()
    },
    hasSynced: () => synced,
  }
}
