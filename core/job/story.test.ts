import * as E from 'fp-ts/Either'
import { decodeManifest } from '../api/manifest'
import type { Instant } from '../api/instant'
import type { Job } from '../api/job'
import type { Pod, PodPhase } from '../api/pod'
import { actionsOf, type Plan } from '../plan'
import { emptyBackoffRecord, type BackoffRecord } from './backoff'
import { describeJobStatuses } from './describeJobStatuses'
import { isJobFinished } from './conditions'
import { nextJobBackoff, reconcileJob } from './reconcileJob'
import { applyJobPlan } from './testing/applyJobPlan'
import { at, conditionsOf, iso } from './testing/fixtures'

const piManifest = (spec: Record<string, unknown>): Job => {
  const decoded = decodeManifest({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi' },
    spec: {
      template: {
        spec: {
          containers: [{ name: 'pi', image: 'resouer/ubuntu-bc', command: ['sh', '-c', "echo 'scale=5000; 4*a(1)' | bc -l "] }],
          restartPolicy: 'Never',
        },
      },
      ...spec,
    },
  })
  if (E.isLeft(decoded) || decoded.right._tag !== 'Job') throw new Error('pi manifest should decode')
  return decoded.right.object
}

/** A tiny cluster loop: reconcile, apply the plan as the API server would, keep the backoff record. */
class World {
  pods: Pod[] = []
  backoff: BackoffRecord = emptyBackoffRecord
  seq = 0
  constructor(public job: Job) {}
  sync(now: Instant): Plan {
    const input = { job: this.job, pods: this.pods, now, backoff: this.backoff }
    const plan = reconcileJob(input)
    this.backoff = nextJobBackoff(input)
    const next = applyJobPlan(this.job, this.pods, plan, now, this.seq++)
    this.job = next.job
    this.pods = next.pods
    return plan
  }
  /** The kubelet's part: move a pod to a phase, with container termination for terminal phases. */
  setPhase(name: string, phase: PodPhase, finishedAt: string): void {
    this.pods = this.pods.map((p) =>
      p.metadata.name !== name
        ? p
        : {
            ...p,
            status: {
              phase,
              containerStatuses: [
                {
                  name: 'pi',
                  restartCount: 0,
                  state: phase === 'Succeeded' || phase === 'Failed' ? { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt } } : { running: {} },
                },
              ],
            },
          },
    )
  }
  running(): ReadonlyArray<string> {
    return this.pods.filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending').map((p) => p.metadata.name ?? '')
  }
}

describe('the seed pi Job (parallelism 2, completions 4, backoffLimit 4)', () => {
  it('creates 2 pods, one more per success, and completes at 4/4', () => {
    const world = new World(piManifest({ parallelism: 2, completions: 4, backoffLimit: 4 }))
    expect(world.job.spec.selector?.matchLabels?.['batch.kubernetes.io/controller-uid']).toBe(world.job.metadata.uid)
    expect(actionsOf(world.sync(at(0)), 'CreatePod')).toHaveLength(2)
    for (const name of world.running()) world.setPhase(name, 'Running', iso(2))
    expect(actionsOf(world.sync(at(3)), 'CreatePod')).toHaveLength(0)
    expect(describeJobStatuses(world.job)).toBe('2 Active (0 Ready) / 0 Succeeded / 0 Failed')

    const created: number[] = []
    let second = 10
    while (!isJobFinished(world.job) && second < 200) {
      const [first] = world.running()
      if (first !== undefined) world.setPhase(first, 'Succeeded', iso(second))
      const plan = world.sync(at(second + 1))
      created.push(actionsOf(plan, 'CreatePod').length)
      for (const name of world.running()) world.setPhase(name, 'Running', iso(second + 2))
      second += 10
    }
    expect(created).toEqual([1, 1, 0, 0])
    expect(world.pods).toHaveLength(4)
    expect(world.job.status?.succeeded).toBe(4)
    expect(world.job.status?.completionTime).toBe(iso(41))
    expect(conditionsOf(world.job.status).map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'SuccessCriteriaMet=True/CompletionsReached',
      'Complete=True/CompletionsReached',
    ])
    expect(world.pods.every((p) => (p.metadata.finalizers ?? []).length === 0)).toBe(true)
    expect(describeJobStatuses(world.job)).toBe('0 Active (0 Ready) / 4 Succeeded / 0 Failed')
    // A finished job is left alone: the next sync plans nothing.
    expect(world.sync(at(500)).actions).toEqual([])
  })

  it('stops at backoffLimit with BackoffLimitExceeded when its pods keep failing', () => {
    const world = new World(piManifest({ backoffLimit: 4 }))
    let now = 0
    let creations = actionsOf(world.sync(at(now)), 'CreatePod').length
    const delays: number[] = []
    while (!isJobFinished(world.job) && now < 10_000) {
      for (const name of world.running()) world.setPhase(name, 'Failed', iso(now + 1))
      now += 2
      const failedPlan = world.sync(at(now))
      creations += actionsOf(failedPlan, 'CreatePod').length
      const delay = actionsOf(failedPlan, 'Requeue')[0]?.afterSeconds
      if (delay === undefined) continue
      delays.push(delay)
      now += delay
      creations += actionsOf(world.sync(at(now)), 'CreatePod').length
    }
    expect(creations).toBe(5)
    expect(world.job.status?.failed).toBe(5)
    // 10 s doubling from each failure's finish time, observed one second later.
    expect(delays).toEqual([9, 19, 39, 79])
    expect(conditionsOf(world.job.status).map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'FailureTarget=True/BackoffLimitExceeded',
      'Failed=True/BackoffLimitExceeded',
    ])
    expect(world.job.status?.completionTime).toBeUndefined()
  })

  it('fails with DeadlineExceeded past activeDeadlineSeconds and deletes its active pods', () => {
    const world = new World(piManifest({ parallelism: 2, completions: 4, activeDeadlineSeconds: 100 }))
    const first = world.sync(at(0))
    expect(actionsOf(first, 'Requeue').map((r) => r.afterSeconds)).toEqual([100])
    for (const name of world.running()) world.setPhase(name, 'Running', iso(2))
    const past = world.sync(at(100))
    expect(actionsOf(past, 'DeletePod').map((d) => d.reason)).toEqual(['DeadlineExceeded', 'DeadlineExceeded'])
    expect(conditionsOf(world.job.status).map((c) => c.type)).toEqual(['FailureTarget'])
    expect(world.job.status?.terminating).toBe(2)
    expect(world.job.status?.failed).toBe(2)
    const warning = actionsOf(world.sync(at(101)), 'RecordEvent').find((e) => e.eventType === 'Warning')
    expect(warning).toEqual(expect.objectContaining({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }))
    expect(conditionsOf(world.job.status)).toEqual([
      { type: 'FailureTarget', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
      { type: 'Failed', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
    ])
    expect(world.pods).toHaveLength(0)
  })
})
