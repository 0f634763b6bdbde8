import type { Job, JobStatus, PodFailurePolicy, SuccessPolicy } from '../api/job'
import type { Pod, PodPhase } from '../api/pod'
import type { OrderedIntervals } from './intervals'
import { reconcileJob } from './reconcileJob'
import { matchSuccessPolicy } from './successPolicy'
import { aJob, aPod, conditionsOf, finalStatus, t0, type PodOptions } from './testing/fixtures'

const iv = (...pairs: ReadonlyArray<readonly [number, number]>): OrderedIntervals => pairs.map(([first, last]) => ({ first, last }))

describe('matchSuccessPolicy', () => {
  it.each<[string, SuccessPolicy, number, OrderedIntervals, string | undefined]>([
    ['no succeeded indexes', { rules: [{ succeededCount: 0 }] }, 5, [], undefined],
    ['succeededIndexes all done', { rules: [{ succeededIndexes: '0,2-3' }] }, 5, iv([0, 0], [2, 4]), 'Matched rules at index 0'],
    ['succeededIndexes partly done', { rules: [{ succeededIndexes: '0-3' }] }, 5, iv([0, 2]), undefined],
    ['succeededIndexes with succeededCount', { rules: [{ succeededIndexes: '0-3', succeededCount: 2 }] }, 5, iv([1, 1], [3, 4]), 'Matched rules at index 0'],
    ['succeededCount alone', { rules: [{ succeededIndexes: '4', succeededCount: 1 }, { succeededCount: 3 }] }, 5, iv([0, 2]), 'Matched rules at index 1'],
    ['unparsable succeededIndexes never match', { rules: [{ succeededIndexes: 'x' }] }, 5, iv([0, 4]), undefined],
  ])('%s', (_name, policy, completions, succeeded, want) => expect(matchSuccessPolicy(policy, completions, succeeded)).toBe(want))
})

const scm = (message = 'Matched rules at index 0') => ({ type: 'SuccessCriteriaMet', status: 'True', reason: 'SuccessPolicy', message })
const disruption: PodFailurePolicy = { rules: [{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] }
const anyOf: SuccessPolicy = { rules: [{ succeededIndexes: '0,1', succeededCount: 1 }] }

interface SuccessCase {
  readonly parallelism: number
  readonly backoffLimit?: number
  readonly backoffLimitPerIndex?: number
  readonly successPolicy?: SuccessPolicy
  readonly podFailurePolicy?: PodFailurePolicy
  readonly status?: JobStatus
  readonly pods: ReadonlyArray<readonly [string, string, PodPhase, PodOptions?]>
  readonly want: JobStatus
}

const disrupted: PodOptions = { conditions: [{ type: 'DisruptionTarget', status: 'True' }] }

/** TestSyncJobWithJobSuccessPolicy (Indexed jobs, 1.31+ gates: BackoffLimitPerIndex on, delayed terminal conditions). */
const cases: Readonly<Record<string, SuccessCase>> = {
  'job has SuccessCriteriaMet condition when job meets to successPolicy and some pods still are running': {
    parallelism: 3, backoffLimitPerIndex: 3, successPolicy: anyOf, status: { conditions: [scm()] },
    pods: [['a1', '0', 'Failed'], ['a2', '1', 'Running'], ['b', '1', 'Succeeded'], ['c', '2', 'Running']],
    want: { failed: 1, succeeded: 1, terminating: 2, completedIndexes: '1', failedIndexes: '', conditions: [scm()] },
  },
  'job has a failed condition when job meets to both successPolicy and backoffLimit': {
    parallelism: 2, backoffLimit: 1, successPolicy: anyOf,
    pods: [['a1', '0', 'Failed'], ['a2', '0', 'Failed'], ['b', '1', 'Succeeded']],
    want: {
      failed: 2, succeeded: 1, terminating: 0, completedIndexes: '1',
      conditions: [
        { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
        { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
      ],
    },
  },
  'job with SuccessCriteriaMet has never been transitioned to FailureTarget and Failed even if job meets podFailurePolicy': {
    parallelism: 2, successPolicy: { rules: [{ succeededCount: 1 }] }, podFailurePolicy: disruption,
    status: { succeeded: 1, completedIndexes: '1', conditions: [scm()] },
    pods: [['a', '0', 'Failed', disrupted], ['b', '1', 'Succeeded']],
    want: { failed: 1, succeeded: 1, terminating: 0, completedIndexes: '1', conditions: [scm(), { ...scm(), type: 'Complete' }] },
  },
  'job with SuccessCriteriaMet has never been transitioned to FailureTarget and Failed even if job meet backoffLimitPerIndex': {
    parallelism: 2, backoffLimitPerIndex: 1, successPolicy: { rules: [{ succeededIndexes: '1' }] },
    status: { succeeded: 1, completedIndexes: '1', conditions: [scm()] },
    pods: [['a', '0', 'Failed', { failureCount: '1' }], ['b', '1', 'Succeeded']],
    want: { failed: 1, succeeded: 1, terminating: 0, completedIndexes: '1', failedIndexes: '0', conditions: [scm(), { ...scm(), type: 'Complete' }] },
  },
  'job with FailureTarget has never been transitioned to SuccessCriteriaMet even if job meets successPolicy': {
    parallelism: 2, successPolicy: anyOf, podFailurePolicy: disruption,
    status: {
      failed: 1, completedIndexes: '1',
      conditions: [{ type: 'FailureTarget', status: 'True', reason: 'PodFailurePolicy', message: 'Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0' }],
    },
    pods: [['a', '0', 'Failed', { ...disrupted, finalizer: false }], ['b', '1', 'Succeeded']],
    want: {
      failed: 1, succeeded: 1, terminating: 0, completedIndexes: '1',
      conditions: ['FailureTarget', 'Failed'].map((type) => ({
        type, status: 'True', reason: 'PodFailurePolicy', message: 'Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0',
      })),
    },
  },
  'job has a failed condition when job meets to both successPolicy and podFailurePolicy': {
    parallelism: 2, successPolicy: anyOf, podFailurePolicy: disruption,
    pods: [['a1', '0', 'Failed', disrupted], ['a2', '0', 'Running'], ['b', '1', 'Succeeded']],
    want: {
      failed: 2, succeeded: 1, terminating: 1, completedIndexes: '1',
      conditions: [{ type: 'FailureTarget', status: 'True', reason: 'PodFailurePolicy', message: 'Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0' }],
    },
  },
  "job has SuccessCriteriaMet condition if job meets to successPolicy and doesn't meet to podFailurePolicy": {
    parallelism: 2, successPolicy: anyOf, podFailurePolicy: disruption,
    pods: [['a1', '0', 'Failed'], ['a2', '0', 'Running'], ['b', '1', 'Succeeded']],
    want: { failed: 1, succeeded: 1, terminating: 1, completedIndexes: '1', conditions: [scm()] },
  },
  "job has SuccessCriteriaMet condition if job meets to successPolicy and doesn't meet backoffLimitPerIndex": {
    parallelism: 2, backoffLimitPerIndex: 2, successPolicy: anyOf,
    pods: [['a1', '0', 'Failed'], ['a2', '0', 'Running'], ['b', '1', 'Succeeded']],
    want: { failed: 1, succeeded: 1, terminating: 1, completedIndexes: '1', failedIndexes: '', conditions: [scm()] },
  },
  'job has both Complete and SuccessCriteriaMet condition when job meets to successPolicy and all pods have been already removed': {
    parallelism: 2, backoffLimitPerIndex: 2, successPolicy: anyOf, status: { conditions: [scm()] },
    pods: [['a', '0', 'Failed'], ['b', '1', 'Succeeded']],
    want: { failed: 1, succeeded: 1, terminating: 0, completedIndexes: '1', failedIndexes: '', conditions: [scm(), { ...scm(), type: 'Complete' }] },
  },
  'job has a failed condition when job meets to both successPolicy and backoffLimitPerIndex': {
    parallelism: 2, backoffLimitPerIndex: 1, successPolicy: anyOf,
    pods: [['a', '0', 'Failed', { failureCount: '1' }], ['b', '1', 'Succeeded']],
    want: {
      failed: 1, succeeded: 1, terminating: 0, completedIndexes: '1', failedIndexes: '0',
      conditions: ['FailureTarget', 'Failed'].map((type) => ({ type, status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes' })),
    },
  },
}

describe('TestSyncJobWithJobSuccessPolicy', () => {
  it.each(Object.entries(cases))('%s', (_name, tc) => {
    const job: Job = aJob(tc.parallelism, 2, tc.backoffLimit ?? 2147483647, {
      completionMode: 'Indexed',
      ...(tc.parallelism === 3 ? { completions: 3 } : {}),
      ...(tc.backoffLimitPerIndex !== undefined ? { backoffLimitPerIndex: tc.backoffLimitPerIndex } : {}),
      ...(tc.successPolicy !== undefined ? { successPolicy: tc.successPolicy } : {}),
      ...(tc.podFailurePolicy !== undefined ? { podFailurePolicy: tc.podFailurePolicy, podReplacementPolicy: 'Failed' } : {}),
      ...(tc.status !== undefined ? { status: tc.status } : {}),
    })
    const pods: ReadonlyArray<Pod> = tc.pods.map(([uid, index, phase, extra], i) => aPod(job, { uid, name: `mypod-${i}`, index, phase, ...extra }))
    const status = finalStatus(reconcileJob({ job, pods, now: t0 }))
    expect({
      failed: status?.failed,
      succeeded: status?.succeeded,
      terminating: status?.terminating,
      completedIndexes: status?.completedIndexes,
      ...(status?.failedIndexes != null ? { failedIndexes: status.failedIndexes } : {}),
      conditions: conditionsOf(status),
    }).toEqual({ ...tc.want, active: undefined, conditions: tc.want.conditions ?? [] })
  })
})
