import type { ServerResponse } from 'node:http'
import type { Observable } from 'rxjs'
import { apiVersionOf, type ResourceInfo } from '../memory/resources'
import type { WatchEvent } from '../runtime/clusterApi'
import { toTable } from './tables'

export interface WatchStreamOptions {
  /** Serve each object as a one-row Table (kubectl `get -w`). */
  readonly table?: { readonly kind: string; readonly includeObject: string; readonly now: () => number }
  /** Close after this long (the reflector's `timeoutSeconds`); absent: stay open, or `get -w` exits. */
  readonly timeoutMs?: number
  /** `allowWatchBookmarks=true`: a BOOKMARK this often (wall-clock ms) and just before the timeout closes the stream. */
  readonly bookmarks?: { readonly intervalMs: number; readonly object: () => unknown }
}

/**
 * Streams a store watch as newline-delimited JSON events. Headers go out at once: kubectl's
 * `rollout status` waits on them with a context it never cancels. An ERROR event (410 Expired)
 * completes the store's observable, which ends the response so clients relist.
 */
export const streamWatch = (res: ServerResponse, events$: Observable<WatchEvent>, options: WatchStreamOptions): void => {
  res.writeHead(200, { 'Content-Type': options.table !== undefined ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json', 'Cache-Control': 'no-cache, private' })
  res.flushHeaders()
  let first = true
  const write = (event: WatchEvent): void => {
    const t = options.table
    const object =
      t !== undefined && event.type !== 'ERROR' && event.type !== 'BOOKMARK'
        ? toTable([event.object], {
            kind: t.kind,
            now: t.now(),
            resourceVersion: event.object.metadata.resourceVersion ?? '',
            includeObject: t.includeObject,
            withColumns: first,
          })
        : event.object
    if (object !== event.object) first = false
    res.write(`${JSON.stringify({ type: event.type, object })}\n`)
  }
  const subscription = events$.subscribe({ next: write, complete: () => res.end(), error: () => res.end() })
  // A bookmark tells a quiet watcher how far the store has got, so it resumes from there rather than from an old version.
  const bookmark = (): void => {
    if (options.bookmarks !== undefined && !res.writableEnded) res.write(`${JSON.stringify({ type: 'BOOKMARK', object: options.bookmarks.object() })}\n`)
  }
  const ticker = options.bookmarks !== undefined ? setInterval(bookmark, options.bookmarks.intervalMs) : undefined
  const timer =
    options.timeoutMs !== undefined
      ? setTimeout(() => {
          bookmark()
          res.end()
        }, options.timeoutMs)
      : undefined
  // `res` 'close' (not `req`): Node fires req 'close' as soon as the empty request body is read.
  res.on('close', () => {
    subscription.unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
    if (ticker !== undefined) clearInterval(ticker)
  })
}

/**
 * The object of a BOOKMARK event: only the kind and the resourceVersion the watcher has seen
 * everything up to (a Table for Table watches, so `get -w` style clients can read it).
 */
export const bookmarkObject = (info: ResourceInfo, resourceVersion: string, table: boolean): unknown =>
  table
    ? { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion }, columnDefinitions: [], rows: [] }
    : { kind: info.kind, apiVersion: apiVersionOf(info), metadata: { resourceVersion } }
