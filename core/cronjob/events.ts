import type { CronJob } from '../api/cronJob'
import { namespaceOf, nameOf, type ObjectRef } from '../api/meta'
import { TOO_MANY_MISSED_MESSAGE } from '../cron'
import { recordEvent, type RecordEvent } from '../plan'

/** The CronJob as events and status writes name it. */
export const cronJobRef = (cj: CronJob): ObjectRef => ({ kind: 'CronJob', namespace: namespaceOf(cj), name: nameOf(cj) })

const normal = (cj: CronJob, reason: string, message: string): RecordEvent => recordEvent(cronJobRef(cj), 'Normal', reason, message)
const warning = (cj: CronJob, reason: string, message: string): RecordEvent => recordEvent(cronJobRef(cj), 'Warning', reason, message)

const rfc1123zDays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const rfc1123zMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const two = (n: number): string => String(n).padStart(2, '0')

/** Go's `time.RFC1123Z` of an instant in UTC, e.g. `Thu, 19 May 2016 10:00:00 +0000`. */
export const formatRfc1123zUtc = (at: number): string => {
  const d = new Date(Math.floor(at / 1000) * 1000)
  const day = rfc1123zDays[d.getUTCDay()] ?? ''
  const month = rfc1123zMonths[d.getUTCMonth()] ?? ''
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  return `${day}, ${two(d.getUTCDate())} ${month} ${d.getUTCFullYear()} ${time} +0000`
}

/**
 * The CronJob controller's events with their exact reasons, types and messages (reference §13; source component
 * `cronjob-controller`). The last four are raised by adapters, where API calls can fail; the reducer never emits them.
 */
export const CronJobEvents = {
  successfulCreate: (cj: CronJob, job: string) => normal(cj, 'SuccessfulCreate', `Created job ${job}`),
  successfulDelete: (cj: CronJob, job: string) => normal(cj, 'SuccessfulDelete', `Deleted job ${job}`),
  sawCompletedJob: (cj: CronJob, job: string, condition: 'Complete' | 'Failed') =>
    normal(cj, 'SawCompletedJob', `Saw completed job: ${job}, condition: ${condition}`),
  missingJob: (cj: CronJob, job: string) => normal(cj, 'MissingJob', `Active job went missing: ${job}`),
  jobAlreadyActive: (cj: CronJob) =>
    normal(cj, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid'),
  unexpectedJob: (cj: CronJob, job: string) => warning(cj, 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job}`),
  tooManyMissedTimes: (cj: CronJob) => warning(cj, 'TooManyMissedTimes', TOO_MANY_MISSED_MESSAGE),
  missSchedule: (cj: CronJob, scheduledTime: number) =>
    warning(cj, 'MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123zUtc(scheduledTime)}`),
  // Go's %q; JSON quoting agrees for every zone name that could get this far.
  unknownTimeZone: (cj: CronJob, timeZone: string, error: string) =>
    warning(cj, 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(timeZone)}: ${error}`),
  unsupportedSchedule: (cj: CronJob) =>
    warning(
      cj,
      'UnsupportedSchedule',
      `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    ),
  unparseableSchedule: (cj: CronJob, error: string) =>
    warning(cj, 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${error}`),
  invalidSchedule: (cj: CronJob, error: string) => warning(cj, 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${error}`),
  unparseableCronJobSchedule: (cj: CronJob) =>
    warning(cj, 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cj.spec.schedule}`),
  failedGet: (cj: CronJob, error: string) => warning(cj, 'FailedGet', `Get job: ${error}`),
  failedDelete: (cj: CronJob, error: string) => warning(cj, 'FailedDelete', `Deleted job: ${error}`),
  failedCreate: (cj: CronJob, error: string) => warning(cj, 'FailedCreate', `Error creating job: ${error}`),
} as const
