import * as E from 'fp-ts/Either'
import type { Affinity, NodeSelector, NodeSelectorTerm, Pod, PodSpec } from '../api'
import { nodeNameField } from './nodeSelectorTerms'

/**
 * The node a daemon pod is meant for: `spec.nodeName`, else the first `matchFields` requirement
 * `metadata.name In [node]` among the required terms. Mirrors `GetTargetNodeName` in pkg/controller/daemon/util.
 */
export const targetNodeOf = (pod: Pod): E.Either<string, string> => {
  if ((pod.spec.nodeName ?? '') !== '') return E.right(pod.spec.nodeName ?? '')
  // Upstream prints the raw namespace and name, so an unset one reads as empty.
  const ref = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (required == null) {
    return E.left(`no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod ${ref}`)
  }
  const terms = required.nodeSelectorTerms ?? []
  if (terms.length === 0) return E.left(`no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod ${ref}`)
  for (const term of terms) {
    for (const req of term.matchFields ?? []) {
      if (req.key !== nodeNameField || req.operator !== 'In') continue
      const [node, ...rest] = req.values ?? []
      if (node === undefined || rest.length > 0) {
        return E.left(`the matchFields value of '${nodeNameField}' is not unique for pod ${ref}`)
      }
      return E.right(node)
    }
  }
  return E.left(`no node name found for pod ${ref}`)
}

/** The single required term that pins a pod to one node by name. */
const nodeNameTerm = (nodeName: string): NodeSelectorTerm => ({
  matchFields: [{ key: nodeNameField, operator: 'In', values: [nodeName] }],
})

/**
 * The affinity with its required node selector replaced by "`metadata.name` In [node]": the whole
 * term list is replaced; preferred node affinity and pod (anti-)affinity are kept.
 * Mirrors `ReplaceDaemonSetPodNodeNameNodeAffinity` in pkg/controller/daemon/util.
 */
export const pinAffinityToNode = (affinity: Affinity | null | undefined, nodeName: string): Affinity => {
  const nodeAffinity = affinity?.nodeAffinity
  const required: NodeSelector = {
    ...(nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? {}),
    nodeSelectorTerms: [nodeNameTerm(nodeName)],
  }
  return { ...affinity, nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required } }
}

/** The pod spec pinned to `nodeName` through required node affinity; `spec.nodeName` is left alone. */
export const pinToNode = (spec: PodSpec, nodeName: string): PodSpec => ({
  ...spec,
  affinity: pinAffinityToNode(spec.affinity, nodeName),
})
