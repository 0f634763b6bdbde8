import type { JobCondition, JobStatus, PodFailurePolicy } from '../api/job'
import type { Pod, PodPhase } from '../api/pod'
import { actionsOf } from '../plan'
import type { BackoffRecord } from './backoff'
import { completionIndexOf } from './completionIndex'
import { nextJobBackoff, reconcileJob } from './reconcileJob'
import { slowStartBatchSizes } from './planPodChanges'
import { aJob, at, conditionsOf, finalStatus, finalizerPatches, indexedPods, iso, podsByPhase, t0 } from './testing/fixtures'

const completionsReached = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' }
const backoffLimit = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }
const cond = (type: string, status: string, r: { reason: string; message: string }) => ({ type, status, ...r })
const complete = [cond('SuccessCriteriaMet', 'True', completionsReached), cond('Complete', 'True', completionsReached)]

interface SyncCase {
  readonly parallelism: number
  readonly completions: number
  readonly backoffLimit?: number
  readonly indexed?: boolean
  readonly deleting?: boolean
  readonly suspend?: boolean
  readonly wasSuspended?: boolean
  readonly podReplacementPolicy?: string
  readonly podFailurePolicy?: PodFailurePolicy
  readonly initialStatus?: JobStatus
  readonly backoff?: BackoffRecord
  readonly unsatisfied?: boolean
  readonly pending?: number
  readonly active?: number
  readonly ready?: number
  readonly succeeded?: number
  readonly failed?: number
  readonly terminating?: number
  readonly withIndexes?: ReadonlyArray<readonly [string, PodPhase]>
  // expectations (Kubernetes ≥ 1.31 defaults: terminal conditions delayed, terminating counted)
  readonly creations?: number
  readonly deletions?: number
  readonly wantActive?: number
  readonly wantReady?: number
  readonly wantSucceeded?: number
  readonly wantFailed?: number
  readonly wantTerminating?: number
  readonly wantCompletedIndexes?: string
  readonly wantConditions?: ReadonlyArray<{ type: string; status: string; reason: string; message: string }>
  readonly createdIndexes?: ReadonlyArray<number>
  readonly patches?: number
  readonly requeueSeconds?: number
}

/** TestControllerSyncJob (job_controller_test.go), expectations as with the 1.31+ feature gates. */
const cases: Readonly<Record<string, SyncCase>> = {
  'job start': { parallelism: 2, completions: 5, backoffLimit: 6, creations: 2, wantActive: 2 },
  'WQ job start': { parallelism: 2, completions: -1, backoffLimit: 6, creations: 2, wantActive: 2 },
  'pending pods': { parallelism: 2, completions: 5, backoffLimit: 6, pending: 2, wantActive: 2 },
  'correct # of pods': { parallelism: 3, completions: 5, backoffLimit: 6, active: 3, ready: 2, wantActive: 3, wantReady: 2 },
  'WQ job: correct # of pods': { parallelism: 2, completions: -1, backoffLimit: 6, active: 2, wantActive: 2 },
  'too few active pods': { parallelism: 2, completions: 5, backoffLimit: 6, active: 1, succeeded: 1, creations: 1, wantActive: 2, wantSucceeded: 1, patches: 1 },
  'WQ job: recreate pods when failed': {
    parallelism: 1, completions: -1, backoffLimit: 6, active: 1, failed: 1, terminating: 1, podReplacementPolicy: 'Failed',
    wantTerminating: 1, patches: 1, wantFailed: 1, wantActive: 1,
  },
  'WQ job: turn on PodReplacementPolicy but not set PodReplacementPolicy': {
    parallelism: 1, completions: 1, backoffLimit: 6, active: 1, failed: 1, terminating: 1,
    wantTerminating: 1, wantActive: 1, patches: 2, wantFailed: 2,
  },
  'WQ job: recreate pods when terminating or failed': {
    parallelism: 1, completions: -1, backoffLimit: 6, active: 1, failed: 1, terminating: 1, podReplacementPolicy: 'TerminatingOrFailed',
    wantTerminating: 1, wantActive: 1, patches: 2, wantFailed: 2,
  },
  'more terminating pods than parallelism': {
    parallelism: 1, completions: 1, backoffLimit: 6, active: 2, terminating: 4, podReplacementPolicy: 'Failed',
    wantTerminating: 5, wantActive: 1, deletions: 1, patches: 1,
  },
  'more terminating pods than parallelism; PodFailurePolicy used': {
    parallelism: 1, completions: 1, backoffLimit: 6, active: 2, terminating: 4, podFailurePolicy: {}, podReplacementPolicy: 'Failed',
    wantTerminating: 5, wantActive: 1, deletions: 1, patches: 1,
  },
  'too few active pods and active back-off': {
    parallelism: 1, completions: 1, backoffLimit: 6, backoff: { failuresAfterLastSuccess: 1, lastFailureTime: t0 },
    initialStatus: { startTime: iso(0) }, creations: 0, wantActive: 0, requeueSeconds: 10,
  },
  'too few active pods and no back-offs': {
    parallelism: 1, completions: 1, backoffLimit: 6, backoff: { failuresAfterLastSuccess: 0, lastFailureTime: t0 }, creations: 1, wantActive: 1,
  },
  'too few active pods with a dynamic job': { parallelism: 2, completions: -1, backoffLimit: 6, active: 1, creations: 1, wantActive: 2 },
  'too many active pods': { parallelism: 2, completions: 5, backoffLimit: 6, active: 3, deletions: 1, wantActive: 2, patches: 1, wantTerminating: 1 },
  'count ready pods when too many active pods': {
    parallelism: 2, completions: 5, backoffLimit: 6, active: 3, ready: 3, deletions: 1, wantActive: 2, patches: 1, wantReady: 2, wantTerminating: 1,
  },
  'failed + succeed pods: reset backoff delay': {
    parallelism: 2, completions: 5, backoffLimit: 6, active: 1, succeeded: 1, failed: 1,
    creations: 1, wantActive: 2, wantSucceeded: 1, wantFailed: 1, patches: 2,
  },
  'new failed pod': { parallelism: 2, completions: 5, backoffLimit: 6, active: 1, failed: 1, creations: 1, wantActive: 2, wantFailed: 1, patches: 1 },
  'no new pod; possible finalizer update of failed pod': {
    parallelism: 1, completions: 1, backoffLimit: 6, initialStatus: { active: 1, failed: 1, startTime: iso(-10) }, active: 1, wantActive: 1, wantFailed: 1,
  },
  'job finish': { parallelism: 2, completions: 5, backoffLimit: 6, succeeded: 5, wantSucceeded: 5, wantConditions: complete, patches: 5 },
  'WQ job finishing': { parallelism: 2, completions: -1, backoffLimit: 6, active: 1, succeeded: 1, wantActive: 1, wantSucceeded: 1, patches: 1 },
  'WQ job all finished': { parallelism: 2, completions: -1, backoffLimit: 6, succeeded: 2, wantSucceeded: 2, wantConditions: complete, patches: 2 },
  'WQ job all finished despite one failure': {
    parallelism: 2, completions: -1, backoffLimit: 6, succeeded: 1, failed: 1, wantSucceeded: 1, wantFailed: 1, wantConditions: complete, patches: 2,
  },
  'more active pods than parallelism': { parallelism: 2, completions: 5, backoffLimit: 6, active: 10, deletions: 8, wantActive: 2, patches: 8, wantTerminating: 8 },
  'more active pods than remaining completions': {
    parallelism: 3, completions: 4, backoffLimit: 6, active: 3, succeeded: 2, deletions: 1, wantActive: 2, wantSucceeded: 2, patches: 3, wantTerminating: 1,
  },
  'status change': { parallelism: 2, completions: 5, backoffLimit: 6, active: 2, succeeded: 2, wantActive: 2, wantSucceeded: 2, patches: 2 },
  'deleting job': { parallelism: 2, completions: 5, backoffLimit: 6, deleting: true, pending: 1, active: 1, succeeded: 1, wantActive: 2, wantSucceeded: 1, patches: 3 },
  'too many job failures': {
    parallelism: 2, completions: 5, backoffLimit: 0, deleting: true, failed: 1, wantFailed: 1, patches: 1,
    wantConditions: [cond('FailureTarget', 'True', backoffLimit), cond('Failed', 'True', backoffLimit)],
  },
  'job failures, unsatisfied expectations': { parallelism: 2, completions: 5, backoffLimit: 0, deleting: true, failed: 1, unsatisfied: true, wantFailed: 1, patches: 1 },
  'indexed job start': { parallelism: 2, completions: 5, backoffLimit: 6, indexed: true, creations: 2, wantActive: 2, createdIndexes: [0, 1] },
  'indexed job with some pods deleted, podReplacementPolicy Failed': {
    parallelism: 2, completions: 5, backoffLimit: 6, indexed: true, podReplacementPolicy: 'Failed', terminating: 1,
    creations: 1, wantActive: 1, createdIndexes: [0], wantTerminating: 1,
  },
  'indexed job with some pods deleted, podReplacementPolicy TerminatingOrFailed': {
    parallelism: 2, completions: 5, backoffLimit: 6, indexed: true, podReplacementPolicy: 'TerminatingOrFailed', terminating: 1,
    creations: 2, wantActive: 2, createdIndexes: [0, 1], wantTerminating: 1, patches: 1,
  },
  'indexed job completed': {
    parallelism: 2, completions: 3, backoffLimit: 6, indexed: true,
    withIndexes: [['0', 'Succeeded'], ['1', 'Failed'], ['1', 'Succeeded'], ['2', 'Succeeded']],
    wantSucceeded: 3, wantFailed: 1, wantCompletedIndexes: '0-2', wantConditions: complete, patches: 4,
  },
  'count terminating pods when indexed job fails and PodReplacementPolicy enabled': {
    parallelism: 2, completions: 3, backoffLimit: 0, indexed: true, withIndexes: [['0', 'Succeeded'], ['1', 'Failed'], ['2', 'Running']],
    wantSucceeded: 1, wantFailed: 2, wantCompletedIndexes: '0', wantConditions: [cond('FailureTarget', 'True', backoffLimit)],
    patches: 3, deletions: 1, wantTerminating: 1,
  },
  'count ready pods when job fails': {
    parallelism: 2, completions: 3, backoffLimit: 0, active: 2, ready: 2, failed: 1, wantFailed: 3,
    wantConditions: [cond('FailureTarget', 'True', backoffLimit)], patches: 3, wantReady: 0, deletions: 2, wantTerminating: 2,
  },
  'indexed job repeated completed index': {
    parallelism: 2, completions: 3, backoffLimit: 6, indexed: true, withIndexes: [['0', 'Succeeded'], ['1', 'Succeeded'], ['1', 'Succeeded']],
    creations: 1, wantActive: 1, wantSucceeded: 2, wantCompletedIndexes: '0,1', createdIndexes: [2], patches: 3,
  },
  'indexed job some running and completed pods': {
    parallelism: 8, completions: 20, backoffLimit: 6, indexed: true,
    withIndexes: [['0', 'Running'], ['2', 'Succeeded'], ['3', 'Pending'], ['4', 'Succeeded'], ['5', 'Succeeded'], ['7', 'Succeeded'], ['8', 'Succeeded'], ['9', 'Succeeded']],
    creations: 6, wantActive: 8, wantSucceeded: 6, wantCompletedIndexes: '2,4,5,7-9', createdIndexes: [1, 6, 10, 11, 12, 13], patches: 6,
  },
  'indexed job some failed pods': {
    parallelism: 3, completions: 4, backoffLimit: 6, indexed: true, withIndexes: [['0', 'Failed'], ['1', 'Pending'], ['2', 'Failed']],
    creations: 2, wantActive: 3, wantFailed: 2, createdIndexes: [0, 2], patches: 2,
  },
  'indexed job some pods without index': {
    parallelism: 2, completions: 5, backoffLimit: 6, indexed: true, active: 1, succeeded: 1, failed: 1,
    withIndexes: [['invalid', 'Running'], ['invalid', 'Succeeded'], ['invalid', 'Failed'], ['invalid', 'Pending'], ['0', 'Succeeded'], ['1', 'Running'], ['2', 'Running']],
    deletions: 3, wantActive: 2, wantSucceeded: 1, wantCompletedIndexes: '0', patches: 8, wantTerminating: 3,
  },
  'indexed job repeated indexes': {
    parallelism: 5, completions: 5, backoffLimit: 6, indexed: true, succeeded: 1, failed: 1,
    withIndexes: [['invalid', 'Running'], ['0', 'Succeeded'], ['1', 'Running'], ['2', 'Running'], ['2', 'Pending']],
    deletions: 2, wantActive: 2, wantSucceeded: 1, wantCompletedIndexes: '0', patches: 5, wantTerminating: 2,
  },
  'indexed job with indexes outside of range': {
    parallelism: 2, completions: 5, backoffLimit: 6, indexed: true,
    withIndexes: [['0', 'Succeeded'], ['5', 'Running'], ['6', 'Succeeded'], ['7', 'Pending'], ['8', 'Failed']],
    wantSucceeded: 1, deletions: 2, wantCompletedIndexes: '0', wantActive: 0, patches: 5, wantTerminating: 2,
  },
  'suspending a job with satisfied expectations': {
    suspend: true, parallelism: 2, completions: 4, backoffLimit: 6, active: 2, deletions: 2, wantActive: 0, patches: 2, wantTerminating: 2,
    wantConditions: [cond('Suspended', 'True', { reason: 'JobSuspended', message: 'Job suspended' })],
  },
  'count ready pods when suspending a job with satisfied expectations': {
    suspend: true, parallelism: 2, completions: 4, backoffLimit: 6, active: 2, ready: 2, deletions: 2, wantActive: 0, wantReady: 0, patches: 2, wantTerminating: 2,
    wantConditions: [cond('Suspended', 'True', { reason: 'JobSuspended', message: 'Job suspended' })],
  },
  'suspending a job with unsatisfied expectations': { suspend: true, parallelism: 2, completions: 4, backoffLimit: 6, active: 3, unsatisfied: true, wantActive: 3 },
  'count ready pods when suspending a job with unsatisfied expectations': {
    suspend: true, parallelism: 2, completions: 4, backoffLimit: 6, active: 3, ready: 3, unsatisfied: true, wantActive: 3, wantReady: 3,
  },
  'resuming a suspended job': {
    wasSuspended: true, parallelism: 2, completions: 4, backoffLimit: 6, creations: 2, wantActive: 2,
    wantConditions: [cond('Suspended', 'False', { reason: 'JobResumed', message: 'Job resumed' })],
  },
  'suspending a deleted job': { suspend: true, deleting: true, parallelism: 2, completions: 4, backoffLimit: 6, active: 2, wantActive: 2, patches: 2 },
  'FailureTarget=False condition added manually is ignored': {
    parallelism: 1, completions: 1, backoffLimit: 6, active: 1, ready: 1, wantActive: 1, wantReady: 1,
    initialStatus: { active: 1, startTime: iso(0), conditions: [{ type: 'FailureTarget', status: 'False', reason: 'ConditionAddedManually', message: 'Testing' }] },
    wantConditions: [cond('FailureTarget', 'False', { reason: 'ConditionAddedManually', message: 'Testing' })],
  },
  'SuccessCriteriaMet=False condition added manually is ignored': {
    parallelism: 1, completions: 1, backoffLimit: 6, active: 1, ready: 1, wantActive: 1, wantReady: 1,
    initialStatus: { active: 1, startTime: iso(0), conditions: [{ type: 'SuccessCriteriaMet', status: 'False', reason: 'ConditionAddedManually', message: 'Testing' }] },
    wantConditions: [cond('SuccessCriteriaMet', 'False', { reason: 'ConditionAddedManually', message: 'Testing' })],
  },
}

const suspendedCondition: JobCondition = { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastTransitionTime: iso(-60) }

describe('TestControllerSyncJob', () => {
  it.each(Object.entries(cases))('%s', (_name, tc) => {
    const base = aJob(tc.parallelism, tc.completions, tc.backoffLimit ?? 0, {
      completionMode: tc.indexed === true ? 'Indexed' : 'NonIndexed',
      suspend: tc.suspend ?? false,
      ...(tc.podReplacementPolicy !== undefined ? { podReplacementPolicy: tc.podReplacementPolicy } : {}),
      ...(tc.podFailurePolicy !== undefined ? { podFailurePolicy: tc.podFailurePolicy } : {}),
      ...(tc.deleting === true ? { deleting: true } : {}),
    })
    const status: JobStatus = {
      ...tc.initialStatus,
      ...(tc.wasSuspended === true ? { conditions: [...(tc.initialStatus?.conditions ?? []), suspendedCondition] } : {}),
    }
    const job = { ...base, ...(Object.keys(status).length > 0 ? { status } : {}) }
    const podList: ReadonlyArray<Pod> = [
      ...podsByPhase(job, {
        pending: tc.pending ?? 0,
        active: tc.active ?? 0,
        ready: tc.ready ?? 0,
        succeeded: tc.succeeded ?? 0,
        failed: tc.failed ?? 0,
        terminating: tc.terminating ?? 0,
      }),
      ...indexedPods(job, tc.withIndexes ?? []),
    ]
    const plan = reconcileJob({
      job,
      pods: podList,
      now: t0,
      expectationsSatisfied: tc.unsatisfied !== true,
      ...(tc.backoff !== undefined ? { backoff: tc.backoff } : {}),
    })
    const created = actionsOf(plan, 'CreatePod')
    expect(created).toHaveLength(tc.creations ?? 0)
    expect(actionsOf(plan, 'DeletePod')).toHaveLength(tc.deletions ?? 0)
    for (const c of created) {
      expect(c.pod.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'foobar', uid: 'job-uid', controller: true, blockOwnerDeletion: true }])
      if (tc.indexed === true) {
        const index = completionIndexOf(c.pod)
        expect(c.pod.spec.hostname).toBe(`foobar-${index}`)
        expect(c.pod.metadata.generateName).toBe(`foobar-${index}-`)
        expect(c.pod.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe(String(index))
      } else {
        expect(c.pod.metadata.generateName).toBe('foobar-')
        expect(c.pod.spec.hostname).toBeUndefined()
      }
    }
    if (tc.createdIndexes !== undefined) expect(created.map((c) => completionIndexOf(c.pod)).sort((a, b) => a - b)).toEqual(tc.createdIndexes)
    const actual = finalStatus(plan) ?? job.status
    expect(actual?.active ?? 0).toBe(tc.wantActive ?? 0)
    expect(actual?.ready).toBe(tc.wantReady ?? 0)
    expect(actual?.succeeded ?? 0).toBe(tc.wantSucceeded ?? 0)
    expect(actual?.failed ?? 0).toBe(tc.wantFailed ?? 0)
    expect(actual?.terminating).toBe(tc.wantTerminating ?? 0)
    expect(actual?.completedIndexes ?? '').toBe(tc.wantCompletedIndexes ?? '')
    expect(actual?.startTime == null).toBe(tc.suspend === true)
    expect(conditionsOf(actual)).toEqual(tc.wantConditions ?? [])
    expect(finalizerPatches(plan)).toBe(tc.patches ?? 0)
    const requeues = actionsOf(plan, 'Requeue')
    if (tc.requeueSeconds !== undefined) expect(requeues.map((r) => r.afterSeconds)).toEqual([tc.requeueSeconds])
  })
})

describe('manageJob limits', () => {
  it('creates at most MaxPodCreateDeletePerSync (500) pods per sync', () => {
    const job = aJob(1000, 2000, 6)
    expect(actionsOf(reconcileJob({ job, pods: [], now: t0 }), 'CreatePod')).toHaveLength(500)
  })

  it('deletes at most 500 pods per sync on scale-down, removing the finalizer first', () => {
    const job = aJob(0, 2000, 6)
    const plan = reconcileJob({ job, pods: podsByPhase(job, { active: 600 }), now: t0 })
    expect(actionsOf(plan, 'DeletePod')).toHaveLength(500)
    const first = plan.actions.findIndex((a) => a.type === 'UpdatePod')
    const firstDelete = plan.actions.findIndex((a) => a.type === 'DeletePod')
    expect(first).toBeLessThan(firstDelete)
    expect(actionsOf(plan, 'DeletePod').every((d) => d.reason === 'ScaleDown')).toBe(true)
  })

  it('suspending deletes every active pod with no cap', () => {
    const job = aJob(600, 2000, 6, { suspend: true })
    expect(actionsOf(reconcileJob({ job, pods: podsByPhase(job, { active: 600 }), now: t0 }), 'DeletePod')).toHaveLength(600)
  })

  it('deletes the least progressed pods first (unscheduled, pending, not ready)', () => {
    const job = aJob(1, 5, 6)
    const [a, b, c] = podsByPhase(job, { active: 3, ready: 1 })
    const scheduled = { ...b!, spec: { ...b!.spec, nodeName: 'node-1' } }
    const pending = { ...c!, status: { ...c!.status, phase: 'Pending' as const }, spec: { ...c!.spec, nodeName: 'node-1' } }
    const readyScheduled = { ...a!, spec: { ...a!.spec, nodeName: 'node-1' } }
    const plan = reconcileJob({ job, pods: [readyScheduled, scheduled, pending], now: t0 })
    expect(actionsOf(plan, 'DeletePod').map((d) => d.name)).toEqual([pending.metadata.name, scheduled.metadata.name])
  })

  it('requeues a Job with activeDeadlineSeconds for the remaining time', () => {
    const job = aJob(1, 1, 6, { activeDeadlineSeconds: 100, status: { startTime: iso(-40) } })
    const plan = reconcileJob({ job, pods: podsByPhase(job, { active: 1 }), now: t0 })
    expect(actionsOf(plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([60])
  })

  it('backoff-deferred creation requeues after the remaining delay, at least 1 s', () => {
    const job = aJob(1, 1, 6, { status: { startTime: iso(-60) } })
    const nearlyDone = reconcileJob({ job, pods: [], now: at(0), backoff: { failuresAfterLastSuccess: 1, lastFailureTime: at(-9.5) } })
    expect(actionsOf(nearlyDone, 'Requeue').map((r) => r.afterSeconds)).toEqual([1])
    const third = reconcileJob({ job, pods: [], now: at(0), backoff: { failuresAfterLastSuccess: 3, lastFailureTime: at(-5) } })
    expect(actionsOf(third, 'Requeue').map((r) => r.afterSeconds)).toEqual([35])
    expect(actionsOf(third, 'CreatePod')).toHaveLength(0)
  })
})

describe('edge cases of the reference (§14)', () => {
  it('completions: 0 completes at once without pods', () => {
    const job = aJob(1, 0, 6)
    const plan = reconcileJob({ job, pods: [], now: t0 })
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(0)
    expect(conditionsOf(finalStatus(plan)).map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete'])
  })

  it('parallelism: 0 pauses a job without suspending it', () => {
    const job = aJob(0, 5, 6)
    const plan = reconcileJob({ job, pods: podsByPhase(job, { active: 2 }), now: t0 })
    expect(actionsOf(plan, 'DeletePod')).toHaveLength(2)
    expect(conditionsOf(finalStatus(plan))).toEqual([])
  })

  it('a pod deleted by someone else counts as failed at once (TerminatingOrFailed); its replacement waits out the backoff', () => {
    const job = aJob(1, 1, 6)
    // Deleted a second ago: the deletion timestamp is its finish time, so 9 s of the 10 s backoff remain.
    const plan = reconcileJob({ job, pods: podsByPhase(job, { terminating: 1 }), now: t0 })
    expect(finalStatus(plan)).toEqual(expect.objectContaining({ failed: 1, terminating: 1, active: 0 }))
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(0)
    expect(actionsOf(plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([9])
    const pods = podsByPhase(job, { terminating: 1 })
    const backoff = nextJobBackoff({ job, pods, now: t0 })
    // The pod is gone once its finalizer is removed; the backoff record is the controller's memory.
    const later = reconcileJob({ job: { ...job, status: finalStatus(reconcileJob({ job, pods, now: t0 })) ?? {} }, pods: [], now: at(10), backoff })
    expect(actionsOf(later, 'CreatePod')).toHaveLength(1)
  })

  it('a second sync over the applied plan writes nothing new', () => {
    const job = aJob(2, 5, 6)
    const pods = podsByPhase(job, { active: 2 })
    const first = reconcileJob({ job, pods, now: t0 })
    const again = reconcileJob({ job: { ...job, status: finalStatus(first) ?? {} }, pods, now: at(1) })
    expect(again.actions).toEqual([])
  })

  it('nextJobBackoff keeps the record upstream keeps in memory', () => {
    const job = aJob(1, 1, 6)
    const failed = podsByPhase(job, { failed: 2 })
    expect(nextJobBackoff({ job, pods: failed, now: t0 })).toEqual({ failuresAfterLastSuccess: 2, lastFailureTime: Date.parse('0001-01-01T00:00:01Z') })
  })

  it('slow-start batches: 1, 2, 4, … with the last one truncated', () => {
    expect(slowStartBatchSizes(10)).toEqual([1, 2, 4, 3])
    expect(slowStartBatchSizes(0)).toEqual([])
  })
})
