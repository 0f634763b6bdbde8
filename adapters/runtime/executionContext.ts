import type { ObjectRef } from '../../core/api'
import type { Action, RecordEvent, Requeue } from '../../core/plan'
import type { ApiError } from '../memory/errors'
import type { ClusterApi } from './clusterApi'
import type { PodControlEvents } from './controller'
import type { Expectations } from './expectations'

/** Everything `executePlan` needs for one sync's plan. */
export interface ExecutionContext {
  readonly api: ClusterApi
  /** The object the sync was for: the involved object of the pod-control events of deletes. */
  readonly subject: ObjectRef
  /** Records an event; best effort. */
  readonly record: (event: RecordEvent) => void
  readonly podControlEvents: PodControlEvents
  /**
   * The expectations the plan's pod creates and deletes count against. Given only when the sync
   * was allowed to manage pods (its expectations were satisfied): then they are set before any
   * request goes out, as `SetExpectations` precedes `syncNodes`' calls.
   */
  readonly expectations?: { readonly key: string; readonly store: Expectations }
  /** The resourceVersion of an object as the sync read it (the informer cache), for status writes. */
  readonly versionOf: (target: ObjectRef) => string | undefined
}

/** A request that failed, with the classified error. */
export interface ActionFailure {
  readonly action: Action
  readonly error: ApiError
}

/** What a plan's execution came to. */
export interface Execution {
  readonly failures: ReadonlyArray<ActionFailure>
  /** The plan's Requeue actions, for the loop's delaying queue. */
  readonly requeues: ReadonlyArray<Requeue>
  /** True when a failed write stopped the plan before its end. */
  readonly aborted: boolean
  /** Successful writes (creates, updates, patches, deletes). */
  readonly writes: number
}
