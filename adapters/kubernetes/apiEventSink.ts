import * as E from 'fp-ts/Either'
import { formatInstant, type Named } from '../../core/api'
import type { RecordEvent } from '../../core/plan'
import { Resources, type ClusterApi } from '../runtime/clusterApi'
import type { EventSink } from '../runtime/eventSink'
import { keyOf } from '../runtime/objectCache'

export interface ApiEventSinkOptions {
  readonly api: ClusterApi
  /** The source component: `daemonset-controller`, `job-controller`, `cronjob-controller`. */
  readonly component: string
  /** The cached object of a kind, for the involved object's uid and apiVersion. */
  readonly objectOf: (kind: string, key: string) => Named | undefined
  readonly now: () => number
  readonly log: (line: string) => void
}

/**
 * An `EventSink` for a real cluster: logs each event, then writes it as a `v1` Event in the
 * involved object's namespace, as client-go's recorder would (without its de-duplication: each
 * event is a new object, named by the server). Best effort: a failed write is logged, never retried.
 */
export const apiEventSink = (options: ApiEventSinkOptions): EventSink => ({
  recordEvent: async (event: RecordEvent): Promise<void> => {
    const { kind, namespace, name } = event.involvedObject
    options.log(`${options.component}: event ${event.eventType} ${event.reason} ${kind.toLowerCase()} ${namespace}/${name}: ${event.message}`)
    const involved = options.objectOf(kind, keyOf(namespace, name)) as (Named & { readonly apiVersion?: string }) | undefined
    const at = formatInstant(options.now())
    const body = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { generateName: `${name}.`, namespace: namespace === '' ? 'default' : namespace },
      involvedObject: {
        kind,
        name,
        ...(namespace !== '' ? { namespace } : {}),
        ...(involved?.metadata.uid !== undefined ? { uid: involved.metadata.uid } : {}),
        ...(involved?.apiVersion !== undefined ? { apiVersion: involved.apiVersion } : {}),
      },
      reason: event.reason,
      message: event.message,
      type: event.eventType,
      source: { component: options.component },
      reportingComponent: options.component,
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
    }
    const written = await options.api.create({ resource: Resources.events, namespace: body.metadata.namespace, body })
    if (E.isLeft(written)) options.log(`${options.component}: could not record event ${event.reason}: ${written.left.status.message}`)
  },
})
