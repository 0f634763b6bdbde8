import { podTemplateSpec } from './podSchema'
import { objectReference } from './coreSchema'
import { objectMeta, labelSelector } from './metaSchema'
import { boolP, i32, i32P, i32s, i64P, msg, msgs, str, strP, strs, time, type Schema } from './schema'

/** Tables for k8s.io/api batch/v1: Job and CronJob. */

const podFailurePolicyOnExitCodes: Schema = { 1: strP('containerName'), 2: str('operator'), 3: i32s('values') }
const podFailurePolicyOnPodConditions: Schema = { 1: str('type'), 2: str('status') }
const podFailurePolicyRule: Schema = {
  1: str('action'),
  2: msg('onExitCodes', podFailurePolicyOnExitCodes),
  3: msgs('onPodConditions', podFailurePolicyOnPodConditions),
}
const successPolicyRule: Schema = { 1: strP('succeededIndexes'), 2: i32P('succeededCount') }

export const jobSpec: Schema = {
  1: i32P('parallelism'),
  2: i32P('completions'),
  3: i64P('activeDeadlineSeconds'),
  4: msg('selector', labelSelector),
  5: boolP('manualSelector'),
  6: msg('template', podTemplateSpec),
  7: i32P('backoffLimit'),
  8: i32P('ttlSecondsAfterFinished'),
  9: strP('completionMode'),
  10: boolP('suspend'),
  11: msg('podFailurePolicy', { 1: msgs('rules', podFailurePolicyRule) }),
  12: i32P('backoffLimitPerIndex'),
  13: i32P('maxFailedIndexes'),
  14: strP('podReplacementPolicy'),
  15: strP('managedBy'),
  16: msg('successPolicy', { 1: msgs('rules', successPolicyRule) }),
}

const jobCondition: Schema = {
  1: str('type'),
  2: str('status'),
  3: time('lastProbeTime'),
  4: time('lastTransitionTime'),
  5: str('reason'),
  6: str('message'),
}

export const jobStatus: Schema = {
  1: msgs('conditions', jobCondition),
  2: time('startTime'),
  3: time('completionTime'),
  4: i32('active'),
  5: i32('succeeded'),
  6: i32('failed'),
  7: strP('completedIndexes'),
  8: msg('uncountedTerminatedPods', { 1: strs('succeeded'), 2: strs('failed') }),
  9: i32P('ready'),
  10: strP('failedIndexes'),
  11: i32P('terminating'),
}

export const job: Schema = { 1: msg('metadata', objectMeta), 2: msg('spec', jobSpec), 3: msg('status', jobStatus) }

export const jobTemplateSpec: Schema = { 1: msg('metadata', objectMeta), 2: msg('spec', jobSpec) }

export const cronJobSpec: Schema = {
  1: str('schedule'),
  2: i64P('startingDeadlineSeconds'),
  3: str('concurrencyPolicy'),
  4: boolP('suspend'),
  5: msg('jobTemplate', jobTemplateSpec),
  6: i32P('successfulJobsHistoryLimit'),
  7: i32P('failedJobsHistoryLimit'),
  8: strP('timeZone'),
}

export const cronJobStatus: Schema = {
  1: msgs('active', objectReference),
  4: time('lastScheduleTime'),
  5: time('lastSuccessfulTime'),
}

export const cronJob: Schema = { 1: msg('metadata', objectMeta), 2: msg('spec', cronJobSpec), 3: msg('status', cronJobStatus) }

