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
  /**
   * The clock of the relist backoff. Absent, a relist follows a broken watch at once, with no
   * backoff: only for tests of the cache logic over an API that never fails twice.
   */
  readonly scheduler?: SchedulerLike
  readonly relistBackoff?: RelistBackoff
  readonly activity?: Activity
  readonly log?: (line: string) => void
}

/**
 * How often an informer may LIST: the gap between two lists starts at `initialMs`, doubles with
 * every list that follows the previous one within `resetAfterMs`, up to `maxMs`, and is back to
 * `initialMs` after a quiet period (client-go's reflector backoff: 800 ms to 30 s, reset after 2 min).
 */
export interface RelistBackoff {
  readonly initialMs: number
  readonly maxMs: number
  readonly resetAfterMs: number
}

export const defaultRelistBackoff: RelistBackoff = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 120_000 }

/**
 * A reflector plus indexer (client-go `SharedIndexInformer`) over `ClusterApi`: list, then watch
 * from the list's resourceVersion. A watch that ends is resumed from the last version seen; one
 * that reports an error (410 Expired), fails, or ends at once without an event is replaced by a
 * relist, which reconciles the cache with the list (updates for what is still there, deletions for
 * what is gone). Relists are paced by `relistBackoff` on the scheduler: at most one LIST per
 * backoff interval however often watches break, so a server that keeps answering 410 sees a
 * LIST every 1, 2, 4, … 30 s rather than a storm.
 */
export const createInformer = <A extends Named>(options: InformerOptions<A>): Informer<A> => {
  const { api, resource, decode, scheduler } = options
  const backoff = options.relistBackoff ?? defaultRelistBackoff
  const cache = new ObjectCache<A>(options.indexers)
  const events = new Subject<InformerEvent<A>>()
  const name = `${resource.group === '' ? '' : `${resource.group}/`}${resource.resource}`
  let watch: Subscription | undefined
  let pending: Subscription | undefined
  let relisting = false
  let lastListAt: number | undefined
  let gapMs = backoff.initialMs
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

  /** Asks for a relist: at once if the last LIST is a gap ago, else when the gap is over; requests meanwhile merge. */
  const requestRelist = (): void => {
    watch?.unsubscribe()
    if (stopped || pending !== undefined || relisting) return
    if (scheduler === undefined) {
      void relistTracked()
      return
    }
    const wait = lastListAt === undefined ? 0 : Math.max(0, lastListAt + gapMs - scheduler.now())
    pending = scheduler.schedule(() => {
      pending = undefined
      if (!stopped) void relistTracked()
    }, wait)
  }

  const watchFrom = (version: string): void => {
    let broken = false
    let seen = 0
    const startedAt = scheduler?.now()
    const onEvent = (event: WatchEvent): void => {
      seen++
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
    // A server that closes every watch at once would otherwise be re-watched in a tight loop.
    const endedAtOnce = (): boolean => seen === 0 && scheduler !== undefined && startedAt !== undefined && scheduler.now() - startedAt < backoff.initialMs
    watch = api.watch({ resource, resourceVersion: version, allowWatchBookmarks: true }).subscribe({
      next: onEvent,
      error: (error: unknown) => {
        if (stopped) return
        options.log?.(`informer ${name}: watch failed: ${describeError(error)}; relisting`)
        requestRelist()
      },
      complete: () => {
        if (stopped) return
        if (broken || endedAtOnce()) requestRelist()
        else watchFrom(lastVersion)
      },
    })
  }

  const relist = async (): Promise<void> => {
    watch?.unsubscribe()
    relisting = true
    if (scheduler !== undefined) {
      const now = scheduler.now()
      if (lastListAt !== undefined) gapMs = now - lastListAt >= backoff.resetAfterMs ? backoff.initialMs : Math.min(backoff.maxMs, gapMs * 2)
      lastListAt = now
    }
    const listed = await api.list({ resource })
    relisting = false
    if (stopped) return
    if (E.isLeft(listed)) {
      options.log?.(`informer ${name}: list failed: ${listed.left.status.message}`)
      requestRelist()
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
      pending?.unsubscribe()
      events.complete()
    },
    hasSynced: () => synced,
  }
}

const describeError = (error: unknown): string => {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { readonly status?: { readonly message?: unknown } }).status
    if (typeof status?.message === 'string') return status.message
  }
  return error instanceof Error ? error.message : String(error)
}
