import * as E from 'fp-ts/Either'
import { parseSchedule, parseStandard, validateTimeZone, type CronError } from '../../cron'
import { ConcurrencyPolicies, type CronJob, type JobTemplateSpec } from '../cronJob'
import { child, invalid, notSupported, required, type FieldError } from './fieldError'
import { validateJobSpecFields } from './job'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'

const nonNegative = 'must be greater than or equal to 0'
const tzInSchedule = 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'
/** 63 (a Job name is a DNS label) less the 11 characters of the v1 controller's `-<unix seconds>` suffix. */
const maxNameLength = 52

/**
 * `validateScheduleFormat` through core/cron's `parseSchedule` (the create path), as core `FieldError`s: robfig's
 * error first, then the `TZ` rule, exactly as the cron module lists them in `fieldErrors`.
 */
const scheduleErrors = (schedule: string): ReadonlyArray<FieldError> => {
  const path = 'spec.schedule'
  const parsed = parseSchedule(schedule)
  if (E.isRight(parsed)) return []
  const e: CronError = parsed.left
  switch (e.reason) {
    case 'Required':
      return [required(path, '')]
    case 'TimeZoneInSchedule':
      return [invalid(path, schedule, e.message)]
    case 'Unparseable':
      // A second line means the schedule also broke the TZ rule (parseSchedule reports both).
      return [invalid(path, schedule, e.message), ...(e.fieldErrors.length > 1 ? [invalid(path, schedule, tzInSchedule)] : [])]
  }
}

/** `validateScheduleFormat` for a grandfathered `TZ` schedule: robfig's error, then the clash with `timeZone`. */
const grandfatheredScheduleErrors = (schedule: string, timeZone: string | null | undefined): ReadonlyArray<FieldError> => {
  const path = 'spec.schedule'
  if (schedule === '') return [required(path, '')]
  const parsed = parseStandard(schedule)
  return [
    ...(E.isLeft(parsed) ? [invalid(path, schedule, parsed.left.message)] : []),
    ...(schedule.includes('TZ') && timeZone != null ? [invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule')] : []),
  ]
}

/** The detail of a kubectl line `<field>: Invalid value: "<Go-quoted value>": <detail>`. */
const detailOf = (line: string, field: string): string => {
  const quoted = line.slice(`${field}: Invalid value: `.length)
  let i = 1
  while (i < quoted.length && quoted[i] !== '"') i += quoted[i] === '\\' ? 2 : 1
  return quoted.slice(i + 3)
}

/** `validateTimeZone`, mapped from core/cron's kubectl lines back to `FieldError`s. */
const timeZoneErrors = (timeZone: string | null | undefined): ReadonlyArray<FieldError> => {
  const path = 'spec.timeZone'
  const zone = timeZone ?? undefined
  return validateTimeZone(zone).map((line) => invalid(path, zone, detailOf(line, path)))
}

const nonNegativeField = (path: string, value: number | null | undefined): ReadonlyArray<FieldError> =>
  value != null && value < 0 ? [invalid(path, value, nonNegative)] : []

const concurrencyPolicyErrors = (policy: string | undefined): ReadonlyArray<FieldError> => {
  const path = 'spec.concurrencyPolicy'
  if (policy === undefined || policy === '') return [required(path, '')]
  return (ConcurrencyPolicies as ReadonlyArray<string>).includes(policy) ? [] : [notSupported(path, policy, ConcurrencyPolicies)]
}

/**
 * `ValidateJobTemplateSpec`: the template's JobSpec as `validateJobSpec` checks it (no selector checks: a
 * template's selector is always generated), re-rooted under the template, then the selector rules of a template.
 */
const jobTemplateErrors = (template: JobTemplateSpec): ReadonlyArray<FieldError> => {
  const root = 'spec.jobTemplate.spec'
  const { selector, manualSelector, ...spec } = template.spec
  const specErrors = validateJobSpecFields(spec).map((e) => ({ ...e, field: `${root}${e.field.slice('spec'.length)}` }))
  return [
    ...specErrors,
    ...(selector != null ? [invalid(child(root, 'selector'), selector, '`selector` will be auto-generated')] : []),
    ...(manualSelector === true ? [notSupported(child(root, 'manualSelector'), true, ['nil', 'false'])] : []),
  ]
}

/** `validateCronJobSpec`; `allowTZInSchedule` when the stored schedule already used `TZ` (updates only). */
const validateCronJobSpec = (spec: CronJob['spec'], allowTZInSchedule: boolean): ReadonlyArray<FieldError> => [
  ...(allowTZInSchedule ? grandfatheredScheduleErrors(spec.schedule, spec.timeZone) : scheduleErrors(spec.schedule)),
  ...nonNegativeField('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds),
  ...timeZoneErrors(spec.timeZone),
  ...concurrencyPolicyErrors(spec.concurrencyPolicy),
  ...jobTemplateErrors(spec.jobTemplate),
  ...nonNegativeField('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit),
  ...nonNegativeField('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit),
]

/**
 * Mirrors `ValidateCronJobCreate` in kubernetes pkg/apis/batch/validation on a defaulted batch/v1 CronJob:
 * ObjectMeta, schedule (robfig dialect, no `TZ`), startingDeadlineSeconds, timeZone, concurrencyPolicy, the Job
 * template, history limits, then the 52-character name cap.
 */
export const validateCronJob = (cj: CronJob): ReadonlyArray<FieldError> => {
  const name = cj.metadata.name ?? ''
  return [
    ...validateObjectMeta(cj.metadata),
    ...validateCronJobSpec(cj.spec, false),
    ...(name.length > maxNameLength ? [invalid('metadata.name', name, `must be no more than ${maxNameLength} characters`)] : []),
  ]
}

/**
 * `ValidateCronJobUpdate`: labels and annotations, then the spec, where a schedule that already used `TZ=` may
 * keep using it (but not together with `timeZone`). No name cap, so that older, longer names can still be
 * updated and deleted.
 */
export const validateCronJobUpdate = (next: CronJob, old: CronJob): ReadonlyArray<FieldError> => [
  ...validateObjectMetaUpdate(next.metadata),
  ...validateCronJobSpec(next.spec, old.spec.schedule.includes('TZ')),
]
