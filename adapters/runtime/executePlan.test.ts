import * as E from 'fp-ts/Either'
import { syntheticUid, type Pod } from '../../core/api'
import { createJob, createPod, deletePod, planOf, recordEvent, requeue, updateStatus, type RecordEvent } from '../../core/plan'
import { memoryClusterApi } from '../memory/memoryClusterApi'
import { createDaemonSet, newWorld, right } from '../memory/testing/fixtures'
import { Resources } from './clusterApi'
import { executePlan } from './executePlan'
import type { ExecutionContext } from './executionContext'
import { createExpectations } from './expectations'
import { limitCreates } from './testing/faultyApi'

const owner = { kind: 'DaemonSet', namespace: 'default', name: 'fluentd', uid: 'u-1' }
const podFor = (i: number): Pod => ({
  metadata: { generateName: 'fluentd-', namespace: 'default', labels: { app: 'fluentd', n: String(i) } },
  spec: { containers: [{ name: 'c', image: 'img:1' }] },
})

const context = (world = newWorld(), acceptCreates = Number.POSITIVE_INFINITY) => {
  const api = limitCreates(memoryClusterApi(world.store), acceptCreates)
  const events: RecordEvent[] = []
  const expectations = createExpectations(() => world.clock.now())
  const ctx: ExecutionContext = {
    api,
    subject: { kind: 'DaemonSet', namespace: 'default', name: 'fluentd' },
    record: (e) => void events.push(e),
    podControlEvents: { created: true, deleted: true },
    expectations: { key: 'default/fluentd', store: expectations },
    versionOf: () => undefined,
  }
  return { world, api, events, expectations, ctx }
}

describe('executePlan', () => {
  it('creates in slow-start batches 1, 2, 4 and stops after the batch with errors', async () => {
    const { world, api, events, expectations, ctx } = context(newWorld(), 5)
    const plan = planOf(Array.from({ length: 20 }, (_, i) => createPod(owner, podFor(i))))
    const outcome = await executePlan(plan, ctx)
    expect(api.attempts()).toBe(7)
    expect(outcome.writes).toBe(5)
    expect(outcome.failures.map((f) => f.error._tag)).toEqual(['Retryable', 'Retryable'])
    expect(right(world.store.list({ resource: Resources.pods })).items).toHaveLength(5)
    // 20 expected; 2 failed and 13 never tried are taken off: the 5 created remain to be observed.
    expect(expectations.get('default/fluentd')?.add).toBe(5)
    expect(events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message)).toHaveLength(5)
    expect(events.filter((e) => e.reason === 'FailedCreate')[0]?.message).toBe('Error creating: too many requests')
    expect(events[0]?.message).toMatch(/^Created pod: fluentd-[a-z0-9]{5}$/)
  })

  it('treats NotFound as a done delete, counts it off, and records SuccessfulDelete only for real deletes', async () => {
    const { world, events, expectations, ctx } = context()
    right(world.store.create({ resource: Resources.pods, namespace: 'default', body: { ...podFor(0), metadata: { name: 'p1' } } }))
    const outcome = await executePlan(planOf([deletePod('default', 'p1', 'Surplus'), deletePod('default', 'gone', 'Surplus')]), ctx)
    expect(outcome.failures).toEqual([])
    expect(events.map((e) => e.message)).toEqual(['Deleted pod: p1'])
    expect(expectations.get('default/fluentd')?.del).toBe(1)
  })

  it('writes status with the resourceVersion read; a stale one is a Conflict that stops the plan', async () => {
    const world = newWorld()
    const ds = createDaemonSet(world.store, 'fluentd')
    const { ctx, events } = context(world)
    const stale: ExecutionContext = { ...ctx, versionOf: () => '1' }
    world.store.patch({ resource: Resources.daemonSets, namespace: 'default', name: 'fluentd', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { x: 'y' } } } })
    const target = { kind: 'DaemonSet', namespace: 'default', name: 'fluentd' }
    const plan = planOf([updateStatus(target, { numberReady: 1 }), recordEvent(target, 'Normal', 'After', 'never'), requeue(target, 3)])
    const outcome = await executePlan(plan, stale)
    expect(outcome.aborted).toBe(true)
    expect(outcome.failures[0]?.error._tag).toBe('Conflict')
    expect(outcome.requeues).toEqual([requeue(target, 3)])
    expect(events).toEqual([])
    const fresh = await executePlan(planOf([updateStatus(target, { numberReady: 1 })]), { ...ctx, versionOf: () => undefined })
    expect(fresh.failures).toEqual([])
    expect(ds.metadata.uid).toBeDefined()
  })

  it("replaces a created Job's placeholder uid by the server's in the status written after it", async () => {
    const world = newWorld()
    const cron = right(
      world.store.create({
        resource: Resources.cronJobs,
        namespace: 'default',
        body: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } } },
      }),
    )
    const { ctx } = context(world)
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'hello-1', namespace: 'default' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } }
    const target = { kind: 'CronJob', namespace: 'default', name: 'hello' }
    const placeholder = syntheticUid('default', 'hello-1')
    const plan = planOf([createJob({ ...target, uid: cron.metadata.uid ?? '' }, job), updateStatus(target, { active: [{ kind: 'Job', name: 'hello-1', uid: placeholder }] })])
    const outcome = await executePlan(plan, ctx)
    expect(outcome.failures).toEqual([])
    const stored = right(world.store.get({ resource: Resources.jobs, namespace: 'default', name: 'hello-1' }))
    const status = right(world.store.get({ resource: Resources.cronJobs, namespace: 'default', name: 'hello' }))['status'] as { active: Array<{ uid: string }> }
    expect(status.active[0]?.uid).toBe(stored.metadata.uid)
    expect(E.isRight(world.store.get({ resource: Resources.jobs, namespace: 'default', name: 'hello-1' }))).toBe(true)
  })
})
