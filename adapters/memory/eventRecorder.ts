import * as E from 'fp-ts/Either'
import { formatInstant } from '../../core/api'
import type { RecordEvent } from '../../core/plan'
import { Resources, type KubeObject, type ObjectBody } from '../runtime/clusterApi'
import { createEventCorrelator, type CorrelatedEvent, type EventReference, type EventSource } from './eventCorrelator'
import type { MemoryStore } from './memoryStore'
import type { Status } from './status'

export type { EventSource } from './eventCorrelator'

export interface EventRecorder {
  /**
   * Records the action as a `v1` Event through the recorder's `EventCorrelator`: a new Event, a
   * patch of the one it repeats or aggregates into, or nothing (`right(undefined)`) when the
   * spam filter drops it.
   */
  recordEvent(action: RecordEvent): E.Either<Status, KubeObject | undefined>
}

/** The involved object as `ref.GetReference` fills it: uid, apiVersion and resourceVersion come from the stored object. */
const involvedOf = (store: MemoryStore, action: RecordEvent): EventReference => {
  const { kind, namespace, name } = action.involvedObject
  const info = store.resourceForKind(kind)
  const scoped = info === undefined || info.namespaced
  const found = info === undefined ? undefined : store.get({ resource: info, name, ...(scoped ? { namespace } : {}) })
  const base: EventReference = { kind, name, ...(scoped && namespace !== '' ? { namespace } : {}) }
  if (found === undefined || E.isLeft(found)) return base
  const meta = found.right.metadata
  return {
    ...base,
    apiVersion: found.right.apiVersion,
    ...(meta.uid !== undefined ? { uid: meta.uid } : {}),
    ...(meta.resourceVersion !== undefined ? { resourceVersion: meta.resourceVersion } : {}),
  }
}

const bodyOf = (event: CorrelatedEvent): ObjectBody => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: event.name, namespace: event.namespace },
  involvedObject: event.involvedObject,
  reason: event.reason,
  message: event.message,
  type: event.type,
  source: event.source,
  count: event.count,
  firstTimestamp: event.firstTimestamp,
  lastTimestamp: event.lastTimestamp,
  reportingComponent: event.reportingComponent,
  reportingInstance: event.reportingInstance,
})

/** The server's answer, as `UpdateState` reads it. */
const correlatedOf = (o: KubeObject): CorrelatedEvent => {
  const text = (key: string): string => (typeof o[key] === 'string' ? (o[key] as string) : '')
  return {
    name: o.metadata.name ?? '',
    namespace: o.metadata.namespace ?? '',
    involvedObject: o['involvedObject'] as EventReference,
    source: o['source'] as EventSource,
    type: text('type'),
    reason: text('reason'),
    message: text('message'),
    count: typeof o['count'] === 'number' ? o['count'] : 1,
    firstTimestamp: text('firstTimestamp'),
    lastTimestamp: text('lastTimestamp'),
    reportingComponent: text('reportingComponent'),
    reportingInstance: text('reportingInstance'),
    ...(o.metadata.resourceVersion !== undefined ? { resourceVersion: o.metadata.resourceVersion } : {}),
  }
}

/**
 * Events as client-go's recorder writes them: named `<object>.<creation time in hex ns>`, in the
 * involved object's namespace (`default` for cluster-scoped ones), with source, count and
 * first/last timestamps from the virtual clock, then passed through the `EventCorrelator`
 * (aggregation, de-duplication, spam filter) and written as `recordToSink` does: a patch of
 * count, lastTimestamp and message for a repeat (a create under the same name when that Event is
 * gone), a create otherwise. Rejected writes are not retried, as upstream gives up on API errors.
 * The name of a fresh Event skips names already taken: virtual time gives many events one instant.
 */
export const createEventRecorder = (store: MemoryStore, source: EventSource): EventRecorder => {
  const correlator = createEventCorrelator(() => store.clock.now())
  const eventSource: EventSource = { component: source.component, ...(source.host !== undefined ? { host: source.host } : {}) }

  // The hex of the current instant in nanoseconds, computed once per instant (a pure cache: the
  // BigInt arithmetic and formatting ran for every Event and showed in profiles).
  let hexAt: number | undefined
  let hexOfNow = ''
  const freshName = (namespace: string, objectName: string): string => {
    const now = store.clock.now()
    if (hexAt !== now) {
      hexOfNow = (BigInt(now) * 1_000_000n).toString(16)
      hexAt = now
    }
    const first = `${objectName}.${hexOfNow}`
    if (E.isLeft(store.get({ resource: Resources.events, namespace, name: first }))) return first
    let nanos = BigInt(now) * 1_000_000n + 1n
    for (;;) {
      const name = `${objectName}.${nanos.toString(16)}`
      if (E.isLeft(store.get({ resource: Resources.events, namespace, name }))) return name
      nanos += 1n
    }
  }

  const written = (result: E.Either<Status, KubeObject>): E.Either<Status, KubeObject> => {
    if (E.isRight(result)) correlator.updateState(correlatedOf(result.right))
    return result
  }

  const create = (event: CorrelatedEvent): E.Either<Status, KubeObject> =>
    written(store.create({ resource: Resources.events, namespace: event.namespace, body: bodyOf(event) }))

  return {
    recordEvent: (action) => {
      const involvedObject = involvedOf(store, action)
      const namespace = involvedObject.namespace ?? 'default'
      const now = formatInstant(store.clock.now())
      const correlation = correlator.correlate({
        name: freshName(namespace, involvedObject.name),
        namespace,
        involvedObject,
        source: eventSource,
        type: action.eventType,
        reason: action.reason,
        message: action.message,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      })
      switch (correlation._tag) {
        case 'Skip':
          return E.right(undefined)
        case 'Create':
          return create(correlation.event)
        case 'Patch': {
          const { event, patch } = correlation
          const patched = store.patch({ resource: Resources.events, namespace: event.namespace, name: event.name, patchType: 'application/strategic-merge-patch+json', patch })
          return E.isLeft(patched) && patched.left.code === 404 ? create(event) : written(patched)
        }
      }
    },
  }
}
