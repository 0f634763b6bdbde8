import type { RecordEvent } from '../../core/plan'

/**
 * Where a controller's events go (client-go's `EventRecorder`). Recording is best effort: a
 * failure is never a sync error. The embedded cluster writes Event objects through its
 * correlating recorder; a real-cluster adapter supplies its own.
 */
export interface EventSink {
  recordEvent(event: RecordEvent): unknown
}

/** Drops every event (tests, benchmarks). */
export const discardEvents: EventSink = { recordEvent: () => undefined }
