import { labelSelector } from './metaSchema'
import { i32, i32P, msg, msgs, str, strP, strs, type Schema } from './schema'

/** Tables for core/v1 scheduling constraints: affinity and topology spread. */

const nodeSelectorRequirement: Schema = { 1: str('key'), 2: str('operator'), 3: strs('values') }

const nodeSelectorTerm: Schema = {
  1: msgs('matchExpressions', nodeSelectorRequirement),
  2: msgs('matchFields', nodeSelectorRequirement),
}

const nodeAffinity: Schema = {
  1: msg('requiredDuringSchedulingIgnoredDuringExecution', { 1: msgs('nodeSelectorTerms', nodeSelectorTerm) }),
  2: msgs('preferredDuringSchedulingIgnoredDuringExecution', { 1: i32('weight'), 2: msg('preference', nodeSelectorTerm) }),
}

const podAffinityTerm: Schema = {
  1: msg('labelSelector', labelSelector),
  2: strs('namespaces'),
  3: str('topologyKey'),
  4: msg('namespaceSelector', labelSelector),
  5: strs('matchLabelKeys'),
  6: strs('mismatchLabelKeys'),
}

/** PodAffinity and PodAntiAffinity share one shape. */
const podAffinity: Schema = {
  1: msgs('requiredDuringSchedulingIgnoredDuringExecution', podAffinityTerm),
  2: msgs('preferredDuringSchedulingIgnoredDuringExecution', { 1: i32('weight'), 2: msg('podAffinityTerm', podAffinityTerm) }),
}

export const affinity: Schema = {
  1: msg('nodeAffinity', nodeAffinity),
  2: msg('podAffinity', podAffinity),
  3: msg('podAntiAffinity', podAffinity),
}

export const topologySpreadConstraint: Schema = {
  1: i32('maxSkew'),
  2: str('topologyKey'),
  3: str('whenUnsatisfiable'),
  4: msg('labelSelector', labelSelector),
  5: i32P('minDomains'),
  6: strP('nodeAffinityPolicy'),
  7: strP('nodeTaintsPolicy'),
  8: strs('matchLabelKeys'),
}
