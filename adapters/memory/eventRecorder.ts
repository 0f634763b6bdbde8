import * as E from 'fp-ts/Either'
import { formatInstant } from '../../core/api'
import type { RecordEvent } from '../../core/plan'
import { Resources, type KubeObject } from '../runtime/clusterApi'
import type { MemoryStore } from './memoryStore'
import type { Status } from './status'

/** `v1.EventSource`: who reports the event (`daemonset-controller`, `job-controller`, `kubelet` + node). */
export interface EventSource {
  readonly component: string
  readonly host?: string
}

export interface EventRecorder {
  /** Writes the action as a `v1` Event, or bumps `count` and `lastTimestamp` of the same event seen before. */
  recordEvent(action: RecordEvent): E.Either<Status, KubeObject>
}

const cacheSize = 4096

interface Involved {
  readonly kind: string
  readonly namespace?: string
  readonly name: string
  readonly uid?: string
  readonly apiVersion?: string
  readonly resourceVersion?: string
}

/** The involved object as `ref.GetReference` fills it: uid, apiVersion and resourceVersion come from the stored object. */
const involvedOf = (store: MemoryStore, action: RecordEvent): Involved => {
  const { kind, namespace, name } = action.involvedObject
  const info = store.resourceForKind(kind)
  const scoped = info === undefined || info.namespaced
  const found = info === undefined ? undefined : store.get({ resource: info, name, ...(scoped ? { namespace } : {}) })
  const base: Involved = { kind, name, ...(scoped && namespace !== '' ? { namespace } : {}) }
  if (found === undefined || E.isLeft(found)) return base
  const meta = found.right.metadata
  return {
    ...base,
    apiVersion: found.right.apiVersion,
    ...(meta.uid !== undefined ? { uid: meta.uid } : {}),
    ...(meta.resourceVersion !== undefined ? { resourceVersion: meta.resourceVersion } : {}),
  }
}

/**
 * Events as client-go's recorder writes them: named `<object>.<creation time in hex ns>`, in the
 * involved object's namespace (`default` for cluster-scoped ones), with source, count and
 * first/last timestamps from the virtual clock. Repeats of the same (source, object, type,
 * reason, message) update the existing Event, as the EventCorrelator's de-duplication does.
 */
export const createEventRecorder = (store: MemoryStore, source: EventSource): EventRecorder => {
  const seen = new Map<string, { readonly namespace: string; readonly name: string }>()

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

  return {
    recordEvent: (action) => {
      const involved = involvedOf(store, action)
      const namespace = involved.namespace ?? 'default'
      const key = JSON.stringify([source.component, source.host ?? '', involved.kind, involved.namespace ?? '', involved.name, involved.uid ?? '', action.eventType, action.reason, action.message])
      const now = formatInstant(store.clock.now())
      const previous = seen.get(key)
      if (previous !== undefined) {
        const stored = store.get({ resource: Resources.events, ...previous })
        if (E.isRight(stored)) {
          const count = typeof stored.right['count'] === 'number' ? stored.right['count'] : 1
          return store.patch({ resource: Resources.events, ...previous, patchType: 'application/merge-patch+json', patch: { count: count + 1, lastTimestamp: now } })
        }
      }
      const name = freshName(namespace, involved.name)
      const created = store.create({
        resource: Resources.events,
        namespace,
        body: {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: involved,
          reason: action.reason,
          message: action.message,
          type: action.eventType,
          source: { component: source.component, ...(source.host !== undefined ? { host: source.host } : {}) },
          count: 1,
          firstTimestamp: now,
          lastTimestamp: now,
          reportingComponent: source.component,
          reportingInstance: source.host ?? '',
        },
      })
      if (E.isRight(created)) {
        seen.set(key, { namespace, name })
        // The recorder's cache is an LRU of 4096 keys; older repeats start a new Event.
        if (seen.size > cacheSize) seen.delete(seen.keys().next().value ?? '')
      }
      return created
    },
  }
}
