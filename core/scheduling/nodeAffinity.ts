import * as E from 'fp-ts/Either'
import { labelsOf, type Node, type PodSpec } from '../api'
import { fromLabelSelector, matchesSelector, nothing } from '../labels'
import { compileNodeSelectorTerms, type NodeSelectorMatcher } from './nodeSelectorTerms'

/** A pod's node constraints compiled once, checked per node: `spec.nodeSelector`, then required affinity. */
export interface RequiredNodeAffinity {
  /** Every `spec.nodeSelector` pair is a node label with exactly that value; an empty map asks nothing. */
  readonly matchesNodeSelector: (node: Node) => boolean
  /** The required node affinity terms; absent (at any level) asks nothing. */
  readonly matchesAffinity: NodeSelectorMatcher
}

const matchedAll: E.Either<string, boolean> = E.right(true)
const unconstrained: NodeSelectorMatcher = () => matchedAll

/**
 * Compiles a pod spec's `nodeSelector` and `requiredDuringSchedulingIgnoredDuringExecution`.
 * Mirrors `nodeaffinity.GetRequiredNodeAffinity` (component-helpers).
 */
export const compileRequiredNodeAffinity = (spec: PodSpec): RequiredNodeAffinity => {
  // Like `labels.SelectorFromSet`: the map is not validated, and matchLabels alone always converts.
  const selector = E.getOrElse(() => nothing)(fromLabelSelector({ matchLabels: spec.nodeSelector ?? {} }))
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  return {
    matchesNodeSelector: (node) => matchesSelector(selector, labelsOf(node)),
    matchesAffinity: required == null ? unconstrained : compileNodeSelectorTerms(required),
  }
}

/**
 * Whether a pod with this spec may run on the node: nodeSelector AND required node affinity.
 * `Left` carries the affinity's parse errors when nothing matched. Mirrors `RequiredNodeAffinity.Match`.
 */
export const requiredNodeAffinityMatches = (spec: PodSpec, node: Node): E.Either<string, boolean> => {
  const compiled = compileRequiredNodeAffinity(spec)
  return compiled.matchesNodeSelector(node) ? compiled.matchesAffinity(node) : E.right(false)
}
