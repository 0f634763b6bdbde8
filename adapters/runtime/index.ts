/**
 * The controller runtime: informers over `ClusterApi`, work queues, expectations and the plan
 * executor, shared by the embedded cluster and (later) a real one.
 *
 *   const informers = createSharedInformers({ api, decode: 'codec' })
 *   const manager = await startControllerManager(builtinControllers, {
 *     api, informers, scheduler, events: (component) => recorderFor(component),
 *   })
 */
export * from './clusterApi'
export { createActivity, type Activity } from './activity'
export { itemExponentialRateLimiter, defaultBaseDelayMs, defaultMaxDelayMs, type RateLimiter } from './rateLimiter'
export { createWorkQueue, type WorkQueue, type WorkQueueOptions } from './workQueue'
export { createExpectations, expectationsTtlMs, type Expectations, type ExpectationRecord } from './expectations'
export { ObjectCache, objectKey, keyOf, type Indexers } from './objectCache'
export { createInformer, type Informer, type InformerEvent, type InformerOptions } from './informer'
export { createSharedInformers, IndexNames, ownedBy, orphansIn, controlledByName, type SharedInformers, type SharedInformersOptions, type DecodeMode } from './sharedInformers'
export {
  defineController,
  enqueue,
  creationObserved,
  deletionObserved,
  forget,
  type Controller,
  type ControllerContext,
  type ControllerInstance,
  type ControllerRegistration,
  type ControllerRuntime,
  type PodControlEvents,
  type RetryBackoff,
  type SyncDecision,
  type SyncInput,
  type Trigger,
} from './controller'
export { discardEvents, type EventSink } from './eventSink'
export { executePlan } from './executePlan'
export type { ActionFailure, Execution, ExecutionContext } from './executionContext'
export { resourceOfKind } from './kindResources'
export { startControllerLoop, type ControllerLoop, type ControllerLoopDeps, type LoopStats } from './controllerLoop'
export { startControllerManager, type ControllerManager } from './controllerManager'
export { builtinControllers, daemonSetController, jobController, cronJobController, jobBatchPeriodMs, type JobMemory } from './controllers'
