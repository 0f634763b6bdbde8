import * as t from 'io-ts'
import { JobSpec } from './job'
import { ObjectMeta } from './meta'

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])

/** batch/v1 `JobTemplateSpec`: the Job a CronJob stamps out at each slot. */
export const JobTemplateSpec = t.intersection([t.type({ spec: JobSpec }), t.partial({ metadata: ObjectMeta })])
export type JobTemplateSpec = t.TypeOf<typeof JobTemplateSpec>

export const CronJobSpec = t.intersection([
  t.type({ schedule: t.string, jobTemplate: JobTemplateSpec }),
  t.partial({
    timeZone: nullable(t.string),
    startingDeadlineSeconds: nullable(t.number),
    concurrencyPolicy: t.string,
    suspend: nullable(t.boolean),
    successfulJobsHistoryLimit: nullable(t.number),
    failedJobsHistoryLimit: nullable(t.number),
  }),
])
export type CronJobSpec = t.TypeOf<typeof CronJobSpec>

/** `v1.ObjectReference` as `status.active` holds it. */
export const ObjectReference = t.partial({
  apiVersion: t.string,
  kind: t.string,
  namespace: t.string,
  name: t.string,
  uid: t.string,
  resourceVersion: t.string,
})
export type ObjectReference = t.TypeOf<typeof ObjectReference>

export const CronJobStatus = t.partial({
  active: nullable(t.array(ObjectReference)),
  lastScheduleTime: nullable(t.string),
  lastSuccessfulTime: nullable(t.string),
})
export type CronJobStatus = t.TypeOf<typeof CronJobStatus>

/** batch/v1 `CronJob`. Not exact: unknown fields survive a round trip. */
export const CronJob = t.intersection([
  t.type({ metadata: ObjectMeta, spec: CronJobSpec }),
  t.partial({ apiVersion: t.string, kind: t.string, status: CronJobStatus }),
])
export type CronJob = t.TypeOf<typeof CronJob>

export const CronJobKind = { apiVersion: 'batch/v1', kind: 'CronJob' } as const

export const CronJobKeys = {
  scheduledTimestamp: 'batch.kubernetes.io/cronjob-scheduled-timestamp',
} as const

export const ConcurrencyPolicies = ['Allow', 'Forbid', 'Replace'] as const
export type ConcurrencyPolicy = (typeof ConcurrencyPolicies)[number]
