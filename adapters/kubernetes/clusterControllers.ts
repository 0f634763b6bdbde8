import { asyncScheduler, type SchedulerLike } from 'rxjs'
import type { ClusterApi } from '../runtime/clusterApi'
import type { Controller } from '../runtime/controller'
import { startControllerManager, type ControllerManager } from '../runtime/controllerManager'
import { createSharedInformers } from '../runtime/sharedInformers'
import { apiEventSink } from './apiEventSink'
import { guardWrites } from './guardWrites'
import { loggedWrites } from './loggedWrites'

export interface ClusterControllersOptions {
  /** The cluster, already narrowed to a namespace if the controllers should see one. */
  readonly api: ClusterApi
  readonly controllers: ReadonlyArray<Controller>
  readonly log: (line: string) => void
  /** Real time unless a test says otherwise. */
  readonly scheduler?: SchedulerLike
  /** Every controller queues all its keys this often (default 5 minutes). */
  readonly resyncPeriodMs?: number
}

/**
 * The controllers of the embedded cluster, run against another cluster's API: shared informers
 * decoding every object with core's codecs (nothing there was admitted by us), writes through
 * `guardWrites` (only objects the controllers own, each with a resourceVersion precondition) and
 * logged one line each, events written as v1 Events. Resolves once the caches hold the first
 * lists; the caller stops the manager.
 */
export const startClusterControllers = (options: ClusterControllersOptions): Promise<ControllerManager> => {
  const scheduler = options.scheduler ?? asyncScheduler
  const { log } = options
  const informers = createSharedInformers({ api: options.api, decode: 'codec', scheduler, log })
  const guarded = guardWrites(options.api, { objectOf: informers.objectOf, ownerKinds: new Set(options.controllers.map((c) => c.kind)) })
  return startControllerManager(options.controllers, {
    api: loggedWrites(guarded, log),
    informers,
    scheduler,
    events: (component) => apiEventSink({ api: guarded, component, objectOf: informers.objectOf, now: () => scheduler.now(), log }),
    resyncPeriodMs: options.resyncPeriodMs ?? 5 * 60 * 1000,
    log,
  })
}
