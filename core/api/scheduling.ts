import * as t from 'io-ts'
import { StringMap } from './meta'

/** `v1.Taint` on a node. Effects are strings: unknown effects are carried and simply never block. */
export const Taint = t.intersection([
  t.type({ key: t.string, effect: t.string }),
  t.partial({ value: t.string, timeAdded: t.union([t.string, t.null]) }),
])
export type Taint = t.TypeOf<typeof Taint>

/** `v1.Toleration` on a pod. */
export const Toleration = t.partial({
  key: t.string,
  operator: t.string,
  value: t.string,
  effect: t.string,
  tolerationSeconds: t.union([t.number, t.null]),
})
export type Toleration = t.TypeOf<typeof Toleration>

export const NodeSelectorRequirement = t.intersection([
  t.type({ key: t.string, operator: t.string }),
  t.partial({ values: t.array(t.string) }),
])
export type NodeSelectorRequirement = t.TypeOf<typeof NodeSelectorRequirement>

export const NodeSelectorTerm = t.partial({
  matchExpressions: t.union([t.array(NodeSelectorRequirement), t.null]),
  matchFields: t.union([t.array(NodeSelectorRequirement), t.null]),
})
export type NodeSelectorTerm = t.TypeOf<typeof NodeSelectorTerm>

export const NodeSelector = t.partial({ nodeSelectorTerms: t.union([t.array(NodeSelectorTerm), t.null]) })
export type NodeSelector = t.TypeOf<typeof NodeSelector>

export const NodeAffinity = t.partial({
  requiredDuringSchedulingIgnoredDuringExecution: t.union([NodeSelector, t.null]),
  preferredDuringSchedulingIgnoredDuringExecution: t.unknown,
})
export type NodeAffinity = t.TypeOf<typeof NodeAffinity>

/** `v1.Affinity`: only node affinity is interpreted; pod (anti-)affinity is carried through. */
export const Affinity = t.partial({
  nodeAffinity: t.union([NodeAffinity, t.null]),
  podAffinity: t.unknown,
  podAntiAffinity: t.unknown,
})
export type Affinity = t.TypeOf<typeof Affinity>

export { StringMap }
