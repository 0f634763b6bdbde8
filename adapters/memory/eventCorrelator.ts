import { LruCache } from './lruCache'

/** `v1.EventSource`: who reports the event (`daemonset-controller`, `job-controller`, `kubelet` + node). */
export interface EventSource {
  readonly component: string
  readonly host?: string
}

/** `v1.ObjectReference` as `ref.GetReference` fills it for an Event's `involvedObject`. */
export interface EventReference {
  readonly kind: string
  readonly namespace?: string
  readonly name: string
  readonly uid?: string
  readonly apiVersion?: string
  readonly resourceVersion?: string
  readonly fieldPath?: string
}

/** The fields of a `v1.Event` the correlator reads and writes; timestamps are RFC 3339 strings. */
export interface CorrelatedEvent {
  readonly name: string
  readonly namespace: string
  readonly involvedObject: EventReference
  readonly source: EventSource
  readonly type: string
  readonly reason: string
  readonly message: string
  readonly count: number
  readonly firstTimestamp: string
  readonly lastTimestamp: string
  readonly reportingComponent: string
  readonly reportingInstance: string
  readonly resourceVersion?: string
}

/** What to do with an event: drop it (spam), create it, or patch the Event it repeats. */
export type Correlation =
  | { readonly _tag: 'Skip' }
  | { readonly _tag: 'Create'; readonly event: CorrelatedEvent }
  | { readonly _tag: 'Patch'; readonly event: CorrelatedEvent; readonly patch: { readonly count: number; readonly lastTimestamp: string; readonly message: string } }

export interface EventCorrelator {
  /** `EventCorrelate`: aggregation, then de-duplication, then the spam filter. */
  correlate(event: CorrelatedEvent): Correlation
  /** `UpdateState`: remembers the Event the server returned (its name, count and resourceVersion). */
  updateState(event: CorrelatedEvent): void
}

export interface EventCorrelatorOptions {
  readonly cacheSize?: number
  readonly spamBurst?: number
  /** Tokens per second; upstream's is a float32, hence `Math.fround`. */
  readonly spamQps?: number
  readonly aggregateMaxEvents?: number
  readonly aggregateIntervalMs?: number
}

/** client-go's defaults (tools/record/events_cache.go). */
export const correlatorDefaults = {
  cacheSize: 4096,
  spamBurst: 25,
  spamQps: Math.fround(1 / 300),
  aggregateMaxEvents: 10,
  aggregateIntervalMs: 600_000,
} as const

export const aggregateMessagePrefix = '(combined from similar events): '

// Keys are joined without a separator, exactly as upstream's `strings.Join(..., "")`.
const spamKey = (e: CorrelatedEvent): string => {
  const o = e.involvedObject
  return `${e.source.component}${e.source.host ?? ''}${o.kind}${o.namespace ?? ''}${o.name}${o.uid ?? ''}${o.apiVersion ?? ''}`
}

/** `getEventKey`; with no fieldPath it is the spam key followed by type, reason and message, so `spam` saves building that part again. */
const eventKey = (e: CorrelatedEvent, spam?: string): string => {
  const o = e.involvedObject
  if ((o.fieldPath ?? '') === '') return `${spam ?? spamKey(e)}${e.type}${e.reason}${e.message}`
  return `${e.source.component}${e.source.host ?? ''}${o.kind}${o.namespace ?? ''}${o.name}${o.fieldPath ?? ''}${o.uid ?? ''}${o.apiVersion ?? ''}${e.type}${e.reason}${e.message}`
}

const aggregateKey = (e: CorrelatedEvent, spam: string): string => `${spam}${e.type}${e.reason}${e.reportingComponent}${e.reportingInstance}`

/** golang.org/x/time/rate's limiter as `AllowN(now, 1)` uses it: starts full, refills continuously. */
interface TokenBucket {
  tokens: number
  last: number
}

/** `time.Duration.Seconds()`: whole seconds plus the fraction, as Go computes it. */
const secondsOf = (ms: number): number => Math.trunc(ms / 1000) + (ms % 1000) / 1000

const tryAccept = (bucket: TokenBucket, now: number, burst: number, qps: number): boolean => {
  const last = now < bucket.last ? now : bucket.last
  const tokens = Math.min(burst, bucket.tokens + secondsOf(now - last) * qps) - 1
  // A deficit shorter than a nanosecond rounds to no wait at all, so it is allowed (as in Go).
  if (tokens < 0 && Math.trunc((-tokens / qps) * 1e9) > 0) return false
  bucket.tokens = tokens
  bucket.last = now
  return true
}

interface AggregateRecord {
  /** Distinct messages seen; insertion order is what makes the eviction below deterministic. */
  readonly localKeys: Set<string>
  lastTimestamp: number
}

interface EventLog {
  readonly count: number
  readonly firstTimestamp: string
  readonly name: string
  readonly resourceVersion: string | undefined
}

/**
 * client-go's `EventCorrelator` (tools/record/events_cache.go), one per recorder:
 * - aggregation: events that differ only in message, from the same source about the same object
 *   with the same type and reason, become one aggregate Event ("(combined from similar
 *   events): …", keyed by the aggregate key) once 10 distinct messages came within 600 s of each
 *   other; later ones patch it, message included;
 * - de-duplication: an event seen before (full key) patches the earlier Event's count and
 *   lastTimestamp;
 * - spam filter: a token bucket per source and object (burst 25, one more every 300 s); a
 *   filtered event is dropped after the de-dup cache counted it, so counts then jump, as upstream.
 * Each cache is an LRU of 4096 keys. Where Go's `PopAny` drops a random message from a full
 * aggregation set, this drops the oldest one, so runs repeat.
 */
export const createEventCorrelator = (now: () => number, options: EventCorrelatorOptions = {}): EventCorrelator => {
  const o = { ...correlatorDefaults, ...options }
  const buckets = new LruCache<TokenBucket>(o.cacheSize)
  const aggregates = new LruCache<AggregateRecord>(o.cacheSize)
  const logs = new LruCache<EventLog>(o.cacheSize)

  /** `EventAggregate`: the event to write (maybe the aggregate) and the key it is counted under. */
  const aggregate = (event: CorrelatedEvent, at: number, spam: string): { readonly event: CorrelatedEvent; readonly key: string } => {
    const key = aggregateKey(event, spam)
    let record = aggregates.get(key)
    if (record === undefined || at - record.lastTimestamp > o.aggregateIntervalMs) record = { localKeys: new Set<string>(), lastTimestamp: at }
    record.localKeys.add(event.message)
    record.lastTimestamp = at
    aggregates.add(key, record)
    if (record.localKeys.size < o.aggregateMaxEvents) return { event, key: eventKey(event, spam) }
    const oldest = record.localKeys.values().next()
    if (oldest.done !== true) record.localKeys.delete(oldest.value)
    // Upstream names the aggregate `<object>.<now in hex ns>`, which is the incoming event's own name here.
    const combined: CorrelatedEvent = {
      name: event.name,
      namespace: event.namespace,
      involvedObject: event.involvedObject,
      source: event.source,
      type: event.type,
      reason: event.reason,
      message: `${aggregateMessagePrefix}${event.message}`,
      count: 1,
      firstTimestamp: event.lastTimestamp,
      lastTimestamp: event.lastTimestamp,
      // The aggregate copy upstream builds leaves the reporting fields empty.
      reportingComponent: '',
      reportingInstance: '',
    }
    return { event: combined, key }
  }

  /** `eventObserve`: a repeat becomes a patch of the Event first written under `key`. */
  const observe = (event: CorrelatedEvent, key: string): Exclude<Correlation, { readonly _tag: 'Skip' }> => {
    const last = logs.get(key)
    let observed = event
    if (last !== undefined && last.count > 0) {
      const { resourceVersion: _ignored, ...rest } = event
      observed = {
        ...rest,
        name: last.name,
        firstTimestamp: last.firstTimestamp,
        count: last.count + 1,
        ...(last.resourceVersion !== undefined ? { resourceVersion: last.resourceVersion } : {}),
      }
    }
    logs.add(key, { count: observed.count, firstTimestamp: observed.firstTimestamp, name: observed.name, resourceVersion: observed.resourceVersion })
    return observed.count > 1
      ? { _tag: 'Patch', event: observed, patch: { count: observed.count, lastTimestamp: observed.lastTimestamp, message: observed.message } }
      : { _tag: 'Create', event: observed }
  }

  /** The spam filter; `key` is the spam key of the event, which aggregation and de-duplication leave as it was. */
  const filtered = (key: string, at: number): boolean => {
    const bucket = buckets.get(key) ?? { tokens: o.spamBurst, last: at }
    const accepted = tryAccept(bucket, at, o.spamBurst, o.spamQps)
    buckets.add(key, bucket)
    return !accepted
  }

  return {
    correlate: (event) => {
      const at = now()
      const spam = spamKey(event)
      const aggregated = aggregate(event, at, spam)
      const observed = observe(aggregated.event, aggregated.key)
      return filtered(spam, at) ? { _tag: 'Skip' } : observed
    },
    updateState: (event) => {
      logs.add(eventKey(event), { count: event.count, firstTimestamp: event.firstTimestamp, name: event.name, resourceVersion: event.resourceVersion })
    },
  }
}
