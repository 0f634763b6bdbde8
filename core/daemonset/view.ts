import type { DaemonSet, Instant, Node, Pod } from '../api'
import { ineligible, type NodeEligibility } from '../scheduling'

export type { NodeEligibility }

/** The read-only facts every step of one sync shares. Nodes are sorted by name (reference §10). */
export interface DaemonSetView {
  readonly ds: DaemonSet
  readonly nodes: ReadonlyArray<Node>
  readonly nodeNames: ReadonlySet<string>
  readonly eligibility: ReadonlyMap<string, NodeEligibility>
  readonly hash: string
  readonly generation: number | undefined
  readonly now: Instant
  /** Builds the pod to create on a node (shared template work done once per sync). */
  readonly podFor: (nodeName: string) => Pod
}

const vanished = ineligible('NodeName', 'node not found')

export const eligibilityOf = (view: DaemonSetView, nodeName: string): NodeEligibility =>
  view.eligibility.get(nodeName) ?? vanished
