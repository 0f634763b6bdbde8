import type { ObjectRef, OwnerRef } from '../api/meta'
import type { Pod } from '../api/pod'
import type { ControllerRevision } from '../api/revision'

/** Why a pod is deleted: a short machine word (contracts §2). */
export type DeletePodReason =
  | 'Surplus'
  | 'NotEligible'
  | 'Failed'
  | 'Succeeded'
  | 'Outdated'
  | 'ScaleDown'
  | 'DeadlineExceeded'
  | 'BackoffLimitExceeded'
  | 'FailedIndex'
  | 'PodFailurePolicy'
  | 'MaxFailedIndexesExceeded'
  | 'SuccessPolicy'
  | 'Suspended'

export interface CreatePod {
  readonly type: 'CreatePod'
  readonly owner: OwnerRef
  readonly pod: Pod
}
export interface DeletePod {
  readonly type: 'DeletePod'
  readonly namespace: string
  readonly name: string
  readonly reason: DeletePodReason
}
export interface UpdatePod {
  readonly type: 'UpdatePod'
  readonly namespace: string
  readonly name: string
  /** A JSON merge patch. */
  readonly patch: Readonly<Record<string, unknown>>
}
export interface CreateJob {
  readonly type: 'CreateJob'
  readonly owner: OwnerRef
  readonly job: Readonly<Record<string, unknown>>
}
export interface DeleteJob {
  readonly type: 'DeleteJob'
  readonly namespace: string
  readonly name: string
  readonly propagationPolicy: 'Background' | 'Foreground' | 'Orphan'
  readonly reason: string
}
export interface CreateRevision {
  readonly type: 'CreateRevision'
  readonly revision: ControllerRevision
}
export interface UpdateRevision {
  readonly type: 'UpdateRevision'
  readonly revision: ControllerRevision
}
export interface DeleteRevision {
  readonly type: 'DeleteRevision'
  readonly namespace: string
  readonly name: string
}
export interface UpdateStatus {
  readonly type: 'UpdateStatus'
  readonly target: ObjectRef
  readonly status: Readonly<Record<string, unknown>>
}
export interface RecordEvent {
  readonly type: 'RecordEvent'
  readonly involvedObject: ObjectRef
  readonly eventType: 'Normal' | 'Warning'
  readonly reason: string
  readonly message: string
}
export interface Requeue {
  readonly type: 'Requeue'
  readonly target: ObjectRef
  readonly afterSeconds: number
}

/** What a controller asks the world to do; the plan is a list of these (contracts §2). */
export type Action =
  | CreatePod
  | DeletePod
  | UpdatePod
  | CreateJob
  | DeleteJob
  | CreateRevision
  | UpdateRevision
  | DeleteRevision
  | UpdateStatus
  | RecordEvent
  | Requeue

export type ActionType = Action['type']

export const createPod = (owner: OwnerRef, pod: Pod): CreatePod => ({ type: 'CreatePod', owner, pod })
export const deletePod = (namespace: string, name: string, reason: DeletePodReason): DeletePod => ({
  type: 'DeletePod',
  namespace,
  name,
  reason,
})
export const updatePod = (namespace: string, name: string, patch: Readonly<Record<string, unknown>>): UpdatePod => ({
  type: 'UpdatePod',
  namespace,
  name,
  patch,
})
export const createJob = (owner: OwnerRef, job: Readonly<Record<string, unknown>>): CreateJob => ({ type: 'CreateJob', owner, job })
export const deleteJob = (
  namespace: string,
  name: string,
  propagationPolicy: DeleteJob['propagationPolicy'],
  reason: string,
): DeleteJob => ({ type: 'DeleteJob', namespace, name, propagationPolicy, reason })
export const createRevision = (revision: ControllerRevision): CreateRevision => ({ type: 'CreateRevision', revision })
export const updateRevision = (revision: ControllerRevision): UpdateRevision => ({ type: 'UpdateRevision', revision })
export const deleteRevision = (namespace: string, name: string): DeleteRevision => ({ type: 'DeleteRevision', namespace, name })
export const updateStatus = (target: ObjectRef, status: Readonly<Record<string, unknown>>): UpdateStatus => ({
  type: 'UpdateStatus',
  target,
  status,
})
export const recordEvent = (
  involvedObject: ObjectRef,
  eventType: RecordEvent['eventType'],
  reason: string,
  message: string,
): RecordEvent => ({ type: 'RecordEvent', involvedObject, eventType, reason, message })
export const requeue = (target: ObjectRef, afterSeconds: number): Requeue => ({ type: 'Requeue', target, afterSeconds })
