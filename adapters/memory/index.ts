/**
 * The embedded cluster's API server and clock.
 *
 *   const clock = createVirtualClock({ start: Date.UTC(2026, 0, 1) })
 *   const store = createMemoryStore({ clock, seed: 1 })        // objects, watches, Status errors
 *   startGarbageCollector(store)                               // ownerReferences cascade
 *   const api = memoryClusterApi(store)                        // the ClusterApi the controller loop uses
 *   const scheduler = virtualScheduler(clock)                  // for timer()/delay() in pipelines
 *   createActor(machine, { clock: xstateClock(clock) })        // for machines' `after` delays
 *   clock.runUntil(clock.now() + 60_000)                       // jump from one due timer to the next
 */
export { createVirtualClock, type TimerId, type VirtualClock, type VirtualClockOptions } from './virtualClock'
export { virtualScheduler } from './virtualScheduler'
export { xstateClock, type VirtualXStateClock, type XStateClock } from './xstateClock'
export { createMemoryStore } from './store'
export type { MemoryStore, MemoryStoreOptions } from './memoryStore'
export type { StoreChange } from './eventHistory'
export type { StoredEntry } from './objectTable'
export { builtinResources, genericResource, apiVersionOf, resourceKey, type ResourceInfo } from './resources'
export { seededIds, nameSuffixAlphabet, type IdGenerator } from './seededIds'
export { startGarbageCollector, type GarbageCollector, type GarbageCollectorOptions } from './garbageCollector'
export { GcFinalizers } from './planDeletion'
export { createEventRecorder, type EventRecorder, type EventSource } from './eventRecorder'
export { memoryClusterApi } from './memoryClusterApi'
export { classifyError, classifyStatus, kubectlMessage, type ApiError, type ApiErrorTag } from './errors'
export {
  alreadyExists,
  badRequest,
  conflict,
  expired,
  formatQualifiedResource,
  internalError,
  invalid,
  isStatus,
  modifiedMessage,
  notFound,
  type QualifiedResource,
  type Status,
  type StatusCause,
  type StatusDetails,
  type StatusReason,
} from './status'
export { strategicMergePatch } from './strategicMergePatch'
export { jsonPatch } from './jsonPatch'
export { parseFieldSelector, matchesFieldSelector, type FieldSelector, type FieldRequirement } from './fieldSelector'
export { startKubelet, type Kubelet, type KubeletOptions } from './kubelet'
export { NodeRing, compileFit, evictionDelaySeconds, isNodeReady } from './podPlacement'
export { createFailBudget, type FailBudget } from './failBudget'
export { countingScheduler, type CountingScheduler } from './countingScheduler'
export { applyObjects, readyNodes, clusterNamespaces, type ApplyFailure } from './applyObjects'
export { runClock, defaultSettleLimitMs, type RunUntil, type RunReport, type RunWorld } from './runClock'
export {
  createSimulatedCluster,
  defaultSimulationStart,
  type SimulatedCluster,
  type SimulatedClusterOptions,
  type TimelineEntry,
} from './simulatedCluster'
export {
  simulatedRuntime,
  runtimeKinds,
  type ContainerRuntime,
  type PodContainers,
  type ProcessRuntime,
  type RuntimeHost,
  type RuntimeKind,
  type SimulatedRuntime,
} from './containerRuntime'
export { createProcessRuntime, type ProcessRuntimeOptions } from './processRuntime'
export { createLogBuffer, logLimitBytes, type CapturedLine, type ContainerLogs, type LogBuffer } from './containerLog'
