import { formatInstant } from '../api/instant'
import type { CronJob } from '../api/cronJob'
import type { Job } from '../api/job'
import { jobFromTemplate } from './jobFromTemplate'
import { reconcileCronJob } from './reconcile'
import { jobReference } from './status'
import {
  cronJob,
  HOUR,
  justAfterThePriorHour,
  justAfterTheHour,
  justBeforeThePriorHour,
  justBeforeTheHour,
  justBeforeTheNextHour,
  MINUTE,
  SECOND,
  summary,
  topOfTheHour,
  weekAfterTheHour,
} from './testing/fixtures'

const shortDead = 10
const mediumDead = 2 * 60 * 60
const longDead = 1_000_000
const errorSchedule = 'obvious error schedule'
const onTheHour = '0 * * * ?'
const everyHour = '@every 1h'
const delta = 100

/** One row of upstream's `TestControllerV2SyncCronJob` (≈ v1.28), with its field names. */
interface Row {
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace'
  readonly suspend?: boolean
  readonly schedule: string
  readonly timeZone?: string
  readonly deadline?: number
  readonly ranPreviously?: boolean
  readonly stillActive?: boolean
  readonly cronjobCreationTime?: number
  readonly jobCreationTime: number
  readonly lastScheduleTime?: number
  readonly now: number
  readonly expectCreate?: boolean
  readonly expectDelete?: boolean
  readonly expectActive?: number
  readonly expectedWarnings?: number
  /** Undefined: the sync ends without requeue (upstream returns nil). */
  readonly expectedRequeueMs?: number
  readonly expectUpdateStatus?: boolean
  readonly jobStillNotFoundInLister?: boolean
  readonly jobPresentInCJActiveStatus?: boolean
  /** Reasons of the events besides creates, deletes and warnings (upstream counts JobAlreadyActive by name). */
  readonly extraEvents?: ReadonlyArray<string>
}

/** Builds the row's CronJob and lister Jobs exactly as the upstream test body does. */
const setUp = (row: Row): { cj: CronJob; jobs: ReadonlyArray<Job> } => {
  const spec: Partial<CronJob['spec']> = {
    concurrencyPolicy: row.concurrencyPolicy,
    suspend: row.suspend ?? false,
    schedule: row.schedule,
    ...(row.timeZone !== undefined ? { timeZone: row.timeZone } : {}),
    ...(row.deadline !== undefined ? { startingDeadlineSeconds: row.deadline } : {}),
  }
  const base = cronJob(spec)
  if (row.ranPreviously !== true) {
    const created = formatInstant(row.cronjobCreationTime ?? justBeforeTheHour)
    return { cj: { ...base, metadata: { ...base.metadata, creationTimestamp: created } }, jobs: [] }
  }
  const withTimes: CronJob = {
    ...base,
    metadata: { ...base.metadata, creationTimestamp: formatInstant(row.cronjobCreationTime ?? justBeforeThePriorHour) },
    status: { lastScheduleTime: formatInstant(row.lastScheduleTime ?? justAfterThePriorHour) },
  }
  const template = jobFromTemplate(withTimes, row.jobCreationTime)
  let job: Job = { ...template, metadata: { ...template.metadata, uid: '1234', creationTimestamp: formatInstant(row.jobCreationTime) } }
  let cj = withTimes
  if (row.stillActive === true) {
    if (row.jobPresentInCJActiveStatus !== false) cj = { ...cj, status: { ...cj.status, active: [jobReference(job)] } }
  } else {
    job = { ...job, status: { completionTime: formatInstant(row.jobCreationTime + 10 * SECOND), conditions: [{ type: 'Complete', status: 'True' }] } }
  }
  return { cj, jobs: row.jobStillNotFoundInLister === true ? [] : [job] }
}

const rows: Readonly<Record<string, Row>> = {
  'never ran, not valid schedule, A': { concurrencyPolicy: 'Allow', schedule: errorSchedule, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedWarnings: 1 },
  'never ran, not valid schedule, F': { concurrencyPolicy: 'Forbid', schedule: errorSchedule, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedWarnings: 1 },
  'never ran, not valid schedule, R': { concurrencyPolicy: 'Replace', schedule: errorSchedule, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedWarnings: 1 },
  'never ran, not valid time zone': { concurrencyPolicy: 'Allow', schedule: onTheHour, timeZone: 'bad timezone', jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedWarnings: 1 },
  'never ran, not time, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta },
  'never ran, not time, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta },
  'never ran, not time, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta },
  'never ran, not time in zone': { concurrencyPolicy: 'Allow', schedule: onTheHour, timeZone: 'America/New_York', jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta },
  'never ran, is time, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'never ran, is time, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'never ran, is time, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  // The CronJobTimeZone gate is GA and locked: "but time zone disabled" now expects what "in zone" does.
  'never ran, is time in zone, but time zone disabled': { concurrencyPolicy: 'Allow', schedule: onTheHour, timeZone: 'America/New_York', jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'never ran, is time in zone': { concurrencyPolicy: 'Allow', schedule: onTheHour, timeZone: 'America/New_York', jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  // Upstream leaves expectActive unset here (it is not checked); one Job is created, so one is active.
  'never ran, is time in zone, but TZ is also set in schedule': { concurrencyPolicy: 'Allow', schedule: `TZ=UTC ${onTheHour}`, timeZone: 'America/New_York', jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'never ran, is time, suspended': { concurrencyPolicy: 'Allow', suspend: true, schedule: onTheHour, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour },
  'never ran, is time, past deadline': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: shortDead, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour + (shortDead + 1) * MINUTE, expectedRequeueMs: HOUR - MINUTE - (shortDead + 1) * MINUTE + delta },
  'never ran, is time, not past deadline': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: longDead, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },

  'prev ran but done, not time, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta, expectUpdateStatus: true },
  'prev ran but done, not time, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta, expectUpdateStatus: true },
  'prev ran but done, not time, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta, expectUpdateStatus: true },
  'prev ran but done, is time, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'prev ran but done, is time, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'prev ran but done, is time, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'prev ran but done, is time, suspended': { concurrencyPolicy: 'Allow', suspend: true, schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectUpdateStatus: true },
  'prev ran but done, is time, past deadline': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: shortDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'prev ran but done, is time, not past deadline': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: longDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },

  'still active, not time, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectActive: 1, expectedRequeueMs: MINUTE + delta },
  'still active, not time, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectActive: 1, expectedRequeueMs: MINUTE + delta },
  'still active, not time, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justBeforeTheHour, expectActive: 1, expectedRequeueMs: MINUTE + delta },
  'still active, is time, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 2, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'still active, is time, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, extraEvents: ['JobAlreadyActive'] },
  'still active, is time, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectDelete: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'still active, is time, suspended': { concurrencyPolicy: 'Allow', suspend: true, schedule: onTheHour, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectActive: 1 },
  'still active, is time, past deadline': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: shortDead, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta },
  'still active, is time, not past deadline': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: longDead, ranPreviously: true, stillActive: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 2, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },

  // More than 100 missed slots: TooManyMissedTimes, and the most recent slot still starts.
  'prev ran but done, long overdue, not past deadline, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: longDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, not past deadline, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, deadline: longDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, not past deadline, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, deadline: longDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, no deadline, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, no deadline, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, no deadline, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, past medium deadline, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: mediumDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, past short deadline, A': { concurrencyPolicy: 'Allow', schedule: onTheHour, deadline: shortDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, past medium deadline, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, deadline: mediumDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, past short deadline, R': { concurrencyPolicy: 'Replace', schedule: onTheHour, deadline: shortDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, past medium deadline, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, deadline: mediumDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },
  'prev ran but done, long overdue, past short deadline, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, deadline: shortDead, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR + delta, expectUpdateStatus: true },

  // Time skew: the controller sees the Job created, takes no action (upstream's create would fail AlreadyExists).
  'this ran but done, time drifted back, F': { concurrencyPolicy: 'Forbid', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterTheHour, now: justBeforeTheHour, expectedRequeueMs: MINUTE + delta, expectUpdateStatus: true },

  'with @every schedule, never ran, not time': { concurrencyPolicy: 'Allow', schedule: everyHour, cronjobCreationTime: justBeforeTheHour, jobCreationTime: justBeforeTheHour, now: topOfTheHour, expectedRequeueMs: HOUR - MINUTE + delta },
  'with @every schedule, never ran, is time': { concurrencyPolicy: 'Allow', schedule: everyHour, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, now: justBeforeTheHour, expectedRequeueMs: HOUR + delta, expectCreate: true, expectActive: 1, expectUpdateStatus: true },
  'with @every schedule, never ran, is time, past deadline': { concurrencyPolicy: 'Allow', schedule: everyHour, deadline: shortDead, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, now: justBeforeTheHour + (shortDead + 1) * SECOND, expectedRequeueMs: HOUR - (shortDead + 1) * SECOND + delta },
  'with @every schedule, never ran, is time, not past deadline': { concurrencyPolicy: 'Allow', schedule: everyHour, deadline: longDead, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, now: justBeforeTheHour + (shortDead - 1) * SECOND, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - (shortDead - 1) * SECOND + delta, expectUpdateStatus: true },
  'with @every schedule, prev ran but done, not time': { concurrencyPolicy: 'Allow', schedule: everyHour, ranPreviously: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, lastScheduleTime: justBeforeTheHour, now: topOfTheHour, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'with @every schedule, prev ran but done, is time': { concurrencyPolicy: 'Allow', schedule: everyHour, ranPreviously: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, lastScheduleTime: justBeforeTheHour, now: topOfTheHour + HOUR, expectCreate: true, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta, expectUpdateStatus: true },
  'with @every schedule, prev ran but done, is time, past deadline': { concurrencyPolicy: 'Allow', schedule: everyHour, deadline: shortDead, ranPreviously: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, lastScheduleTime: justBeforeTheHour, now: justBeforeTheNextHour + (shortDead + 1) * SECOND, expectedRequeueMs: HOUR - (shortDead + 1) * SECOND + delta, expectUpdateStatus: true },
  'with @every schedule, still active, not time': { concurrencyPolicy: 'Allow', schedule: everyHour, ranPreviously: true, stillActive: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeTheHour, lastScheduleTime: justBeforeTheHour, now: topOfTheHour, expectActive: 1, expectedRequeueMs: HOUR - MINUTE + delta },
  'with @every schedule, still active, is time': { concurrencyPolicy: 'Allow', schedule: everyHour, ranPreviously: true, stillActive: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, lastScheduleTime: justBeforeThePriorHour, now: justAfterTheHour, expectCreate: true, expectActive: 2, expectedRequeueMs: HOUR - 2 * MINUTE + delta, expectUpdateStatus: true },
  'with @every schedule, still active, is time, past deadline': { concurrencyPolicy: 'Allow', schedule: everyHour, deadline: shortDead, ranPreviously: true, stillActive: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeTheHour, lastScheduleTime: justBeforeTheHour, now: justBeforeTheNextHour + (shortDead + 1) * SECOND, expectActive: 1, expectedRequeueMs: HOUR - (shortDead + 1) * SECOND + delta },
  'with @every schedule, still active, is time, not past deadline': { concurrencyPolicy: 'Allow', schedule: everyHour, deadline: longDead, ranPreviously: true, stillActive: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeTheHour, lastScheduleTime: justBeforeTheHour, now: justBeforeTheNextHour + (shortDead - 1) * SECOND, expectCreate: true, expectActive: 2, expectedRequeueMs: HOUR - (shortDead - 1) * SECOND + delta, expectUpdateStatus: true },
  'with @every schedule, prev ran but done, long overdue, no deadline': { concurrencyPolicy: 'Allow', schedule: everyHour, ranPreviously: true, cronjobCreationTime: justAfterThePriorHour, lastScheduleTime: justAfterTheHour, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour, expectCreate: true, expectActive: 1, expectedWarnings: 1, expectedRequeueMs: MINUTE + delta, expectUpdateStatus: true },
  // Upstream says expectActive 1 here but does not check it: no Job is created and the previous one finished.
  'with @every schedule, prev ran but done, long overdue, past deadline': { concurrencyPolicy: 'Allow', schedule: everyHour, deadline: shortDead, ranPreviously: true, cronjobCreationTime: justAfterThePriorHour, lastScheduleTime: justAfterTheHour, jobCreationTime: justAfterThePriorHour, now: weekAfterTheHour + MINUTE + (shortDead + 1) * SECOND, expectActive: 0, expectedRequeueMs: HOUR - (shortDead + 1) * SECOND + delta, expectUpdateStatus: true },
}

const check = (name: string, row: Row): void => {
  const { cj, jobs } = setUp(row)
  const s = summary(reconcileCronJob({ cronJob: cj, jobs, now: row.now }))
  const creates = row.expectCreate === true ? 1 : 0
  const deletes = row.expectDelete === true ? 1 : 0
  const warnings = row.expectedWarnings ?? 0
  expect({ name, creates: s.creates.length, deletes: s.deletes.length, warnings: s.warnings.length }).toEqual({ name, creates, deletes, warnings })
  expect(s.events.length).toBe(creates + deletes + warnings + (row.extraEvents?.length ?? 0))
  for (const reason of row.extraEvents ?? []) expect(s.events).toContain(reason)
  expect(s.requeueMs).toBe(row.expectedRequeueMs)
  expect(s.status !== undefined).toBe(row.expectUpdateStatus === true)
  if (row.expectActive !== undefined) expect((s.status ?? cj.status)?.active?.length ?? 0).toBe(row.expectActive)
  if (row.ranPreviously === true && row.stillActive !== true) {
    expect(s.status?.lastSuccessfulTime).toBe(formatInstant(row.jobCreationTime + 10 * SECOND))
  }
}

describe('reconcileCronJob: upstream TestControllerV2SyncCronJob', () => {
  it.each(Object.entries(rows))('%s', (name, row) => check(name, row))
})

/**
 * The upstream rows that depend on API calls a snapshot cannot express, with what the pure reducer does instead.
 * `jobStillNotFoundInLister`: upstream's GET finds the Job (lister lag) and keeps it; here a Job absent from the
 * snapshot is gone (a 404), so the entry is dropped with MissingJob and the slot's Job is created — what upstream
 * does when the GET really answers 404. Not in the CronJob's `active` (slow CronJob lister): upstream re-reads the
 * CronJob and finds it listed; here the snapshot's CronJob is the fresh copy, so UnexpectedJob is raised and the
 * Job, which carries the slot's name, is adopted — what upstream does when the fresh copy does not list it either.
 * Not ported: "get job failed, R" and "the namespace is terminating" (API errors, the adapter's business).
 */
describe('reconcileCronJob: upstream rows that need the API server, as a snapshot answers them', () => {
  const wentMissing = (policy: Row['concurrencyPolicy']): Row => ({
    concurrencyPolicy: policy,
    schedule: onTheHour,
    deadline: longDead,
    ranPreviously: true,
    stillActive: true,
    jobCreationTime: topOfTheHour + 100,
    now: justAfterTheHour + 100,
    jobStillNotFoundInLister: true,
    jobPresentInCJActiveStatus: true,
  })
  it.each(['Allow', 'Forbid', 'Replace'] as const)('this started but went missing, not past deadline, %s: MissingJob, then the slot runs', (policy) => {
    const { cj, jobs } = setUp(wentMissing(policy))
    const s = summary(reconcileCronJob({ cronJob: cj, jobs, now: justAfterTheHour + 100 }))
    expect(s.events).toEqual(['MissingJob', 'SuccessfulCreate'])
    expect(s.creates).toEqual([`mycronjob-${topOfTheHour / MINUTE}`])
    expect(s.status?.active?.map((r) => r.name)).toEqual([`mycronjob-${topOfTheHour / MINUTE}`])
    expect(s.requeueMs).toBe(HOUR - MINUTE - 100 + delta)
  })

  it.each(['Allow', 'Forbid', 'Replace'] as const)('this started but is not present in cronjob active list, %s: UnexpectedJob, then adopted', (policy) => {
    const { cj, jobs } = setUp({ ...wentMissing(policy), jobStillNotFoundInLister: false, jobPresentInCJActiveStatus: false })
    const s = summary(reconcileCronJob({ cronJob: cj, jobs, now: justAfterTheHour + 100 }))
    expect(s.warnings).toEqual(['UnexpectedJob'])
    expect(s.events).toEqual(['UnexpectedJob'])
    expect(s.creates).toEqual([])
    expect(s.status?.active).toEqual([jobReference(jobs[0] as Job)])
    expect(s.status?.lastScheduleTime).toBe(formatInstant(topOfTheHour))
    expect(s.requeueMs).toBe(HOUR - MINUTE - 100 + delta)
  })
})

/**
 * Upstream's AlreadyExists rows ("create job failed", `TestControllerV2JobAlreadyExistsButNotInActiveStatus`,
 * `...ButDifferentOwner`): the fake client answers AlreadyExists to any create. In a snapshot the conflict is a Job
 * that already carries the slot's deterministic name; the reducer then plans no CreateJob and takes upstream's branch.
 */
describe('reconcileCronJob: a Job with the slot\'s name already exists (AlreadyExists)', () => {
  // Forbid, @every 1h, last scheduled just before the prior hour, now just before the hour: the 09:59 slot is due.
  const cj = cronJob({ concurrencyPolicy: 'Forbid', schedule: everyHour }, { lastScheduleTime: formatInstant(justBeforeThePriorHour), active: [] })
  const slotJob = (): Job => {
    const job = jobFromTemplate(cj, justBeforeTheHour)
    return { ...job, metadata: { ...job.metadata, uid: '1234', resourceVersion: '7' } }
  }

  it('ours but not in active: adopted into active with lastScheduleTime, no SuccessfulCreate, requeued', () => {
    const job = slotJob()
    const s = summary(reconcileCronJob({ cronJob: cj, jobs: [job], now: justBeforeTheHour }))
    expect(s.creates).toEqual([])
    // The snapshot lists the Job as a child too; upstream's informer had not seen it yet, so it stayed quiet.
    expect(s.events).toEqual(['UnexpectedJob'])
    expect(s.status).toEqual({ active: [jobReference(job)], lastScheduleTime: formatInstant(justBeforeTheHour) })
    expect(s.status?.active?.[0]).toEqual({ kind: 'Job', namespace: 'snazzycats', name: job.metadata.name, uid: '1234', apiVersion: 'batch/v1', resourceVersion: '7' })
    expect(s.requeueMs).toBe(HOUR + delta)
  })

  it('owned by someone else: no status write and no requeue (upstream assumes the other actor handles it)', () => {
    const job = { ...slotJob(), metadata: { ...slotJob().metadata, ownerReferences: [] } }
    const s = summary(reconcileCronJob({ cronJob: cj, jobs: [job], now: justBeforeTheHour }))
    expect(s).toEqual({ creates: [], deletes: [], events: [], warnings: [], status: undefined, requeueMs: undefined })
  })

  it('ours and already in active by uid (under another name): no change, no requeue', () => {
    const job = slotJob()
    const listed = cronJob({ concurrencyPolicy: 'Allow', schedule: everyHour }, {
      lastScheduleTime: formatInstant(justBeforeThePriorHour),
      active: [{ ...jobReference(job), name: 'renamed' }],
    })
    const s = summary(reconcileCronJob({ cronJob: listed, jobs: [job], now: justBeforeTheHour }))
    expect(s).toEqual({ creates: [], deletes: [], events: [], warnings: [], status: undefined, requeueMs: undefined })
  })

  it('prev ran but done, is time, create job failed (AlreadyExists), A: the existing Job is adopted, the status written', () => {
    const { cj: ran, jobs } = setUp({ concurrencyPolicy: 'Allow', schedule: onTheHour, ranPreviously: true, jobCreationTime: justAfterThePriorHour, now: justAfterTheHour })
    const taken = jobFromTemplate(ran, topOfTheHour)
    const existing: Job = { ...taken, metadata: { ...taken.metadata, uid: '5678' } }
    const s = summary(reconcileCronJob({ cronJob: ran, jobs: [...jobs, existing], now: justAfterTheHour }))
    expect(s.creates).toEqual([])
    expect(s.events).not.toContain('SuccessfulCreate')
    expect(s.status?.active?.map((r) => r.uid)).toEqual(['5678'])
    expect(s.status?.lastScheduleTime).toBe(formatInstant(topOfTheHour))
  })
})
