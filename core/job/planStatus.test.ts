import type { Job, JobCondition, JobStatus } from '../api/job'
import type { Pod } from '../api/pod'
import { uncountedSetsOf } from './countTerminated'
import { failedIndexesOf, podsWithDelayedDeletion } from './indexes'
import { parseIndexes } from './intervals'
import { hasBackoffLimitPerIndex, isIndexedJob } from './jobSpec'
import { planStatus } from './planStatus'
import { isActive, isTerminating } from './podState'
import { aJob, aPod, finalizerPatches, statusWrites, t0 } from './testing/fixtures'
import { failureVerdict, successVerdict, type Verdict } from './verdict'

/** The compared fields of a status write, as upstream's cmp.Diff sees them (times ignored). */
const view = (s: JobStatus) => ({
  active: s.active ?? 0,
  succeeded: s.succeeded ?? 0,
  failed: s.failed ?? 0,
  completedIndexes: s.completedIndexes ?? '',
  failedIndexes: s.failedIndexes ?? undefined,
  uncounted: { succeeded: s.uncountedTerminatedPods?.succeeded ?? [], failed: s.uncountedTerminatedPods?.failed ?? [] },
  conditions: (s.conditions ?? []).map((c) => c.type),
  completionTime: s.completionTime != null,
})
type View = ReturnType<typeof view>
const want = (v: Partial<Omit<View, 'uncounted'>> & { uncounted?: Partial<View['uncounted']> }): View => ({
  active: 0,
  succeeded: 0,
  failed: 0,
  completedIndexes: '',
  failedIndexes: undefined,
  conditions: [],
  completionTime: false,
  ...v,
  uncounted: { succeeded: [], failed: [], ...v.uncounted },
})

const failureTargetCond: JobCondition = { type: 'FailureTarget', status: 'True', reason: '', message: '' }
const succeededCond: JobCondition = { type: 'SuccessCriteriaMet', status: 'True', reason: '', message: '' }
// upstream's finishedCond: Complete/Failed mean the interim condition is already recorded.
const completed = successVerdict('', '', true)
const failedV = failureVerdict('', '', true)
const meetsSuccess = successVerdict('', '')

interface TrackCase {
  readonly job?: Job
  readonly pods: (job: Job) => ReadonlyArray<Pod>
  readonly verdict?: Verdict
  readonly expected?: ReadonlyArray<string>
  readonly needsFlush?: boolean
  readonly rmFinalizers: number
  readonly writes: ReadonlyArray<View>
}

const plain = (status: JobStatus = {}, extra: Parameters<typeof aJob>[3] = {}) => aJob(-1, -1, 6, { status, ...extra })
const indexed = (completions: number, status: JobStatus = {}, extra: Parameters<typeof aJob>[3] = {}) =>
  aJob(-1, completions, 6, { completionMode: 'Indexed', status, ...extra })

/** TestTrackJobStatusAndRemoveFinalizers (job_controller_test.go); API-error cases are out of a pure plan's reach. */
const cases: Readonly<Record<string, TrackCase>> = {
  'no updates': { pods: () => [], rmFinalizers: 0, writes: [] },
  'new active': { job: plain({ active: 1 }), pods: () => [], needsFlush: true, rmFinalizers: 0, writes: [want({ active: 1 })] },
  'track finished pods': {
    pods: (j) => [
      aPod(j, { uid: 'a', phase: 'Succeeded' }),
      aPod(j, { uid: 'b', phase: 'Failed' }),
      aPod(j, { uid: 'c', phase: 'Succeeded', deleting: true }),
      aPod(j, { uid: 'd', phase: 'Failed', deleting: true }),
      aPod(j, { uid: 'e', phase: 'Pending', deleting: true }),
      aPod(j, { phase: 'Pending' }),
      aPod(j, { phase: 'Running' }),
    ],
    rmFinalizers: 5,
    writes: [want({ uncounted: { succeeded: ['a', 'c'], failed: ['b', 'd', 'e'] } }), want({ succeeded: 2, failed: 3 })],
  },
  'past and new finished pods': {
    job: plain({ active: 1, succeeded: 2, failed: 3, uncountedTerminatedPods: { succeeded: ['a', 'e'], failed: ['b', 'f'] } }),
    pods: (j) => [
      aPod(j, { uid: 'e', phase: 'Succeeded', finalizer: false }),
      aPod(j, { phase: 'Failed', finalizer: false }),
      aPod(j, { phase: 'Pending', finalizer: false }),
      aPod(j, { uid: 'a', phase: 'Succeeded' }),
      aPod(j, { uid: 'b', phase: 'Failed' }),
      aPod(j, { uid: 'c', phase: 'Succeeded' }),
      aPod(j, { uid: 'd', phase: 'Failed' }),
    ],
    rmFinalizers: 4,
    writes: [
      want({ active: 1, succeeded: 3, failed: 4, uncounted: { succeeded: ['a', 'c'], failed: ['b', 'd'] } }),
      want({ active: 1, succeeded: 5, failed: 6 }),
    ],
  },
  'expecting removed finalizers': {
    job: plain({ succeeded: 2, failed: 3, uncountedTerminatedPods: { succeeded: ['a', 'g'], failed: ['b', 'h'] } }),
    expected: ['c', 'd', 'g', 'h'],
    pods: (j) =>
      (['a', 'c', 'e', 'g'] as const)
        .map((uid) => aPod(j, { uid, phase: 'Succeeded' }))
        .concat((['b', 'd', 'f', 'h'] as const).map((uid) => aPod(j, { uid, phase: 'Failed' }))),
    rmFinalizers: 4,
    writes: [want({ succeeded: 3, failed: 4, uncounted: { succeeded: ['a', 'e'], failed: ['b', 'f'] } }), want({ succeeded: 5, failed: 6 })],
  },
  'succeeding job by JobSuccessPolicy': {
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Succeeded' }), aPod(j, { uid: 'b', phase: 'Failed' }), aPod(j, { uid: 'c', phase: 'Pending' })],
    verdict: meetsSuccess,
    rmFinalizers: 3,
    writes: [
      want({ uncounted: { succeeded: ['a'], failed: ['b'] }, conditions: ['SuccessCriteriaMet'] }),
      want({ succeeded: 1, failed: 1, conditions: ['SuccessCriteriaMet', 'Complete'], completionTime: true }),
    ],
  },
  'completing job': {
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Succeeded' }), aPod(j, { uid: 'b', phase: 'Failed' })],
    verdict: completed,
    rmFinalizers: 2,
    writes: [want({ uncounted: { succeeded: ['a'], failed: ['b'] } }), want({ succeeded: 1, failed: 1, conditions: ['Complete'], completionTime: true })],
  },
  'failing job': {
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Succeeded' }), aPod(j, { uid: 'b', phase: 'Failed' }), aPod(j, { uid: 'c', phase: 'Running' })],
    verdict: failedV,
    rmFinalizers: 3,
    writes: [want({ uncounted: { succeeded: ['a'], failed: ['b', 'c'] } }), want({ succeeded: 1, failed: 2, conditions: ['Failed'] })],
  },
  'deleted job': {
    job: plain({ active: 1 }, { deleting: true }),
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Succeeded' }), aPod(j, { uid: 'b', phase: 'Failed' }), aPod(j, { phase: 'Running' })],
    rmFinalizers: 3,
    writes: [want({ active: 1, uncounted: { succeeded: ['a'], failed: ['b'] } }), want({ active: 1, succeeded: 1, failed: 1 })],
  },
  'indexed job new successful pods': {
    job: indexed(6, { active: 1 }),
    pods: (j) => [
      aPod(j, { phase: 'Succeeded', index: '1' }),
      aPod(j, { phase: 'Succeeded', index: '3' }),
      aPod(j, { phase: 'Succeeded', index: '3' }),
      aPod(j, { phase: 'Running', index: '5' }),
      aPod(j, { phase: 'Succeeded' }),
    ],
    rmFinalizers: 4,
    writes: [want({ active: 1, succeeded: 2, completedIndexes: '1,3' })],
  },
  'indexed job prev successful pods outside current completions index range with no new succeeded pods': {
    job: indexed(2, { active: 2, succeeded: 1, completedIndexes: '3' }, { parallelism: 2 }),
    pods: (j) => [aPod(j, { phase: 'Running', index: '0' }), aPod(j, { phase: 'Running', index: '1' })],
    rmFinalizers: 0,
    writes: [want({ active: 2, succeeded: 0, completedIndexes: '' })],
  },
  'indexed job prev successful pods outside current completions index range with new succeeded pods in range': {
    job: indexed(2, { active: 2, succeeded: 1, completedIndexes: '3' }, { parallelism: 2 }),
    pods: (j) => [aPod(j, { phase: 'Running', index: '0' }), aPod(j, { phase: 'Succeeded', index: '1' })],
    rmFinalizers: 1,
    writes: [want({ active: 2, succeeded: 1, completedIndexes: '1' })],
  },
  'indexed job new failed pods': {
    job: indexed(6, { active: 1 }),
    pods: (j) => [
      aPod(j, { uid: 'a', phase: 'Failed', index: '1' }),
      aPod(j, { uid: 'b', phase: 'Failed', index: '3' }),
      aPod(j, { uid: 'c', phase: 'Failed', index: '3' }),
      aPod(j, { uid: 'd', phase: 'Running', index: '5' }),
      aPod(j, { phase: 'Failed' }),
    ],
    rmFinalizers: 4,
    writes: [want({ active: 1, uncounted: { failed: ['a', 'b', 'c'] } }), want({ active: 1, failed: 3 })],
  },
  'indexed job past and new pods': {
    job: indexed(7, { failed: 2, succeeded: 5, completedIndexes: '0-2,4,6,7' }),
    pods: (j) => [
      aPod(j, { phase: 'Succeeded', index: '0', finalizer: false }),
      aPod(j, { phase: 'Failed', index: '1', finalizer: false }),
      aPod(j, { phase: 'Succeeded', index: '1' }),
      aPod(j, { phase: 'Succeeded', index: '3' }),
      aPod(j, { uid: 'a', phase: 'Failed', index: '2' }),
      aPod(j, { uid: 'b', phase: 'Failed', index: '5' }),
    ],
    rmFinalizers: 4,
    writes: [
      want({ succeeded: 6, failed: 2, completedIndexes: '0-4,6', uncounted: { failed: ['a', 'b'] } }),
      want({ succeeded: 6, failed: 4, completedIndexes: '0-4,6' }),
    ],
  },
  'too many finished': {
    job: plain({ uncountedTerminatedPods: { failed: ['a', 'b'] } }),
    pods: (j) => [...Array.from({ length: 500 }, (_, i) => aPod(j, { uid: String(i), phase: 'Succeeded' })), aPod(j, { uid: 'b', phase: 'Failed' })],
    rmFinalizers: 499,
    writes: [
      want({ failed: 1, uncounted: { succeeded: Array.from({ length: 499 }, (_, i) => String(i)), failed: ['b'] } }),
      want({ succeeded: 499, failed: 1, uncounted: { failed: ['b'] } }),
    ],
  },
  'too many indexed finished': {
    job: indexed(501),
    pods: (j) => Array.from({ length: 501 }, (_, i) => aPod(j, { uid: String(i), index: String(i), phase: 'Succeeded' })),
    rmFinalizers: 500,
    writes: [want({ completedIndexes: '0-499', succeeded: 500 })],
  },
  'pod flips from failed to succeeded': {
    job: plain({ uncountedTerminatedPods: { failed: ['a', 'b'] } }, { completions: 2, parallelism: 2 }),
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Failed' }), aPod(j, { uid: 'b', phase: 'Succeeded' })],
    verdict: failedV,
    rmFinalizers: 2,
    writes: [want({ failed: 2, conditions: ['Failed'] })],
  },
  'pod is terminal; JobFailed condition is set': {
    job: plain({ uncountedTerminatedPods: { failed: ['a'] } }, { completions: 1, parallelism: 1 }),
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Failed' })],
    verdict: failedV,
    rmFinalizers: 1,
    writes: [want({ failed: 1, conditions: ['Failed'] })],
  },
  'pod is terminating; counted as failed, but the JobFailed condition is delayed; JobPodReplacementPolicy enabled': {
    job: plain({ uncountedTerminatedPods: { failed: ['a'] }, conditions: [failureTargetCond] }, { completions: 1, parallelism: 1 }),
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Running', deleting: true, finalizer: false })],
    verdict: failedV,
    rmFinalizers: 0,
    writes: [want({ failed: 1, conditions: ['FailureTarget'] })],
  },
  'pod is terminating; JobSuccessCriteriaMet, but JobComplete condition is delayed; JobPodReplacementPolicy enabled': {
    job: plain({ uncountedTerminatedPods: { failed: ['a'], succeeded: ['b'] }, conditions: [succeededCond] }, { completions: 1, parallelism: 1 }),
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Running', deleting: true, finalizer: false })],
    verdict: completed,
    rmFinalizers: 0,
    writes: [want({ succeeded: 1, failed: 1, conditions: ['SuccessCriteriaMet'] })],
  },
  'indexed job with a failed pod with delayed finalizer removal; the pod is not counted': {
    job: indexed(6, {}, { backoffLimitPerIndex: 1 }),
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Failed', failureCount: '0', index: '1' })],
    rmFinalizers: 0,
    writes: [want({ failedIndexes: '' })],
  },
  'indexed job with a failed pod which is recreated by a running pod; the pod is counted': {
    job: indexed(6, { active: 1 }, { backoffLimitPerIndex: 1 }),
    pods: (j) => [aPod(j, { uid: 'a1', phase: 'Failed', failureCount: '0', index: '1' }), aPod(j, { uid: 'a2', phase: 'Running', failureCount: '1', index: '1' })],
    rmFinalizers: 1,
    writes: [want({ active: 1, failedIndexes: '', uncounted: { failed: ['a1'] } }), want({ active: 1, failed: 1, failedIndexes: '' })],
  },
  'indexed job with a failed pod for a failed index; the pod is counted': {
    job: indexed(6, {}, { backoffLimitPerIndex: 1 }),
    pods: (j) => [aPod(j, { uid: 'a', phase: 'Failed', failureCount: '1', index: '1' })],
    rmFinalizers: 1,
    writes: [want({ failedIndexes: '1', uncounted: { failed: ['a'] } }), want({ failed: 1, failedIndexes: '1' })],
  },
}

describe('TestTrackJobStatusAndRemoveFinalizers', () => {
  it.each(Object.entries(cases))('%s', (_name, tc) => {
    const job = tc.job ?? plain()
    const pods = tc.pods(job)
    const expected = new Set(tc.expected ?? [])
    const activePods = pods.filter(isActive)
    const succeededIndexes = isIndexedJob(job) ? parseIndexes(job.status?.completedIndexes, job.spec.completions ?? 0) : []
    const failedIndexes = hasBackoffLimitPerIndex(job) ? failedIndexesOf(job, pods) : undefined
    const plan = {
      actions: planStatus({
        job,
        now: t0,
        pods,
        expectedRemovals: expected,
        uncounted: uncountedSetsOf(job),
        ...(tc.verdict !== undefined ? { verdict: tc.verdict } : {}),
        draft: { ...job.status, uncountedTerminatedPods: job.status?.uncountedTerminatedPods ?? {} },
        needsFlush: tc.needsFlush ?? false,
        terminating: pods.filter(isTerminating).length,
        previousSucceededIndexes: succeededIndexes,
        succeededIndexes,
        ...(failedIndexes !== undefined ? { failedIndexes } : {}),
        delayedDeletion:
          failedIndexes !== undefined ? podsWithDelayedDeletion(job, pods, activePods, expected, succeededIndexes, failedIndexes) : new Map(),
      }).actions,
    }
    expect(statusWrites(plan).map(view)).toEqual(tc.writes)
    expect(finalizerPatches(plan)).toBe(tc.rmFinalizers)
  })
})
