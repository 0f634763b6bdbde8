import type { Observable } from 'rxjs'
import type { Instant } from '../../core/api'
import type { Plan } from '../../core/plan'
import type { SharedInformers } from './sharedInformers'

/**
 * What an informer event means for a controller, as data (upstream's event handlers, minus the
 * effects): queue a key (now or after a delay), count off a create or delete it expected, or
 * forget a key whose object is gone. The loop carries these out.
 */
export type Trigger =
  | { readonly _tag: 'Enqueue'; readonly key: string; readonly afterMs: number }
  | { readonly _tag: 'CreationObserved'; readonly key: string }
  | { readonly _tag: 'DeletionObserved'; readonly key: string }
  | { readonly _tag: 'Forget'; readonly key: string }

export const enqueue = (key: string, afterMs = 0): Trigger => ({ _tag: 'Enqueue', key, afterMs })
export const creationObserved = (key: string): Trigger => ({ _tag: 'CreationObserved', key })
export const deletionObserved = (key: string): Trigger => ({ _tag: 'DeletionObserved', key })
export const forget = (key: string): Trigger => ({ _tag: 'Forget', key })

/** Which of `RealPodControl`'s events the executor records for this controller's pod writes. */
export interface PodControlEvents {
  /** `SuccessfulCreate` "Created pod: <name>" and `FailedCreate` "Error creating: <message>". */
  readonly created: boolean
  /** `SuccessfulDelete` "Deleted pod: <name>" and `FailedDelete` "Error deleting: <message>". */
  readonly deleted: boolean
}

/** The first and the largest delay of a key's retries (client-go `ItemExponentialFailureRateLimiter`). */
export interface RetryBackoff {
  readonly baseMs: number
  readonly maxMs: number
}

/** What a controller reads from: the shared caches and the clock. */
export interface ControllerContext {
  readonly informers: SharedInformers
  readonly now: () => Instant
}

/** One sync's answer: the object is gone (forget its memory and expectations), or a plan. */
export type SyncDecision<M> =
  | { readonly _tag: 'Gone' }
  | { readonly _tag: 'Planned'; readonly plan: Plan; readonly memory: M | undefined }

/** The per-key memory a controller keeps between syncs (backoff records), handed back to each sync. */
export interface SyncInput<M> {
  readonly expectationsSatisfied: boolean
  readonly memory: M | undefined
}

/** A controller wired to the caches: its triggers and its sync. */
export interface ControllerRuntime<M> {
  readonly triggers$: Observable<Trigger>
  /** Every key the controller manages now, for a resync. */
  keys(): ReadonlyArray<string>
  /** Reads the key's snapshot from the caches and runs the reducer. Pure given the caches. */
  sync(key: string, input: SyncInput<M>): SyncDecision<M>
}

/**
 * A controller as the loop runs it: a name (the events' source component), the kind its keys
 * name, how many keys it syncs at once, and how it is built on the shared informers. Adding a
 * controller is one such record.
 */
export interface ControllerRegistration<M> {
  readonly name: string
  readonly kind: string
  readonly workers: number
  readonly podControlEvents: PodControlEvents
  /** Per-key retry backoff after a failed sync; default 5 ms doubling to 1000 s. */
  readonly retryBackoff?: RetryBackoff
  readonly create: (context: ControllerContext) => ControllerRuntime<M>
}

/** A running controller with its memory hidden: what the loop needs. */
export interface ControllerInstance {
  readonly triggers$: Observable<Trigger>
  keys(): ReadonlyArray<string>
  sync(key: string, expectationsSatisfied: boolean): { readonly _tag: 'Gone' } | { readonly _tag: 'Planned'; readonly plan: Plan }
}

/** A registration with its memory type erased, so controllers of different memories share a list. */
export interface Controller {
  readonly name: string
  readonly kind: string
  readonly workers: number
  readonly podControlEvents: PodControlEvents
  readonly retryBackoff?: RetryBackoff
  readonly start: (context: ControllerContext) => ControllerInstance
}

/** Erases the memory type: the memory map lives in the instance, fed to and from the pure sync. */
export const defineController = <M>(registration: ControllerRegistration<M>): Controller => ({
  name: registration.name,
  kind: registration.kind,
  workers: registration.workers,
  podControlEvents: registration.podControlEvents,
  ...(registration.retryBackoff !== undefined ? { retryBackoff: registration.retryBackoff } : {}),
  start: (context) => {
    const runtime = registration.create(context)
    const memory = new Map<string, M>()
    return {
      triggers$: runtime.triggers$,
      keys: () => runtime.keys(),
      sync: (key, expectationsSatisfied) => {
        const decision = runtime.sync(key, { expectationsSatisfied, memory: memory.get(key) })
        if (decision._tag === 'Planned' && decision.memory !== undefined) memory.set(key, decision.memory)
        else memory.delete(key)
        return decision
      },
    }
  },
})
