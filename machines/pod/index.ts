/**
 * The pod machine: one actor per pod on a simulated node.
 *
 * An adapter (the simulated kubelet) runs it as
 *
 *   const actor = createActor(
 *     podMachine.provide({ actions: {
 *       writeStatus: (_, { status }) => store.updateStatus(pod, status),   // a core PodStatus
 *       removePod: (_, { namespace, name, uid }) => store.delete(namespace, name, { uid, gracePeriodSeconds: 0 }),
 *     } }),
 *     { input: { pod, lifecycle: podLifecycleOf(pod, { ownerAnnotations }) }, clock: simulatedClock },
 *   ).start()
 *   actor.send(podScheduled(now, nodeName))              // once bound
 *   actor.send(deletionRequested(now, grace))            // once it has a deletionTimestamp
 *
 * and advances the shared SimulatedClock from one due timer to the next, so each timer fires
 * at its own instant (the machine keeps its `now` from those instants).
 */
export { podMachine, sigkillExitCode, sigtermExitCode, type PodMachine } from './podMachine'
export type { PodRef } from './podSetup'
export {
  containerExited,
  deletionRequested,
  podScheduled,
  type ContainerExited,
  type DeletionRequested,
  type PodEvent,
  type PodScheduled,
} from './podEvents'
export { podContextOf, type ContainerRun, type PodContext, type PodMachineInput, type RestartPolicy } from './podContext'
export {
  defaultJobRunSeconds,
  defaultStartSeconds,
  exitCodeOfRun,
  podLifecycleOf,
  simAnnotations,
  type LifecycleOptions,
  type PodLifecycle,
} from './podLifecycle'
export { deadlineExceeded, podPhaseOf, podStatusOf, type PodStatusView } from './podStatus'
export { podConditionsOf, type PodConditionView } from './podConditions'
export { containerStatusesOf, exitReason, type ContainerState, type ContainerStatus } from './containerStatus'
export {
  containerBackOffPeriodSeconds,
  formatGoDuration,
  isInBackOff,
  maxContainerBackOffSeconds,
  nextBackOff,
  type BackOffEntry,
} from './crashLoopBackOff'
export { namedActions, pureTimeline, type PendingTimer, type PureTimeline } from './pureTimeline'
