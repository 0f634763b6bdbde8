import type { KubeConfig } from '@kubernetes/client-node'
import { Observable } from 'rxjs'
import { classifyStatus } from '../memory/errors'
import { expired, isStatus } from '../memory/status'
import type { KubeObject, WatchEvent } from '../runtime/clusterApi'
import { clientNode } from './clientNode'
import { normalizeObject } from './jsonNulls'
import { failureStatus, unreachable } from './serverStatus'

const eventTypes: ReadonlySet<string> = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK'])

/** The HTTP code client-node's `Watch` puts on the error of a non-200 answer. */
const statusCodeOf = (error: unknown): number | undefined => {
  const code = (error as { readonly statusCode?: unknown } | null)?.statusCode
  return typeof code === 'number' ? code : undefined
}

/**
 * A watch through client-node's `Watch`, as an Observable of the API's watch events. The stream
 * completes when the server ends it; an ERROR event (410 Expired from a compacted
 * resourceVersion) is passed on and the stream completes after it, so the informer relists. A
 * watch refused with HTTP 410 (some servers answer so before streaming) is turned into the same
 * ERROR event; any other failure errors the Observable with an `ApiError`. Unsubscribing aborts
 * the request.
 */
export const watchResource = (config: KubeConfig, server: string, path: string, query: Readonly<Record<string, string | undefined>>): Observable<WatchEvent> =>
  new Observable<WatchEvent>((subscriber) => {
    let closed = false
    let abort: AbortController | undefined
    const onEvent = (type: string, object: unknown): void => {
      if (closed) return
      if (type === 'ERROR') {
        subscriber.next({ type: 'ERROR', object: isStatus(object) ? object : failureStatus(500, `watch error: ${JSON.stringify(object)}`) })
      } else if (eventTypes.has(type) && typeof object === 'object' && object !== null) {
        subscriber.next({ type: type as 'ADDED', object: normalizeObject(object as KubeObject) })
      }
    }
    const onDone = (error: unknown): void => {
      if (closed) return
      closed = true
      if (error === null || error === undefined) return subscriber.complete()
      const code = statusCodeOf(error)
      if (code === 410) {
        subscriber.next({ type: 'ERROR', object: expired(`watch of ${path} refused: resource version too old`) })
        return subscriber.complete()
      }
      const status = code !== undefined ? failureStatus(code, `watch of ${path} failed: HTTP ${code}`) : unreachable(server, error)
      subscriber.error(classifyStatus(status))
    }
    const watch = new (clientNode().Watch)(config)
    watch.watch(path, query, onEvent, onDone).then(
      (controller) => {
        abort = controller
        if (closed) controller.abort()
      },
      onDone,
    )
    return () => {
      closed = true
      abort?.abort()
    }
  })
