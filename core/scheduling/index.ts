export { matchesNodeSelectorTerms, compileNodeSelectorTerms, nodeNameField, type NodeSelectorMatcher } from './nodeSelectorTerms'
export { compileRequiredNodeAffinity, requiredNodeAffinityMatches, type RequiredNodeAffinity } from './nodeAffinity'
export { toleratesTaint, type TolerationOptions } from './tolerations'
export { findUntoleratedTaint, formatTaint, blocksScheduling, evictsPods, type TaintFilter } from './taints'
export { withDaemonTolerations, addOrUpdateToleration, daemonTolerations, NodeTaintKeys } from './daemonTolerations'
export {
  eligible,
  continueOnly,
  ineligible,
  type NodeEligibility,
  type Eligible,
  type ContinueOnly,
  type Ineligible,
  type IneligibleCause,
} from './nodeEligibility'
export { compileDaemonEligibility, nodeShouldRunDaemonPod } from './decideNodeEligibility'
export { targetNodeOf, pinToNode, pinAffinityToNode } from './targetNode'
