import { formatInstant } from '../api/instant'
import type { Job } from '../api/job'
import { jobFromTemplate } from './jobFromTemplate'
import { reconcileChildren } from './reconcileChildren'
import { reconcileCronJob } from './reconcile'
import { jobReference, syncStatusOf } from './status'
import { cronJob, finished, justAfterThePriorHour, justBeforeThePriorHour, justBeforeTheHour, summary } from './testing/fixtures'

const cj = cronJob({ schedule: '0 * * * *' }, { lastScheduleTime: formatInstant(justAfterThePriorHour) })
const jobAt = (at: number, uid: string): Job => {
  const job = jobFromTemplate(cj, at)
  return { ...job, metadata: { ...job.metadata, uid } }
}
const none = () => false

describe('reconcileChildren (syncCronJob steps a and b)', () => {
  it('drops a finished listed Job with SawCompletedJob and its condition', () => {
    const job = finished(jobAt(justBeforeThePriorHour, 'u1'), 'Failed', justBeforeTheHour)
    const listed = { ...cj, status: { ...cj.status, active: [jobReference(job)] } }
    const step = reconcileChildren(listed, [job], none, syncStatusOf(listed))
    expect(step.status.active).toEqual([])
    expect(step.actions).toEqual([
      {
        type: 'RecordEvent',
        involvedObject: { kind: 'CronJob', namespace: 'snazzycats', name: 'mycronjob' },
        eventType: 'Normal',
        reason: 'SawCompletedJob',
        message: `Saw completed job: ${job.metadata.name}, condition: Failed`,
      },
    ])
    // Failed Jobs never touch lastSuccessfulTime.
    expect(step.status.lastSuccessfulTime).toBeUndefined()
  })

  it('keeps the latest completionTime of succeeded children, listed or not, and never lowers it', () => {
    const early = finished(jobAt(justBeforeThePriorHour, 'u1'), 'Complete', justBeforeThePriorHour + 10_000)
    const late = finished(jobAt(justAfterThePriorHour, 'u2'), 'Complete', justAfterThePriorHour + 10_000)
    const step = reconcileChildren(cj, [late, early], none, syncStatusOf(cj))
    expect(step.status.lastSuccessfulTime).toBe(formatInstant(justAfterThePriorHour + 10_000))
    expect(step.actions).toEqual([])
  })

  it('warns UnexpectedJob for a running child not in active, and does not adopt it', () => {
    const job = jobAt(justBeforeThePriorHour, 'u1')
    const step = reconcileChildren(cj, [job], none, syncStatusOf(cj))
    expect(step.actions.map((a) => (a.type === 'RecordEvent' ? [a.eventType, a.reason, a.message] : a.type))).toEqual([
      ['Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`],
    ])
    expect(step.status.active).toEqual([])
  })

  it('drops an active entry whose Job is gone with MissingJob; keeps one still found by name', () => {
    const gone = jobAt(justBeforeThePriorHour, 'gone')
    const lagging = jobAt(justAfterThePriorHour, 'lagging')
    const listed = { ...cj, status: { ...cj.status, active: [jobReference(gone), jobReference(lagging)] } }
    const step = reconcileChildren(listed, [], (_ns, name) => name === lagging.metadata.name, syncStatusOf(listed))
    expect(step.status.active).toEqual([jobReference(lagging)])
    expect(step.actions).toMatchObject([{ reason: 'MissingJob', message: `Active job went missing: ${gone.metadata.name}` }])
  })
})

describe('reconcileCronJob: events in reference §13 order, one status write', () => {
  it('cleanup deletes, then SawCompletedJob, then MissingJob, then TooManyMissedTimes, then Replace deletes, then SuccessfulCreate', () => {
    const hourly = cronJob({ schedule: '0 * * * *', concurrencyPolicy: 'Replace', successfulJobsHistoryLimit: 0 }, {})
    const at = (h: number) => Date.parse('2016-05-01T00:00:00Z') + h * 3_600_000
    const done = finished({ ...jobFromTemplate(hourly, at(0)), metadata: { ...jobFromTemplate(hourly, at(0)).metadata, uid: 'done' } }, 'Complete', at(0) + 60_000, at(0))
    const listedDone = finished({ ...jobFromTemplate(hourly, at(1)), metadata: { ...jobFromTemplate(hourly, at(1)).metadata, uid: 'listed-done' } }, 'Failed', at(1) + 60_000, at(1))
    const running = { ...jobFromTemplate(hourly, at(2)), metadata: { ...jobFromTemplate(hourly, at(2)).metadata, uid: 'running' } }
    const missing = { ...jobFromTemplate(hourly, at(3)), metadata: { ...jobFromTemplate(hourly, at(3)).metadata, uid: 'missing' } }
    const cj2 = {
      ...hourly,
      metadata: { ...hourly.metadata, creationTimestamp: formatInstant(at(0) - 1000) },
      status: { lastScheduleTime: formatInstant(at(3)), active: [jobReference(listedDone), jobReference(running), jobReference(missing)] },
    }
    const plan = reconcileCronJob({ cronJob: cj2, jobs: [done, listedDone, running], now: at(3 + 120) + 5_000 })
    expect(plan.actions.map((a) => (a.type === 'RecordEvent' ? a.reason : a.type))).toEqual([
      'DeleteJob',
      'SuccessfulDelete',
      'SawCompletedJob',
      'MissingJob',
      'TooManyMissedTimes',
      'DeleteJob',
      'SuccessfulDelete',
      'CreateJob',
      'SuccessfulCreate',
      'UpdateStatus',
      'Requeue',
    ])
    const s = summary(plan)
    expect(s.deletes).toEqual([done.metadata.name, running.metadata.name])
    expect(s.status?.active?.map((r) => r.name)).toEqual([`mycronjob-${at(123) / 60_000}`])
    expect(s.status?.lastSuccessfulTime).toBe(formatInstant(at(0) + 60_000))
  })

  it('writes no status when nothing changed', () => {
    const steady = cronJob({ schedule: '0 * * * *' }, { lastScheduleTime: formatInstant(justAfterThePriorHour) })
    const plan = reconcileCronJob({ cronJob: steady, jobs: [], now: justBeforeTheHour })
    expect(plan.actions.map((a) => a.type)).toEqual(['Requeue'])
  })
})
