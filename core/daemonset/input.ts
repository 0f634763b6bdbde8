import type { ControllerRevision, DaemonSet, Instant, Node, Pod } from '../api'
import type { FailedPodBackoff } from './failedPodBackoff'

/** Everything one DaemonSet sync reads: the object, the cluster as the informers see it, and the clock. */
export interface DaemonSetInput {
  readonly daemonSet: DaemonSet
  readonly nodes: ReadonlyArray<Node>
  /** Pods of the namespace (others are ignored); claimed by selector and controller ref inside. */
  readonly pods: ReadonlyArray<Pod>
  /** ControllerRevisions of the namespace; claimed the same way. */
  readonly revisions: ReadonlyArray<ControllerRevision>
  readonly now: Instant
  /** The controller's failed-pod backoff memory; empty when absent. */
  readonly backoff?: FailedPodBackoff
  /** False while earlier creates/deletes are unobserved: the sync then only refreshes status. */
  readonly expectationsSatisfied?: boolean
}
