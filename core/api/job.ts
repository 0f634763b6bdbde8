import * as t from 'io-ts'
import { LabelSelector, ObjectMeta } from './meta'
import { PodTemplateSpec } from './pod'

/** A pointer field: absent, `null` or a value, as Go's `*T` reads from JSON. */
const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])

export const PodFailurePolicyOnExitCodesRequirement = t.intersection([
  t.type({ operator: t.string }),
  t.partial({ containerName: nullable(t.string), values: nullable(t.array(t.number)) }),
])
export type PodFailurePolicyOnExitCodesRequirement = t.TypeOf<typeof PodFailurePolicyOnExitCodesRequirement>

export const PodFailurePolicyOnPodConditionsPattern = t.intersection([
  t.type({ type: t.string }),
  t.partial({ status: t.string }),
])
export type PodFailurePolicyOnPodConditionsPattern = t.TypeOf<typeof PodFailurePolicyOnPodConditionsPattern>

/** Actions are strings so that validation, not decoding, reports unknown ones with Kubernetes' text. */
export const PodFailurePolicyRule = t.intersection([
  t.type({ action: t.string }),
  t.partial({
    onExitCodes: nullable(PodFailurePolicyOnExitCodesRequirement),
    onPodConditions: nullable(t.array(PodFailurePolicyOnPodConditionsPattern)),
  }),
])
export type PodFailurePolicyRule = t.TypeOf<typeof PodFailurePolicyRule>

export const PodFailurePolicy = t.partial({ rules: nullable(t.array(PodFailurePolicyRule)) })
export type PodFailurePolicy = t.TypeOf<typeof PodFailurePolicy>

export const SuccessPolicyRule = t.partial({ succeededIndexes: nullable(t.string), succeededCount: nullable(t.number) })
export type SuccessPolicyRule = t.TypeOf<typeof SuccessPolicyRule>

export const SuccessPolicy = t.partial({ rules: nullable(t.array(SuccessPolicyRule)) })
export type SuccessPolicy = t.TypeOf<typeof SuccessPolicy>

/** batch/v1 `JobSpec`. Enumerations stay strings; validation reports bad values as the API server does. */
export const JobSpec = t.intersection([
  t.type({ template: PodTemplateSpec }),
  t.partial({
    parallelism: nullable(t.number),
    completions: nullable(t.number),
    activeDeadlineSeconds: nullable(t.number),
    podFailurePolicy: nullable(PodFailurePolicy),
    successPolicy: nullable(SuccessPolicy),
    backoffLimit: nullable(t.number),
    backoffLimitPerIndex: nullable(t.number),
    maxFailedIndexes: nullable(t.number),
    selector: nullable(LabelSelector),
    manualSelector: nullable(t.boolean),
    ttlSecondsAfterFinished: nullable(t.number),
    completionMode: nullable(t.string),
    suspend: nullable(t.boolean),
    podReplacementPolicy: nullable(t.string),
    managedBy: nullable(t.string),
  }),
])
export type JobSpec = t.TypeOf<typeof JobSpec>

export const JobCondition = t.intersection([
  t.type({ type: t.string, status: t.string }),
  t.partial({
    lastProbeTime: nullable(t.string),
    lastTransitionTime: nullable(t.string),
    reason: t.string,
    message: t.string,
  }),
])
export type JobCondition = t.TypeOf<typeof JobCondition>

export const UncountedTerminatedPods = t.partial({
  succeeded: nullable(t.array(t.string)),
  failed: nullable(t.array(t.string)),
})
export type UncountedTerminatedPods = t.TypeOf<typeof UncountedTerminatedPods>

/** batch/v1 `JobStatus`, the whole object an `UpdateStatus` action writes. */
export const JobStatus = t.partial({
  conditions: nullable(t.array(JobCondition)),
  startTime: nullable(t.string),
  completionTime: nullable(t.string),
  active: t.number,
  succeeded: t.number,
  failed: t.number,
  terminating: nullable(t.number),
  ready: nullable(t.number),
  completedIndexes: t.string,
  failedIndexes: nullable(t.string),
  uncountedTerminatedPods: nullable(UncountedTerminatedPods),
})
export type JobStatus = t.TypeOf<typeof JobStatus>

/** batch/v1 `Job`. Not exact: fields we do not model survive a round trip. */
export const Job = t.intersection([
  t.type({ metadata: ObjectMeta, spec: JobSpec }),
  t.partial({ apiVersion: t.string, kind: t.string, status: JobStatus }),
])
export type Job = t.TypeOf<typeof Job>

export const JobKind = { apiVersion: 'batch/v1', kind: 'Job' } as const

/** Well-known names of the Job controller (reference §1.3). */
export const JobKeys = {
  trackingFinalizer: 'batch.kubernetes.io/job-tracking',
  completionIndex: 'batch.kubernetes.io/job-completion-index',
  indexFailureCount: 'batch.kubernetes.io/job-index-failure-count',
  indexIgnoredFailureCount: 'batch.kubernetes.io/job-index-ignored-failure-count',
  controllerUid: 'batch.kubernetes.io/controller-uid',
  legacyControllerUid: 'controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyJobName: 'job-name',
  jobControllerName: 'kubernetes.io/job-controller',
  completionIndexEnv: 'JOB_COMPLETION_INDEX',
} as const

export const CompletionModes = { nonIndexed: 'NonIndexed', indexed: 'Indexed' } as const
export const PodReplacementPolicies = { failed: 'Failed', terminatingOrFailed: 'TerminatingOrFailed' } as const
export const PodFailurePolicyActions = { count: 'Count', failIndex: 'FailIndex', failJob: 'FailJob', ignore: 'Ignore' } as const

/** `math.MaxInt32`, the backoffLimit default when backoffLimitPerIndex is set. */
export const maxInt32 = 2147483647
