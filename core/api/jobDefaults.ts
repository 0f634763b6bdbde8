import { JobKeys, maxInt32, type Job, type JobSpec, type PodFailurePolicy } from './job'
import type { StringMap } from './meta'
import { withIdentity } from './identity'
import { defaultPodTemplate } from './podDefaults'

const withDefaultPatternStatus = (policy: PodFailurePolicy): PodFailurePolicy =>
  policy.rules == null
    ? policy
    : {
        ...policy,
        rules: policy.rules.map((rule) =>
          rule.onPodConditions == null
            ? rule
            : { ...rule, onPodConditions: rule.onPodConditions.map((p) => ({ ...p, status: p.status ?? 'True' })) },
        ),
      }

/** `SetDefaults_Job` (pkg/apis/batch/v1/defaults.go), field by field in upstream order. */
const defaultSpec = (spec: JobSpec): JobSpec => {
  const bothUnset = spec.completions == null && spec.parallelism == null
  return {
    ...spec,
    ...(bothUnset ? { completions: 1 } : {}),
    parallelism: spec.parallelism ?? 1,
    backoffLimit: spec.backoffLimit ?? (spec.backoffLimitPerIndex != null ? maxInt32 : 6),
    completionMode: spec.completionMode ?? 'NonIndexed',
    suspend: spec.suspend ?? false,
    ...(spec.podFailurePolicy != null ? { podFailurePolicy: withDefaultPatternStatus(spec.podFailurePolicy) } : {}),
    podReplacementPolicy: spec.podReplacementPolicy ?? (spec.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed'),
    manualSelector: spec.manualSelector ?? false,
    template: defaultPodTemplate(spec.template),
  }
}

/** Adds a label only when the user did not set that key: a conflicting value is left for validation to reject. */
const addMissing = (labels: StringMap, key: string, value: string): StringMap =>
  Object.prototype.hasOwnProperty.call(labels, key) ? labels : { ...labels, [key]: value }

/**
 * `generateSelector` of pkg/registry/batch/job/strategy.go: the template gains the job-name and
 * controller-uid labels (prefixed and legacy) and the selector matches the prefixed controller-uid.
 */
const generateSelector = (job: Job, uid: string): JobSpec => {
  const name = job.metadata.name ?? ''
  let labels: StringMap = job.spec.template.metadata?.labels ?? {}
  labels = addMissing(labels, JobKeys.legacyJobName, name)
  labels = addMissing(labels, JobKeys.jobName, name)
  labels = addMissing(labels, JobKeys.legacyControllerUid, uid)
  labels = addMissing(labels, JobKeys.controllerUid, uid)
  const matchLabels = addMissing(job.spec.selector?.matchLabels ?? {}, JobKeys.controllerUid, uid)
  return {
    ...job.spec,
    template: { ...job.spec.template, metadata: { ...job.spec.template.metadata, labels } },
    selector: { ...job.spec.selector, matchLabels },
  }
}

const withDefaults = (job: Job): Job => ({
  ...job,
  apiVersion: job.apiVersion ?? 'batch/v1',
  kind: job.kind ?? 'Job',
  metadata: withIdentity(job.metadata),
  spec: defaultSpec(job.spec),
})

/**
 * A Job as the API server stores it: a UID (synthetic when missing), `SetDefaults_Job` plus the
 * pod-template defaults and, for a Job being created (no selector yet, `manualSelector` not true),
 * the generated selector and labels. A Job that already has a selector is taken as read from a
 * cluster and keeps it. Job labels default to the template labels after generation, as a read
 * back from the server shows.
 */
export const defaultJob = (job: Job): Job => {
  const base = withDefaults(job)
  return withJobLabels(isBeingCreated(base) ? { ...base, spec: generateSelector(base, base.metadata.uid ?? '') } : base)
}

/** The defaults of an update: no selector is generated, since only the strategy's PrepareForCreate does that. */
export const defaultJobUpdate = (job: Job): Job => withJobLabels(withDefaults(job))

/** Whether the create-time selector generation applies to this (defaulted) Job. */
export const isBeingCreated = (job: Job): boolean => job.spec.manualSelector !== true && job.spec.selector == null

const withJobLabels = (job: Job): Job => {
  const templateLabels = job.spec.template.metadata?.labels
  const own = job.metadata.labels ?? {}
  return templateLabels !== undefined && Object.keys(own).length === 0
    ? { ...job, metadata: { ...job.metadata, labels: templateLabels } }
    : job
}
