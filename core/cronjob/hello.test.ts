import * as fs from 'node:fs'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import { parse } from 'yaml'
import { decodeManifest, formatInstant, type CronJob, type Job } from '../api'
import { actionsOf } from '../plan'
import { applyCronJobPlan, type CronJobWorld } from './applyCronJobPlan'
import { reconcileCronJob } from './reconcile'
import { MINUTE, summary } from './testing/fixtures'

/** The seed's hello CronJob (`*` `/1 * * * *`), decoded and defaulted as `kuberules plan` reads it. */
const hello = (): CronJob => {
  const raw: unknown = parse(fs.readFileSync(path.join(__dirname, '../../examples/seed/hello-cronjob.yaml'), 'utf8'))
  const decoded = decodeManifest(raw)
  if (E.isLeft(decoded) || decoded.right._tag !== 'CronJob') throw new Error('hello-cronjob.yaml does not decode')
  return decoded.right.object
}
const created = Date.parse('2026-01-01T00:00:00Z')
const minute = (n: number): number => created + n * MINUTE
const nameAt = (n: number): string => `hello-${minute(n) / MINUTE}`

/** One sync at `now`, applied as the API server would; returns the plan's summary and the world after it. */
const sync = (world: CronJobWorld, now: number) => {
  const plan = reconcileCronJob({ cronJob: world.cronJob, jobs: world.jobs, now })
  return { plan, s: summary(plan), world: applyCronJobPlan(world, plan, now) }
}
const withPolicy = (policy: 'Allow' | 'Forbid' | 'Replace'): CronJobWorld => {
  const cj = hello()
  return { cronJob: { ...cj, spec: { ...cj.spec, concurrencyPolicy: policy } }, jobs: [] }
}
const finish = (world: CronJobWorld, name: string, at: number): CronJobWorld => ({
  ...world,
  jobs: world.jobs.map((j): Job =>
    j.metadata.name === name
      ? { ...j, status: { startTime: j.metadata.creationTimestamp ?? null, completionTime: formatInstant(at), conditions: [{ type: 'Complete', status: 'True' }] } }
      : j,
  ),
})

describe('done when: the seed\'s hello CronJob', () => {
  it('planned at successive minutes creates one Job per minute, named by the minute', () => {
    let world = withPolicy('Allow')
    expect(sync(world, created).s.creates).toEqual([])
    for (let n = 1; n <= 5; n++) {
      const step = sync(world, minute(n) + 100)
      expect(step.s.creates).toEqual([nameAt(n)])
      expect(step.s.requeueMs).toBe(MINUTE)
      world = step.world
      // The same minute planned again (a relist, a Job event) creates nothing more.
      expect(sync(world, minute(n) + 30_000).s.creates).toEqual([])
    }
    expect(world.jobs.map((j) => j.metadata.name)).toEqual([1, 2, 3, 4, 5].map(nameAt))
    expect(world.cronJob.status?.active).toHaveLength(5)
  })

  it('Forbid skips while a Job runs, and runs the held-back minute late when it ends', () => {
    let world = sync(withPolicy('Forbid'), minute(1) + 100).world
    const blocked = sync(world, minute(2) + 100)
    expect(blocked.s.creates).toEqual([])
    expect(blocked.s.events).toEqual(['JobAlreadyActive'])
    expect(blocked.s.requeueMs).toBe(MINUTE)
    world = finish(blocked.world, nameAt(1), minute(2) + 30_000)
    const late = sync(world, minute(2) + 30_000)
    expect(late.s.events).toEqual(['SawCompletedJob', 'SuccessfulCreate'])
    expect(late.s.creates).toEqual([nameAt(2)])
    expect(late.world.cronJob.status?.active?.map((r) => r.name)).toEqual([nameAt(2)])
  })

  it('Replace deletes the running Job (background propagation) and starts the new minute\'s', () => {
    const world = sync(withPolicy('Replace'), minute(1) + 100).world
    const replaced = sync(world, minute(2) + 100)
    expect(actionsOf(replaced.plan, 'DeleteJob')).toEqual([
      { type: 'DeleteJob', namespace: 'default', name: nameAt(1), propagationPolicy: 'Background', reason: 'Replaced' },
    ])
    expect(replaced.s.events).toEqual(['SuccessfulDelete', 'SuccessfulCreate'])
    expect(replaced.s.creates).toEqual([nameAt(2)])
    expect(replaced.world.jobs.map((j) => j.metadata.name)).toEqual([nameAt(2)])
    expect(replaced.world.cronJob.status?.active?.map((r) => r.name)).toEqual([nameAt(2)])
  })

  it('more than 100 missed minutes still start the latest one, with a TooManyMissedTimes warning', () => {
    const world = sync(withPolicy('Allow'), minute(1) + 100).world
    const back = sync(world, minute(1 + 150) + 100)
    expect(back.s.warnings).toEqual(['TooManyMissedTimes'])
    expect(back.s.events).toEqual(['TooManyMissedTimes', 'SuccessfulCreate'])
    expect(back.s.creates).toEqual([nameAt(151)])
    // 100 missed minutes exactly is not "too many".
    expect(sync(world, minute(1 + 100) + 100).s.warnings).toEqual([])
  })

  it('suspended, it creates nothing and is not requeued; resumed, it starts the latest missed minute at once', () => {
    const cj = withPolicy('Allow').cronJob
    const suspended: CronJobWorld = { cronJob: { ...cj, spec: { ...cj.spec, suspend: true } }, jobs: [] }
    for (let n = 1; n <= 3; n++) expect(sync(suspended, minute(n) + 100).plan.actions).toEqual([])
    expect(sync({ cronJob: cj, jobs: [] }, minute(3) + 20_000).s.creates).toEqual([nameAt(3)])
  })
})
