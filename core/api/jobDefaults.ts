import { JobKeys, maxInt32, type Job, type JobSpec, type PodFailurePolicy } from './job'
import type { StringMap } from './meta'
import { defaultPodTemplate } from './podDefaults'

/** 32-bit FNV-1a of a string, seeded so that four rounds give 128 bits. */
const fnv1a = (text: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/**
 * A UID for an object the API server has not stored yet. The server would pick a random UUID;
 * core has no randomness, so it is derived from namespace and name and runs repeat exactly.
 */
export const syntheticUid = (namespace: string, name: string): string => {
  const hex = [0, 1, 2, 3].map((seed) => fnv1a(`${namespace}/${name}`, seed).toString(16).padStart(8, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

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

/**
 * A Job as the API server stores it: a UID (synthetic when missing), `SetDefaults_Job` plus the
 * pod-template defaults and, for a Job being created (no selector yet, `manualSelector` not true),
 * the generated selector and labels. A Job that already has a selector is taken as read from a
 * cluster and keeps it. Job labels default to the template labels after generation, as a read
 * back from the server shows.
 */
export const defaultJob = (job: Job): Job => {
  const namespace = job.metadata.namespace ?? 'default'
  const uid = job.metadata.uid ?? syntheticUid(namespace, job.metadata.name ?? job.metadata.generateName ?? '')
  const base: Job = {
    ...job,
    apiVersion: job.apiVersion ?? 'batch/v1',
    kind: job.kind ?? 'Job',
    metadata: { ...job.metadata, namespace, uid },
    spec: defaultSpec(job.spec),
  }
  return withJobLabels(isBeingCreated(base) ? { ...base, spec: generateSelector(base, uid) } : base)
}

/** Whether the create-time selector generation applies to this (defaulted) Job. */
export const isBeingCreated = (job: Job): boolean => job.spec.manualSelector !== true && job.spec.selector == null

const withJobLabels = (job: Job): Job => {
  const templateLabels = job.spec.template.metadata?.labels
  const own = job.metadata.labels ?? {}
  return templateLabels !== undefined && Object.keys(own).length === 0
    ? { ...job, metadata: { ...job.metadata, labels: templateLabels } }
    : job
}
