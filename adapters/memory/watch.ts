import { Observable } from 'rxjs'
import type { KubeObject, WatchEvent } from '../runtime/clusterApi'
import type { EventHistory, StoreChange } from './eventHistory'
import type { ObjectFilter } from './objectFilter'
import { infoKey, type ResourceInfo } from './resources'
import { badRequest, expired, timeout } from './status'

/** What a watch reads from the store: the change window, the live feed and the current state. */
export interface WatchSource {
  readonly history: EventHistory
  readonly live$: Observable<StoreChange>
  readonly resourceVersion: () => number
  /** The stored objects of a resource in key order. */
  readonly snapshot: (info: ResourceInfo) => ReadonlyArray<KubeObject>
}

/**
 * The event a watcher with this filter sees for a change: an object that starts matching is
 * ADDED and one that stops matching is DELETED, as the apiserver's watch cache reports it.
 */
const eventFor = (change: StoreChange, matches: ObjectFilter): WatchEvent | undefined => {
  const now = matches(change.object)
  if (change.type !== 'MODIFIED') return now ? { type: change.type, object: change.object } : undefined
  const before = change.previous !== undefined && matches(change.previous)
  if (before && now) return { type: 'MODIFIED', object: change.object }
  if (now) return { type: 'ADDED', object: change.object }
  return before ? { type: 'DELETED', object: change.object } : undefined
}

/**
 * Watches one resource from a resourceVersion, as an Observable. From `""`/`"0"`/absent it first
 * sends every matching object as ADDED; from `N` it replays the kept changes after N, or sends an
 * ERROR event with a 410 Expired Status (`too old resource version: N (M)`) and completes when
 * they are no longer kept. Then it streams live changes. Replay is synchronous on subscribe, and
 * events always arrive in resourceVersion order, even when a subscriber writes while receiving.
 */
export const watchChanges = (source: WatchSource, info: ResourceInfo, matches: ObjectFilter, resourceVersion: string | undefined): Observable<WatchEvent> =>
  new Observable<WatchEvent>((subscriber) => {
    const key = infoKey(info)
    // Every watcher sees every write: the store's own ResourceInfo objects and their plural names
    // settle nearly every change without the key lookup.
    const isOther = (r: ResourceInfo): boolean => r !== info && (r.resource !== info.resource || infoKey(r) !== key)
    const fail = (event: WatchEvent): void => {
      subscriber.next(event)
      subscriber.complete()
    }
    let last = 0
    const queue: StoreChange[] = []
    let draining = true
    const deliver = (change: StoreChange): void => {
      if (change.resourceVersion <= last) return
      last = change.resourceVersion
      if (isOther(change.resource)) return
      const event = eventFor(change, matches)
      if (event !== undefined && !subscriber.closed) subscriber.next(event)
    }
    const pump = (): void => {
      if (draining) return
      draining = true
      try {
        for (let next = queue.shift(); next !== undefined && !subscriber.closed; next = queue.shift()) deliver(next)
      } finally {
        draining = false
      }
    }
    const live = source.live$.subscribe((change) => {
      // Other resources' changes are dropped here rather than queued (most writes concern one
      // resource, and every watcher sees every write). `deliver` would drop them anyway; the
      // `last` they would have advanced only guards against older changes, which arrive first.
      if (isOther(change.resource)) return
      queue.push(change)
      pump()
    })

    const current = source.resourceVersion()
    if (resourceVersion === undefined || resourceVersion === '' || resourceVersion === '0') {
      last = current
      for (const object of source.snapshot(info)) if (matches(object) && !subscriber.closed) subscriber.next({ type: 'ADDED', object })
    } else {
      const from = /^[0-9]+$/.test(resourceVersion) ? Number(resourceVersion) : Number.NaN
      if (Number.isNaN(from)) {
        fail({ type: 'ERROR', object: badRequest(`resourceVersion: Invalid value: ${JSON.stringify(resourceVersion)}: must be a non-negative integer`) })
        return live
      }
      if (from > current) {
        fail({ type: 'ERROR', object: timeout(`Too large resource version: ${from}, current: ${current}`) })
        return live
      }
      const replay = source.history.since(from)
      if (replay === undefined) {
        fail({ type: 'ERROR', object: expired(`too old resource version: ${from} (${source.history.evictedUpTo})`) })
        return live
      }
      last = from
      for (const change of replay) deliver(change)
    }
    draining = false
    pump()
    return live
  })
