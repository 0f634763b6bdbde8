import * as path from 'node:path'
import { makeInstant, type Job, type Pod } from '../core/api'
import { isJobFinished } from '../core/job'
import { actionsOf } from '../core/plan'
import { decodeAll } from '../adapters/cli/decodeAll'
import { loadManifests } from '../adapters/cli/loadManifests'
import { jobHistoryInvariants } from './invariants/job'
import type { JobStep } from './invariants/jobSteps'
import { jobWorldOf, playJobRound, syncJobWorld, type JobSyncRecord, type JobWorld } from './invariants/jobWorld'

const example = (name: string): Job => {
  const loaded = loadManifests([path.resolve(__dirname, '../examples/patterns', name)], () => '')
  const decoded = loaded.ok ? decodeAll(loaded.objects) : undefined
  const [manifest] = decoded?.ok === true ? decoded.manifests : []
  if (manifest?._tag !== 'Job') throw new Error(`${name} should hold a valid Job`)
  return manifest.object
}

const start = makeInstant(Date.parse('2026-01-01T00:00:00Z'))
const step = (tag: 'Start' | 'Succeed' | 'Fail' | 'Crash' | 'Delete', pick = 0): JobStep => ({ _tag: tag, pick })

/** A controller loop over the pure world: each call plays the steps, lets `seconds` pass and syncs. */
class Cluster {
  world: JobWorld
  records: JobSyncRecord[] = []
  constructor(job: Job) {
    this.world = jobWorldOf(job, start)
    this.sync([], 0)
  }
  sync(steps: ReadonlyArray<JobStep>, seconds = 2): JobSyncRecord {
    const record = syncJobWorld(playJobRound(this.world, { steps, advanceSeconds: seconds }))
    this.records.push(record)
    this.world = record.after
    return record
  }
  /** Starts every pending pod, so the next steps find them Running. */
  startAll(): void {
    const pending = this.pods().filter((p) => p.status?.phase === 'Pending').length
    this.sync(Array.from({ length: pending }, () => step('Start')), 1)
  }
  pods(): ReadonlyArray<Pod> {
    return this.world.pods
  }
  active(): number {
    return this.pods().filter((p) => (p.status?.phase === 'Pending' || p.status?.phase === 'Running') && p.metadata.deletionTimestamp == null).length
  }
  conditions(): ReadonlyArray<string> {
    return (this.world.job.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => `${c.type}/${c.reason ?? ''}`)
  }
  created(): number {
    return this.records.reduce((n, r) => n + actionsOf(r.plan, 'CreatePod').length, 0)
  }
}

describe('job-wq-1: a work queue with a fixed number of tasks (completions 8, parallelism 2, OnFailure)', () => {
  const job = example('job-wq-1.yaml')

  it('decodes as the seed wrote it', () => {
    expect(job.spec).toMatchObject({ completions: 8, parallelism: 2, backoffLimit: 6, completionMode: 'NonIndexed' })
    expect(job.spec.template.spec.restartPolicy).toBe('OnFailure')
  })

  it('runs two pods at a time and completes at exactly 8 successes, one success at a time', () => {
    const c = new Cluster(job)
    expect(c.created()).toBe(2)
    const succeededSeen: number[] = []
    while (!isJobFinished(c.world.job) && c.records.length < 60) {
      c.startAll()
      expect(c.active()).toBeLessThanOrEqual(2)
      c.sync([step('Succeed')])
      expect(c.active()).toBeLessThanOrEqual(2)
      succeededSeen.push(c.world.job.status?.succeeded ?? 0)
      if ((c.world.job.status?.succeeded ?? 0) < 8) expect(isJobFinished(c.world.job)).toBe(false)
    }
    expect(succeededSeen).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(c.conditions()).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached'])
    expect(c.created()).toBe(8)
    expect(c.world.job.status).toMatchObject({ active: 0, succeeded: 8, failed: 0 })
    expect(jobHistoryInvariants(c.records)).toEqual({ ok: true })
  })

  it('never goes past 8 when both pods finish together, and never runs more pods than tasks remain', () => {
    const c = new Cluster(job)
    for (let round = 0; round < 4; round++) {
      c.startAll()
      c.sync([step('Succeed'), step('Succeed')])
      const remaining = 8 - (c.world.job.status?.succeeded ?? 0)
      expect(c.active()).toBeLessThanOrEqual(Math.min(2, remaining))
    }
    expect(c.world.job.status).toMatchObject({ succeeded: 8, active: 0 })
    expect(c.conditions()).toContain('Complete/CompletionsReached')
    expect(c.created()).toBe(8)
    // A finished Job is left alone.
    expect(c.sync([], 60).plan.actions).toEqual([])
  })

  it('restarts containers in place under OnFailure (no new pods, no failed pods), and still completes', () => {
    const c = new Cluster(job)
    c.startAll()
    c.sync([step('Crash'), step('Crash', 1)])
    expect(c.created()).toBe(2)
    expect(c.world.job.status?.failed).toBe(0)
    while (!isJobFinished(c.world.job) && c.records.length < 60) {
      c.startAll()
      c.sync([step('Succeed')])
    }
    expect(c.world.job.status).toMatchObject({ succeeded: 8, failed: 0 })
    expect(jobHistoryInvariants(c.records)).toEqual({ ok: true })
  })
})

describe('job-wq-2: a work queue of unknown length (parallelism 2, no completions)', () => {
  const job = example('job-wq-2.yaml')

  it('decodes as a work-queue Job: completions unset', () => {
    expect(job.spec.completions).toBeUndefined()
    expect(job.spec.parallelism).toBe(2)
  })

  it('replaces failed pods before the first success, creates none after it, and completes once none is active', () => {
    const c = new Cluster(job)
    expect(c.created()).toBe(2)
    c.startAll()
    // A pod is evicted before any task is done: it is replaced (after the 10 s backoff).
    c.sync([step('Fail')])
    expect(c.created()).toBe(2)
    c.sync([], 11)
    expect(c.created()).toBe(3)
    c.startAll()
    // The first pod finds the queue empty and exits 0: nothing new from now on.
    c.sync([step('Succeed')])
    expect(c.world.job.status).toMatchObject({ succeeded: 1, active: 1 })
    expect(isJobFinished(c.world.job)).toBe(false)
    // The other pod fails: still no replacement, and with no pod left active the Job is complete.
    c.sync([step('Fail')])
    c.sync([], 30)
    expect(c.created()).toBe(3)
    expect(c.world.job.status).toMatchObject({ succeeded: 1, failed: 2, active: 0 })
    expect(c.conditions()).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached'])
    expect(jobHistoryInvariants(c.records)).toEqual({ ok: true })
  })

  it('waits for the last active pod after a success, then completes when it succeeds too', () => {
    const c = new Cluster(job)
    c.startAll()
    c.sync([step('Succeed')])
    expect(c.world.job.status).toMatchObject({ succeeded: 1, active: 1 })
    for (let i = 0; i < 3; i++) {
      c.sync([], 30)
      expect(c.created()).toBe(2)
      expect(isJobFinished(c.world.job)).toBe(false)
    }
    c.sync([step('Succeed')])
    expect(c.world.job.status).toMatchObject({ succeeded: 2, active: 0, failed: 0 })
    expect(c.conditions()).toContain('Complete/CompletionsReached')
  })

  it('a Job with parallelism 2 and no pod success never completes on failures alone', () => {
    const c = new Cluster(job)
    for (let i = 0; i < 4; i++) {
      c.startAll()
      c.sync([step('Fail')], 700)
      expect(c.active()).toBeLessThanOrEqual(2)
    }
    expect(c.conditions().some((x) => x.startsWith('Complete'))).toBe(false)
  })
})
