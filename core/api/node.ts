import * as t from 'io-ts'
import { ObjectMeta } from './meta'
import { Taint } from './scheduling'

export const NodeCondition = t.intersection([
  t.type({ type: t.string, status: t.string }),
  t.partial({ reason: t.string, message: t.string, lastTransitionTime: t.union([t.string, t.null]) }),
])
export type NodeCondition = t.TypeOf<typeof NodeCondition>

/** `v1.Node`: the DaemonSet controller reads only its name, labels and taints. */
export const Node = t.intersection([
  t.type({ metadata: ObjectMeta }),
  t.partial({
    apiVersion: t.string,
    kind: t.string,
    spec: t.partial({ taints: t.union([t.array(Taint), t.null]), unschedulable: t.boolean, podCIDR: t.string }),
    status: t.partial({ conditions: t.array(NodeCondition) }),
  }),
])
export type Node = t.TypeOf<typeof Node>

export const taintsOf = (node: Node): ReadonlyArray<Taint> => node.spec?.taints ?? []
