export { reconcileDaemonSet, decideDaemonSet, type DaemonSetDecision } from './reconcile'
export type { DaemonSetInput } from './input'
export { countDaemonPods, daemonSetCountKeys, type DaemonSetCounts } from './status'
export { rolloutStatus, type RolloutStatus } from './rolloutStatus'
export { allowsSurge, surgeCount, unavailableCount, updateBudgets, type UpdateBudgets } from './budgets'
export { isPodUpdated, templateGenerationOf } from './podRevision'
export { createDaemonPod, daemonPodFactory } from './createDaemonPod'
export { podsByNode, type PodsByNode } from './podsByNode'
export { comparePods, sortPods } from './podOrder'
export { slowStartBatches, burstReplicas } from './syncNodes'
export {
  type FailedPodBackoff,
  type BackoffEntry,
  failedPodsBackoffKey,
  isInBackoff,
  nextBackoff,
  backoffInitialMs,
  backoffMaxMs,
} from './failedPodBackoff'
