import * as fs from 'node:fs'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import { parse } from 'yaml'
import { decodeManifest, formatInstant, makeInstant, type Job } from '../core/api'
import { describeJobStatuses } from '../core/job'
import { actionsOf, type Action, type Plan } from '../core/plan'
import type { CliIo } from '../adapters/cli/io'
import { main } from '../adapters/cli/main'
import type { JobStep } from './invariants/jobSteps'
import { applyJobPlan, jobWorldOf, playJobRound, type JobWorld } from './invariants/jobWorld'

/**
 * Issue 3's "done when", through the public CLI: each sync is `kuberules plan` over a snapshot
 * (a v1 List of the Job and its pods on standard input), its JSON actions applied as the API
 * server would, then the kubelet's part. Each `plan` is a freshly started controller.
 */
const root = path.resolve(__dirname, '..')
const start = makeInstant(Date.parse('2026-01-01T00:00:00Z'))

const cli = async (args: ReadonlyArray<string>, stdin = '') => {
  let out = ''
  let err = ''
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), readStdin: () => stdin, now: () => start }
  const code = await main(['node', 'kuberules', ...args], io)
  return { code, out, err }
}

/** The seed's pi Job from examples/seed/pi-job.yaml, with spec overrides. */
const pi = (spec: Record<string, unknown> = {}): Job => {
  const raw = parse(fs.readFileSync(path.join(root, 'examples/seed/pi-job.yaml'), 'utf8')) as { spec: Record<string, unknown> }
  const decoded = decodeManifest({ ...raw, spec: { ...raw.spec, ...spec } })
  if (E.isLeft(decoded) || decoded.right._tag !== 'Job') throw new Error('pi-job.yaml should decode')
  return decoded.right.object
}

class Story {
  world: JobWorld
  plans: Plan[] = []
  constructor(job: Job) {
    this.world = jobWorldOf(job, start)
  }
  /** `kuberules plan` on the current snapshot, applied. */
  async plan(): Promise<Plan> {
    const snapshot = { apiVersion: 'v1', kind: 'List', items: [this.world.job, ...this.world.pods] }
    const r = await cli(['plan', '-f', '-', '--now', formatInstant(this.world.now), '-o', 'json'], JSON.stringify(snapshot))
    if (r.code !== 0) throw new Error(r.err)
    const plan: Plan = { actions: (JSON.parse(r.out) as { actions: Action[] }).actions }
    this.plans.push(plan)
    this.world = applyJobPlan(this.world, plan)
    return plan
  }
  /** The kubelet's part, then time passes. */
  kubelet(seconds: number, ...steps: JobStep[]): void {
    this.world = playJobRound(this.world, { steps, advanceSeconds: seconds })
  }
  startAll(seconds = 2): void {
    const pending = this.world.pods.filter((p) => p.status?.phase === 'Pending').length
    this.kubelet(seconds, ...Array.from({ length: pending }, (): JobStep => ({ _tag: 'Start', pick: 0 })))
  }
  conditions(): ReadonlyArray<string> {
    return (this.world.job.status?.conditions ?? []).map((c) => `${c.type}=${c.status}/${c.reason ?? ''}`)
  }
}

const creates = (plan: Plan): number => actionsOf(plan, 'CreatePod').length

describe('done when: the seed pi Job (parallelism 2, completions 4, backoffLimit 4) through `kuberules plan`', () => {
  it('creates 2 pods, then one more per success, and completes at 4/4 with Complete', async () => {
    const s = new Story(pi())
    expect(creates(await s.plan())).toBe(2)
    s.startAll()
    expect(creates(await s.plan())).toBe(0)
    expect(describeJobStatuses(s.world.job)).toBe('2 Active (2 Ready) / 0 Succeeded / 0 Failed')
    const perSuccess: number[] = []
    for (let i = 0; i < 4; i++) {
      s.kubelet(10, { _tag: 'Succeed', pick: 0 })
      perSuccess.push(creates(await s.plan()))
      s.startAll()
    }
    expect(perSuccess).toEqual([1, 1, 0, 0])
    expect(s.world.pods).toHaveLength(4)
    expect(s.world.job.status).toMatchObject({ succeeded: 4, failed: 0, active: 0, completionTime: expect.any(String) })
    expect(s.conditions()).toEqual(['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached'])
    expect(describeJobStatuses(s.world.job)).toBe('0 Active (0 Ready) / 4 Succeeded / 0 Failed')
    const events = actionsOf(s.plans[s.plans.length - 1]!, 'RecordEvent').map((e) => `${e.eventType} ${e.reason} ${e.message}`)
    expect(events).toEqual(['Normal Completed Job completed'])
    expect(s.world.pods.every((p) => (p.metadata.finalizers ?? []).length === 0)).toBe(true)
    expect((await s.plan()).actions).toEqual([])
  })

  it('stops at backoffLimit with BackoffLimitExceeded when its pods keep failing (the 5th failure)', async () => {
    const s = new Story(pi())
    await s.plan()
    const failedSeen: number[] = []
    let verdict: Plan | undefined
    while (verdict === undefined && s.plans.length < 30) {
      s.startAll()
      s.kubelet(15, { _tag: 'Fail', pick: 0 })
      const plan = await s.plan()
      failedSeen.push(s.world.job.status?.failed ?? 0)
      // Each `plan` is a fresh controller: its backoff record holds only this sync's failure, whose
      // 10 s have passed (it finished 15 s ago), so the pod is replaced at once (reference §14).
      if (s.conditions().some((c) => c.startsWith('FailureTarget'))) verdict = plan
      else expect(creates(plan)).toBe(1)
    }
    // The 5th failure (failed > 4) decides; the other pod, still running, is deleted and counted as
    // failed in the same sync (a failing Job counts every unfinished pod), so 4 → 6.
    expect(failedSeen).toEqual([1, 2, 3, 4, 6])
    expect(actionsOf(verdict!, 'DeletePod').map((d) => d.reason)).toEqual(['BackoffLimitExceeded'])
    // Failed waits until that pod has terminated (reference §10.3).
    expect(s.conditions()).toEqual(['FailureTarget=True/BackoffLimitExceeded'])
    expect(s.world.job.status?.terminating).toBe(1)
    s.kubelet(5, { _tag: 'Terminate', pick: 0 })
    const final = await s.plan()
    expect(s.conditions()).toEqual(['FailureTarget=True/BackoffLimitExceeded', 'Failed=True/BackoffLimitExceeded'])
    expect(actionsOf(final, 'RecordEvent').map((e) => `${e.eventType} ${e.reason} ${e.message}`)).toEqual([
      'Warning BackoffLimitExceeded Job has reached the specified backoff limit',
    ])
    expect(s.world.job.status?.completionTime).toBeUndefined()
    expect(s.world.job.status?.failed).toBe(6)
  })

  it('fails with DeadlineExceeded past activeDeadlineSeconds and deletes its active pods', async () => {
    const s = new Story(pi({ activeDeadlineSeconds: 100 }))
    const first = await s.plan()
    expect(actionsOf(first, 'Requeue').map((r) => r.afterSeconds)).toEqual([100])
    s.startAll(98)
    expect(actionsOf(await s.plan(), 'DeletePod')).toEqual([])
    s.kubelet(0)
    s.world = { ...s.world, now: makeInstant(start + 100_000) }
    const past = await s.plan()
    expect(actionsOf(past, 'DeletePod').map((d) => `${d.name} ${d.reason}`)).toEqual(s.world.pods.map((p) => `${p.metadata.name} DeadlineExceeded`))
    expect(s.conditions()).toEqual(['FailureTarget=True/DeadlineExceeded'])
    expect(s.world.job.status).toMatchObject({ active: 0, terminating: 2, failed: 2 })
    // The kubelet stops both pods within their grace period; then the Job is Failed and its pods are gone.
    s.kubelet(5, { _tag: 'Terminate', pick: 0 }, { _tag: 'Terminate', pick: 0 })
    const final = await s.plan()
    expect(s.conditions()).toEqual(['FailureTarget=True/DeadlineExceeded', 'Failed=True/DeadlineExceeded'])
    expect(actionsOf(final, 'RecordEvent').map((e) => e.reason)).toEqual(['DeadlineExceeded'])
    expect(s.world.pods).toEqual([])
  })

  it('plans the past-deadline snapshot of examples/patterns: both running pods deleted, not a second early', async () => {
    const file = path.join(root, 'examples/patterns/pi-past-deadline.yaml')
    const due = await cli(['plan', '-f', file, '--now', '2026-01-01T00:01:40Z', '-o', 'json'])
    expect(due.code).toBe(0)
    const actions = (JSON.parse(due.out) as { actions: Action[] }).actions
    expect(actions.filter((a) => a.type === 'DeletePod').map((a) => (a.type === 'DeletePod' ? `${a.name} ${a.reason}` : ''))).toEqual([
      'pi-deadline-bcdfg DeadlineExceeded',
      'pi-deadline-hjklm DeadlineExceeded',
    ])
    const early = await cli(['plan', '-f', file, '--now', '2026-01-01T00:01:39Z', '-o', 'json'])
    const earlyActions = (JSON.parse(early.out) as { actions: Action[] }).actions
    expect(earlyActions.filter((a) => a.type !== 'UpdateStatus')).toEqual([
      { type: 'Requeue', target: { kind: 'Job', namespace: 'default', name: 'pi-deadline' }, afterSeconds: 1 },
    ])
  })
})
