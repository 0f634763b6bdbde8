import { formatInstant } from '../api/instant'
import type { CronJob } from '../api/cronJob'
import type { Job } from '../api/job'
import { defaultCronJob } from '../api/cronJobDefaults'
import { byJobStartTime, cleanupFinishedJobs, oldestBeyondLimit } from './historyLimits'
import { reconcileCronJob } from './reconcile'
import { jobReference, syncStatusOf } from './status'
import { finished, justAfterThePriorHour, justAfterTheHour, justBeforeThePriorHour, justBeforeTheHour, summary } from './testing/fixtures'

/** A child Job of `owner` (by controller ownerReference name), started at `startedAt` when given. */
const child = (name: string, owner = 'fooer', uid = `uid-${name}`): Job => ({
  metadata: { name, namespace: 'foo-ns', uid, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: owner, uid: '', controller: true }] },
  spec: { template: { spec: { containers: [] } } },
})
const succeeded = (name: string, startedAt?: number): Job => finished(child(name), 'Complete', justBeforeTheHour, startedAt)
const failedJob = (name: string, startedAt?: number): Job => finished(child(name), 'Failed', justBeforeTheHour, startedAt)

/** Upstream's fooer CronJob of `TestControllerV2CleanupFinishedJobs`. */
const fooer = (spec: Partial<CronJob['spec']>): CronJob => ({
  metadata: { name: 'fooer', namespace: 'foo-ns' },
  spec: { schedule: '0 * * * ?', jobTemplate: { metadata: { labels: { key: 'value' } }, spec: { template: { spec: { containers: [] } } } }, ...spec },
  status: { lastScheduleTime: formatInstant(justAfterThePriorHour) },
})

describe('cleanupFinishedJobs: upstream TestControllerV2CleanupFinishedJobs', () => {
  it('jobs are still deleted when a cronjob can\'t create jobs due to jobs quota being reached (avoiding a deadlock)', () => {
    const jobs = [succeeded('finished-job-started-hour-ago', justBeforeThePriorHour), succeeded('finished-job-started-minute-ago', justBeforeTheHour)]
    const plan = reconcileCronJob({ cronJob: fooer({ successfulJobsHistoryLimit: 1 }), jobs, now: justAfterTheHour })
    // The create that upstream's quota refuses is the adapter's business; the cleanup is planned regardless, first.
    expect(summary(plan).deletes).toEqual(['finished-job-started-hour-ago'])
    expect(plan.actions[0]).toEqual({ type: 'DeleteJob', namespace: 'foo-ns', name: 'finished-job-started-hour-ago', propagationPolicy: 'Background', reason: 'HistoryLimit' })
    expect(plan.actions[1]).toMatchObject({ type: 'RecordEvent', eventType: 'Normal', reason: 'SuccessfulDelete', message: 'Deleted job finished-job-started-hour-ago' })
  })

  it('jobs are not deleted if history limit not reached', () => {
    const plan = reconcileCronJob({ cronJob: fooer({ successfulJobsHistoryLimit: 2 }), jobs: [succeeded('finished-job-started-hour-ago', justBeforeThePriorHour)], now: justBeforeTheHour })
    expect(summary(plan).deletes).toEqual([])
  })
})

describe('cleanupFinishedJobs', () => {
  const cj = defaultCronJob(fooer({}))
  const at = (minute: number): number => justBeforeThePriorHour + minute * 60_000

  it('keeps 3 succeeded and 1 failed by default, deleting the oldest by startTime', () => {
    const jobs = [succeeded('s1', at(1)), succeeded('s2', at(2)), succeeded('s3', at(3)), succeeded('s4', at(4)), succeeded('s0', at(0)), failedJob('f1', at(1)), failedJob('f2', at(2))]
    expect(cleanupFinishedJobs(cj, jobs, syncStatusOf(cj)).deleted.map((j) => j.metadata.name)).toEqual(['s0', 's1', 'f1'])
  })

  it('sorts Jobs without startTime last and breaks ties by name', () => {
    const jobs = [succeeded('b'), succeeded('a'), succeeded('z', at(5)), succeeded('y', at(5)), succeeded('x', at(9))]
    expect([...jobs].sort(byJobStartTime).map((j) => j.metadata.name)).toEqual(['y', 'z', 'x', 'a', 'b'])
    expect(oldestBeyondLimit(jobs, 3).map((j) => j.metadata.name)).toEqual(['y', 'z'])
  })

  it('a limit of 0 deletes every finished Job of that kind; running Jobs are never touched', () => {
    const zero = defaultCronJob(fooer({ successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }))
    const jobs = [succeeded('s'), failedJob('f'), child('running')]
    expect(cleanupFinishedJobs(zero, jobs, syncStatusOf(zero)).deleted.map((j) => j.metadata.name)).toEqual(['s', 'f'])
  })

  it('nil limits skip their kind (both nil: no cleanup at all)', () => {
    const none = fooer({})
    const jobs = [succeeded('s1', at(1)), succeeded('s2', at(2)), succeeded('s3', at(3)), succeeded('s4', at(4)), failedJob('f1'), failedJob('f2')]
    expect(cleanupFinishedJobs(none, jobs, syncStatusOf(none)).deleted).toEqual([])
    const onlyFailed = fooer({ failedJobsHistoryLimit: 1 })
    expect(cleanupFinishedJobs(onlyFailed, jobs, syncStatusOf(onlyFailed)).deleted.map((j) => j.metadata.name)).toEqual(['f1'])
  })

  it('a deleted Job leaves active (no SawCompletedJob for it) and still feeds lastSuccessfulTime', () => {
    const old = finished(child('old'), 'Complete', justBeforeTheHour, at(0))
    const listed: CronJob = { ...cj, spec: { ...cj.spec, successfulJobsHistoryLimit: 0 }, status: { active: [jobReference(old)] } }
    const plan = reconcileCronJob({ cronJob: listed, jobs: [old], now: justBeforeTheHour })
    const s = summary(plan)
    expect(s.events).toEqual(['SuccessfulDelete'])
    expect(s.status?.active).toBeUndefined()
    expect(s.status?.lastSuccessfulTime).toBe(formatInstant(justBeforeTheHour))
  })

  it('only the CronJob\'s own children count (by controller ownerReference name)', () => {
    const jobs = [succeeded('mine-1', at(1)), succeeded('mine-2', at(2)), { ...succeeded('theirs', at(0)), metadata: { ...child('theirs', 'other').metadata } }]
    const one = defaultCronJob(fooer({ successfulJobsHistoryLimit: 1 }))
    const plan = reconcileCronJob({ cronJob: one, jobs, now: justBeforeTheHour })
    expect(summary(plan).deletes).toEqual(['mine-1'])
  })
})
