import { formatInstant } from '../api/instant'
import type { RecordEvent } from '../plan'
import { actionsOf } from '../plan'
import { reconcileCronJob } from './reconcile'
import { decideSchedule, effectiveSchedule } from './schedule'
import { syncStatusOf } from './status'
import { cronJob, HOUR, justAfterTheHour, justBeforeTheHour, MINUTE, summary } from './testing/fixtures'

const eventsOf = (plan: ReturnType<typeof reconcileCronJob>): ReadonlyArray<Pick<RecordEvent, 'eventType' | 'reason' | 'message'>> =>
  actionsOf(plan, 'RecordEvent').map(({ eventType, reason, message }) => ({ eventType, reason, message }))

describe('effectiveSchedule (formatSchedule)', () => {
  it('prefixes timeZone, unless the schedule holds TZ itself', () => {
    expect(effectiveSchedule(cronJob({ schedule: '0 * * * *' }))).toBe('0 * * * *')
    expect(effectiveSchedule(cronJob({ schedule: '0 * * * *', timeZone: 'Europe/Berlin' }))).toBe('TZ=Europe/Berlin 0 * * * *')
    expect(effectiveSchedule(cronJob({ schedule: 'CRON_TZ=UTC 0 * * * *', timeZone: 'Europe/Berlin' }))).toBe('CRON_TZ=UTC 0 * * * *')
  })
})

describe('reconcileCronJob: the schedule gate (syncCronJob steps c–i)', () => {
  it('UnknownTimeZone: Go\'s loader error, no requeue', () => {
    const plan = reconcileCronJob({ cronJob: cronJob({ schedule: '0 * * * *', timeZone: 'Mars/Olympus' }), jobs: [], now: justAfterTheHour })
    expect(eventsOf(plan)).toEqual([{ eventType: 'Warning', reason: 'UnknownTimeZone', message: 'invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus' }])
    expect(summary(plan).requeueMs).toBeUndefined()
  })

  it('UnparseableSchedule with robfig\'s error, no requeue', () => {
    const plan = reconcileCronJob({ cronJob: cronJob({ schedule: '0 0 * * 7' }), jobs: [], now: justAfterTheHour })
    expect(eventsOf(plan)).toEqual([{ eventType: 'Warning', reason: 'UnparseableSchedule', message: 'unparseable schedule: "0 0 * * 7" : end of range (7) above maximum (6): 7' }])
    expect(plan.actions.map((a) => a.type)).toEqual(['RecordEvent'])
  })

  it('InvalidSchedule for a schedule that never fires (validation accepts it), no requeue', () => {
    const plan = reconcileCronJob({ cronJob: cronJob({ schedule: '59 23 31 2 *' }), jobs: [], now: justAfterTheHour })
    expect(eventsOf(plan)).toEqual([
      { eventType: 'Warning', reason: 'InvalidSchedule', message: 'invalid schedule: 59 23 31 2 * : time difference between two schedules is less than 1 second' },
    ])
    expect(summary(plan).requeueMs).toBeUndefined()
  })

  it('UnsupportedSchedule for TZ in the schedule, which then wins over timeZone', () => {
    const cj = cronJob({ schedule: 'TZ=UTC 0 * * * *', timeZone: 'Asia/Tokyo' })
    const plan = reconcileCronJob({ cronJob: cj, jobs: [], now: justAfterTheHour })
    expect(eventsOf(plan)[0]).toEqual({
      eventType: 'Warning',
      reason: 'UnsupportedSchedule',
      message: 'CRON_TZ or TZ used in schedule "TZ=UTC 0 * * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    })
    // 10:00 UTC is due (in Tokyo the hour would be the same instant; the annotation still uses timeZone).
    expect(summary(plan).creates).toEqual([`mycronjob-${(justAfterTheHour - MINUTE) / MINUTE}`])
  })

  it('suspended: status work still happens, nothing else, no requeue', () => {
    const plan = reconcileCronJob({ cronJob: cronJob({ schedule: '0 * * * *', suspend: true }), jobs: [], now: justAfterTheHour })
    expect(plan.actions).toEqual([])
  })

  it('being deleted: only status work, no requeue', () => {
    const base = cronJob({ schedule: '0 * * * *' })
    const deleting = { ...base, metadata: { ...base.metadata, deletionTimestamp: formatInstant(justBeforeTheHour) } }
    expect(reconcileCronJob({ cronJob: deleting, jobs: [], now: justAfterTheHour }).actions).toEqual([])
  })

  it('TooManyMissedTimes has the current message and comes before the create', () => {
    const cj = cronJob({ schedule: '* * * * *' }, { lastScheduleTime: formatInstant(justBeforeTheHour - 200 * MINUTE) })
    const plan = reconcileCronJob({ cronJob: cj, jobs: [], now: justBeforeTheHour })
    expect(eventsOf(plan)).toEqual([
      { eventType: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' },
      { eventType: 'Normal', reason: 'SuccessfulCreate', message: `Created job mycronjob-${justBeforeTheHour / MINUTE}` },
    ])
  })

  it('a CronJob without creationTimestamp (not stored yet) counts as created now: nothing due', () => {
    const base = cronJob({ schedule: '* * * * *' })
    const { creationTimestamp: _c, ...metadata } = base.metadata
    const plan = reconcileCronJob({ cronJob: { ...base, metadata }, jobs: [], now: justBeforeTheHour + 30_000 })
    expect(plan.actions.map((a) => a.type)).toEqual(['Requeue'])
    expect(summary(plan).requeueMs).toBe(30_000 + 100)
  })

  it('startingDeadlineSeconds 0 never starts a Job', () => {
    const cj = cronJob({ schedule: '* * * * *', startingDeadlineSeconds: 0 })
    for (const now of [justAfterTheHour, justAfterTheHour + 100, justAfterTheHour + 999]) {
      expect(summary(reconcileCronJob({ cronJob: cj, jobs: [], now })).creates).toEqual([])
    }
  })

  it('defaultTimeZone places schedules without timeZone (the controller\'s local zone)', () => {
    const cj = cronJob({ schedule: '0 6 * * *' }, { lastScheduleTime: formatInstant(justBeforeTheHour - 3 * HOUR) })
    // 06:00 in New York is 10:00 UTC on 2016-05-19.
    expect(summary(reconcileCronJob({ cronJob: cj, jobs: [], now: justAfterTheHour, defaultTimeZone: 'America/New_York' })).creates).toHaveLength(1)
    expect(summary(reconcileCronJob({ cronJob: cj, jobs: [], now: justAfterTheHour })).creates).toHaveLength(0)
  })

  it('decideSchedule reports the gate as data', () => {
    const cj = cronJob({ schedule: '0 * * * *' })
    expect(decideSchedule(cj, syncStatusOf(cj), justAfterTheHour)).toMatchObject({ _tag: 'Due', scheduledTime: justAfterTheHour - MINUTE, tooManyMissed: false })
    expect(decideSchedule(cj, syncStatusOf(cj), justBeforeTheHour)).toMatchObject({ _tag: 'NotDue' })
  })
})

describe('reconcileCronJob: daylight saving as Kubernetes behaves', () => {
  const ny = (schedule: string, last: string, now: string) =>
    summary(reconcileCronJob({ cronJob: cronJob({ schedule, timeZone: 'America/New_York' }, { lastScheduleTime: last }), jobs: [], now: Date.parse(now) }))

  it('spring forward: 02:30 does not run on 2024-03-10; the next wake-up is 03-11 02:30 EDT', () => {
    const s = ny('30 2 * * *', '2024-03-09T07:30:00Z', '2024-03-10T12:00:00Z')
    expect(s.creates).toEqual([])
    expect(s.requeueMs).toBe(Date.parse('2024-03-11T06:30:00Z') + 100 - Date.parse('2024-03-10T12:00:00Z'))
  })

  it('fall back: 01:30 runs twice on 2024-11-03, as two Jobs with different names', () => {
    expect(ny('30 1 * * *', '2024-11-02T05:30:00Z', '2024-11-03T05:30:05Z').creates).toEqual(['mycronjob-28843530'])
    expect(ny('30 1 * * *', '2024-11-03T05:30:00Z', '2024-11-03T06:30:05Z').creates).toEqual(['mycronjob-28843590'])
  })
})
