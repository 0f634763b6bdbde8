import type { Instant } from '../api/instant'
import type { Job } from '../api/job'
import type { Pod } from '../api/pod'
import type { BackoffRecord } from './backoff'

/** One Job and its world, as the controller's caches show them at `now`. */
export interface JobInput {
  readonly job: Job
  /** Pods of the namespace (or more); ownership and the selector decide which are the Job's. */
  readonly pods: ReadonlyArray<Pod>
  readonly now: Instant
  /** The pod create/delete expectations are met (default true); if not, nothing is created or deleted. */
  readonly expectationsSatisfied?: boolean
  /** The controller's in-memory backoff record from the previous sync (default: none, as after a restart). */
  readonly backoff?: BackoffRecord
  /** UIDs whose finalizer removal was requested and not yet observed (`finalizerExpectations`). */
  readonly pendingFinalizerRemovals?: ReadonlyArray<string>
}
