import * as E from 'fp-ts/Either'
import { nameOf, taintsOf, type DaemonSet, type Node } from '../api'
import { withDaemonTolerations } from './daemonTolerations'
import { compileRequiredNodeAffinity } from './nodeAffinity'
import { continueOnly, eligible, ineligible, type NodeEligibility } from './nodeEligibility'
import { blocksScheduling, evictsPods, findUntoleratedTaint, formatTaint } from './taints'
import type { TolerationOptions } from './tolerations'

/**
 * Compiles a DaemonSet's eligibility rule once (default tolerations merged, affinity parsed) and returns
 * the per-node decision, for syncs that ask about thousands of nodes. Mirrors `NodeShouldRunDaemonPod`
 * in pkg/controller/daemon; the controller ignores resources, ports, conditions and `unschedulable`.
 */
export const compileDaemonEligibility = (
  ds: DaemonSet,
  options?: TolerationOptions,
): ((node: Node) => NodeEligibility) => {
  const spec = withDaemonTolerations(ds.spec.template.spec)
  const templateNodeName = spec.nodeName ?? ''
  const affinity = compileRequiredNodeAffinity(spec)
  const tolerations = spec.tolerations ?? []
  return (node) => {
    const name = nameOf(node)
    if (templateNodeName !== '' && templateNodeName !== name) {
      return ineligible('NodeName', `the template's spec.nodeName names node ${templateNodeName}`)
    }
    if (!affinity.matchesNodeSelector(node)) {
      return ineligible('NodeSelector', `node ${name} does not match the DaemonSet's node selector`)
    }
    const fits = affinity.matchesAffinity(node)
    if (E.isLeft(fits) || !fits.right) {
      // Upstream drops the parse error and treats it as a mismatch; the reason keeps it for people.
      const detail = E.isLeft(fits) ? `: ${fits.left}` : ''
      return ineligible('NodeAffinity', `node ${name} does not match the required node affinity${detail}`)
    }
    const taints = taintsOf(node)
    if (taints.length === 0) return eligible
    const blocking = findUntoleratedTaint(taints, tolerations, blocksScheduling, options)
    if (blocking === undefined) return eligible
    const evicting = findUntoleratedTaint(taints, tolerations, evictsPods, options)
    return evicting === undefined
      ? continueOnly(blocking, `node ${name} has untolerated taint ${formatTaint(blocking)}`)
      : ineligible('Taint', `node ${name} has untolerated taint ${formatTaint(evicting)}`)
  }
}

/**
 * Whether `ds` should run a pod on `node` (`shouldRun`) and may keep one there (`shouldContinueRunning`).
 * Mirrors `NodeShouldRunDaemonPod` in pkg/controller/daemon; use `compileDaemonEligibility` for many nodes.
 */
export const nodeShouldRunDaemonPod = (node: Node, ds: DaemonSet, options?: TolerationOptions): NodeEligibility =>
  compileDaemonEligibility(ds, options)(node)
