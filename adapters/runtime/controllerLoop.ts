import { interval, tap, type SchedulerLike, type Subscription } from 'rxjs'
import { makeInstant, type ObjectRef } from '../../core/api'
import type { Plan } from '../../core/plan'
import type { Activity } from './activity'
import type { ClusterApi } from './clusterApi'
import type { Controller, ControllerInstance, Trigger } from './controller'
import type { EventSink } from './eventSink'
import type { Execution } from './executionContext'
import { executePlan } from './executePlan'
import { createExpectations, type Expectations } from './expectations'
import { keyOf } from './objectCache'
import { itemExponentialRateLimiter } from './rateLimiter'
import type { SharedInformers } from './sharedInformers'
import { createWorkQueue, type WorkQueue } from './workQueue'

export interface ControllerLoopDeps {
  readonly api: ClusterApi
  readonly informers: SharedInformers
  /** The clock and timers of the loop: work-queue hand-offs, `addAfter`, retries. */
  readonly scheduler: SchedulerLike
  /** The event sink of a component (`daemonset-controller`, ...). */
  readonly events: (component: string) => EventSink
  readonly activity?: Activity
  /** Every this often every key is queued again (an informer resync); absent or 0: never. */
  readonly resyncPeriodMs?: number
  /** Timers of the periodic resync, if they should be told apart from the rest (a simulation's idle test). */
  readonly resyncScheduler?: SchedulerLike
  readonly log?: (line: string) => void
}

export interface LoopStats {
  readonly syncs: number
  readonly writes: number
  readonly failures: number
}

export interface ControllerLoop {
  readonly name: string
  readonly kind: string
  readonly queue: WorkQueue
  readonly expectations: Expectations
  stats(): LoopStats
  /** Queues every key now, as a resync does. */
  resync(): void
  stop(): void
}

/** The key a plan's Requeue or an object reference names. */
const refToKey = (ref: ObjectRef): string => keyOf(ref.namespace, ref.name)

const subjectOf = (kind: string, key: string): ObjectRef => {
  const slash = key.indexOf('/')
  return slash < 0 ? { kind, namespace: '', name: key } : { kind, namespace: key.slice(0, slash), name: key.slice(slash + 1) }
}

/**
 * One controller as a stream: informer events → triggers → the per-key work queue → a snapshot
 * read from the caches → the pure reducer → the plan → `executePlan`. Requeues become
 * `addAfter` timers on the injected scheduler, failed syncs are retried with per-key backoff,
 * and expectations keep a lagging cache from causing a second create. Talks to the cluster only
 * through `ClusterApi`; the caller starts the shared informers once every loop is subscribed.
 */
export const startControllerLoop = (controller: Controller, deps: ControllerLoopDeps): ControllerLoop => {
  const { scheduler } = deps
  const now = () => makeInstant(scheduler.now())
  const instance: ControllerInstance = controller.start({ informers: deps.informers, now })
  const expectations = createExpectations(() => scheduler.now())
  const backoff = controller.retryBackoff
  const queue = createWorkQueue({
    scheduler,
    workers: controller.workers,
    ...(backoff !== undefined ? { rateLimiter: itemExponentialRateLimiter(backoff.baseMs, backoff.maxMs) } : {}),
  })
  const sink = deps.events(controller.name)
  const counters = { syncs: 0, writes: 0, failures: 0 }

  const applyTrigger = (trigger: Trigger): void => {
    switch (trigger._tag) {
      case 'Enqueue':
        queue.addAfter(trigger.key, trigger.afterMs)
        return
      case 'CreationObserved':
        expectations.creationObserved(trigger.key)
        return
      case 'DeletionObserved':
        expectations.deletionObserved(trigger.key)
        return
      case 'Forget':
        expectations.delete(trigger.key)
        return
    }
  }

  const execute = (key: string, plan: Plan, satisfied: boolean): Promise<Execution> =>
    executePlan(plan, {
      api: deps.api,
      subject: subjectOf(controller.kind, key),
      record: (event) => void sink.recordEvent(event),
      podControlEvents: controller.podControlEvents,
      ...(satisfied ? { expectations: { key, store: expectations } } : {}),
      versionOf: (target) => deps.informers.objectOf(target.kind, refToKey(target))?.metadata.resourceVersion,
    })

  /** `processNextWorkItem` + `syncHandler`: one sync of one key, then the queue's bookkeeping. */
  const syncKey = async (key: string): Promise<void> => {
    counters.syncs++
    try {
      const satisfied = expectations.satisfied(key)
      const decision = instance.sync(key, satisfied)
      if (decision._tag === 'Gone') {
        expectations.delete(key)
        queue.forget(key)
        return
      }
      const outcome = await execute(key, decision.plan, satisfied)
      counters.writes += outcome.writes
      counters.failures += outcome.failures.length
      for (const r of outcome.requeues) {
        if (r.target.kind === controller.kind) queue.addAfter(refToKey(r.target), r.afterSeconds * 1000)
        else deps.log?.(`${controller.name}: ignoring a requeue of ${r.target.kind} ${refToKey(r.target)}`)
      }
      const retry = outcome.failures.filter((f) => f.error._tag !== 'Terminal')
      for (const f of outcome.failures) deps.log?.(`${controller.name}: ${key}: ${f.action.type} failed: ${f.error.status.message}`)
      if (retry.length > 0) queue.addRateLimited(key)
      else queue.forget(key)
    } catch (error) {
      // A reducer that throws is a bug; retrying with backoff keeps the loop alive meanwhile.
      deps.log?.(`${controller.name}: ${key}: sync threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      queue.addRateLimited(key)
    } finally {
      queue.done(key)
    }
  }

  const track = (work: Promise<void>): Promise<void> => deps.activity?.track(work) ?? work
  const subscriptions: Subscription[] = [
    instance.triggers$.pipe(tap(applyTrigger)).subscribe(),
    // Each key handed out starts its sync at once (the queue bounds how many run); syncKey never rejects.
    queue.ready$.subscribe((key) => void track(syncKey(key))),
  ]
  const resync = (): void => {
    for (const key of instance.keys()) queue.add(key)
  }
  if (deps.resyncPeriodMs !== undefined && deps.resyncPeriodMs > 0) {
    subscriptions.push(interval(deps.resyncPeriodMs, deps.resyncScheduler ?? scheduler).subscribe(resync))
  }

  return {
    name: controller.name,
    kind: controller.kind,
    queue,
    expectations,
    stats: () => ({ ...counters }),
    resync,
    stop: () => {
      for (const s of subscriptions) s.unsubscribe()
      queue.shutDown()
    },
  }
}
