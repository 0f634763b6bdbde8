import type { Job } from '../api/job'
import type { Pod, PodPhase } from '../api/pod'
import { completionIndexOf, generateNameWithIndex, indexFailureCountOf } from './completionIndex'
import { failedIndexesOf, firstPendingIndexes, isIndexFailed, newIndexFailureCounts, podsWithDelayedDeletion, succeededIndexesOf } from './indexes'
import type { OrderedIntervals } from './intervals'
import { duplicatedIndexPods } from './podsForRemoval'
import { isActive } from './podState'
import { aJob, aPod, iso } from './testing/fixtures'

const iv = (...pairs: ReadonlyArray<readonly [number, number]>): OrderedIntervals => pairs.map(([first, last]) => ({ first, last }))
const indexedJob = (completions: number, extra: Parameters<typeof aJob>[3] = {}): Job => aJob(1, completions, 6, { completionMode: 'Indexed', ...extra })
const hollow = (job: Job, list: ReadonlyArray<readonly [string, PodPhase]>): ReadonlyArray<Pod> =>
  list.map(([index, phase]) => aPod(job, { phase, ...(index !== '-' ? { index } : {}) }))

describe('TestCalculateSucceededIndexes', () => {
  it.each<[string, string, ReadonlyArray<readonly [string, PodPhase]>, number, OrderedIntervals, OrderedIntervals]>([
    ['one index', '', [['1', 'Succeeded']], 2, [], iv([1, 1])],
    ['two separate', '', [['2', 'Failed'], ['5', 'Succeeded'], ['5', 'Succeeded'], ['10', 'Failed'], ['10', 'Succeeded']], 11, [], iv([5, 5], [10, 10])],
    ['two intervals', '', [['0', 'Running'], ['1', 'Pending'], ['2', 'Succeeded'], ['3', 'Succeeded'], ['5', 'Succeeded'], ['6', 'Succeeded'], ['7', 'Succeeded']], 8, [], iv([2, 3], [5, 7])],
    ['one index and one interval', '', [['0', 'Succeeded'], ['1', 'Failed'], ['2', 'Succeeded'], ['3', 'Succeeded'], ['4', 'Succeeded'], ['5', 'Succeeded'], ['-', 'Succeeded'], ['-2', 'Succeeded']], 6, [], iv([0, 0], [2, 5])],
    ['out of range', '', [['0', 'Succeeded'], ['1', 'Succeeded'], ['2', 'Succeeded'], ['3', 'Failed'], ['4', 'Succeeded'], ['5', 'Succeeded'], ['-', 'Succeeded'], ['-2', 'Succeeded']], 5, [], iv([0, 2], [4, 4])],
    ['prev interval out of range', '0-5,8-10', [], 8, iv([0, 5]), iv([0, 5])],
    ['prev interval partially out of range', '0-5,8-10', [], 10, iv([0, 5], [8, 9]), iv([0, 5], [8, 9])],
    ['prev and new separate', '0,4,5,10-12', [['2', 'Succeeded'], ['7', 'Succeeded'], ['8', 'Succeeded']], 13, iv([0, 0], [4, 5], [10, 12]), iv([0, 0], [2, 2], [4, 5], [7, 8], [10, 12])],
    ['prev between new', '3,4,6', [['2', 'Succeeded'], ['7', 'Succeeded'], ['8', 'Succeeded']], 9, iv([3, 4], [6, 6]), iv([2, 4], [6, 8])],
    ['new between prev', '2,7,8', [['3', 'Succeeded'], ['4', 'Succeeded'], ['6', 'Succeeded']], 9, iv([2, 2], [7, 8]), iv([2, 4], [6, 8])],
    ['new within prev', '2-7', [['0', 'Succeeded'], ['3', 'Succeeded'], ['5', 'Succeeded'], ['9', 'Succeeded']], 10, iv([2, 7]), iv([0, 0], [2, 7], [9, 9])],
    ['corrupted interval', '0,1-foo,bar', [['3', 'Succeeded']], 4, iv([0, 0]), iv([0, 0], [3, 3])],
  ])('%s', (_name, prev, pods, completions, wantStatus, want) => {
    const job = indexedJob(completions, { status: { completedIndexes: prev } })
    const got = succeededIndexesOf(job, hollow(job, pods))
    expect(got.previous).toEqual(wantStatus)
    expect(got.current).toEqual(want)
  })
})

describe('TestIsIndexFailed', () => {
  it('failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=0', () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 0 })
    expect(isIndexFailed(job, aPod(job, { phase: 'Failed', index: '0', failureCount: '0' }))).toBe(true)
  })
  it('failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=1', () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 1 })
    expect(isIndexFailed(job, aPod(job, { phase: 'Failed', index: '1', failureCount: '1' }))).toBe(true)
  })
  it('matching FailIndex pod failure policy', () => {
    const job = indexedJob(2, {
      backoffLimitPerIndex: 1,
      podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [3] } }] },
    })
    expect(isIndexFailed(job, aPod(job, { phase: 'Failed', index: '0', failureCount: '0', exitCode: 3 }))).toBe(true)
  })
})

describe('TestCalculateFailedIndexes', () => {
  it.each<[string, number, string | undefined, ReadonlyArray<{ failureCount: string; index: string; finalizer?: boolean }>, OrderedIntervals]>([
    ['one new index failed', 1, undefined, [{ failureCount: '0', index: '0' }, { failureCount: '1', index: '1' }], iv([1, 1])],
    ['pod without finalizer is ignored', 0, undefined, [{ failureCount: '0', index: '0', finalizer: false }], []],
    ['pod outside completions is ignored', 0, undefined, [{ failureCount: '0', index: '3', finalizer: false }], []],
    ['extend the failed indexes', 0, '0', [{ failureCount: '0', index: '1' }], iv([0, 1])],
    ['prev failed indexes empty', 0, '', [{ failureCount: '0', index: '1' }], iv([1, 1])],
    ['prev failed indexes outside the completions', 0, '9', [{ failureCount: '0', index: '1' }], iv([1, 1])],
  ])('%s', (_name, limit, prev, pods, want) => {
    const job = indexedJob(2, { backoffLimitPerIndex: limit, ...(prev !== undefined ? { status: { failedIndexes: prev } } : {}) })
    expect(failedIndexesOf(job, pods.map((p) => aPod(job, { phase: 'Failed', ...p })))).toEqual(want)
  })
})

describe('TestGetPodsWithDelayedDeletionPerIndex', () => {
  const run = (job: Job, pods: ReadonlyArray<Pod>, expected: ReadonlyArray<string> = []): ReadonlyArray<string> => {
    const failed = failedIndexesOf(job, pods)
    const { current } = succeededIndexesOf(job, pods)
    const held = podsWithDelayedDeletion(job, pods, pods.filter(isActive), new Set(expected), current, failed)
    return [...held.values()].map((p) => p.metadata.uid ?? '').sort()
  }
  it('failed pods are kept corresponding to non-failed indexes are kept', () => {
    const job = indexedJob(3, { backoffLimitPerIndex: 1 })
    const pods = [
      aPod(job, { uid: 'a', failureCount: '0', phase: 'Failed', index: '0' }),
      aPod(job, { uid: 'b', failureCount: '1', phase: 'Failed', index: '1' }),
      aPod(job, { uid: 'c', failureCount: '0', phase: 'Failed', index: '2' }),
    ]
    expect(run(job, pods)).toEqual(['a', 'c'])
  })
  it("failed pod without finalizer; the pod's deletion is not delayed as it already started", () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 0 })
    expect(run(job, [aPod(job, { uid: 'a', failureCount: '0', phase: 'Failed', index: '0', finalizer: false })])).toEqual([])
  })
  it("failed pod with expected finalizer removal; the pod's deletion is not delayed as it already started", () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 0 })
    expect(run(job, [aPod(job, { uid: 'a', failureCount: '0', phase: 'Failed', index: '0' })], ['a'])).toEqual([])
  })
  it("failed pod with index outside of completions; the pod's deletion is not delayed", () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 0 })
    expect(run(job, [aPod(job, { uid: 'a', failureCount: '0', phase: 'Failed', index: '4' })])).toEqual([])
  })
  it("failed pod for active index; the pod's deletion is not delayed as it is already replaced", () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 1 })
    const pods = [aPod(job, { uid: 'a1', failureCount: '0', phase: 'Failed', index: '0' }), aPod(job, { uid: 'a2', failureCount: '1', phase: 'Running', index: '0' })]
    expect(run(job, pods)).toEqual([])
  })
  it("failed pod for succeeded index; the pod's deletion is not delayed as it is already replaced", () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 1 })
    const pods = [aPod(job, { uid: 'a1', failureCount: '0', phase: 'Failed', index: '0' }), aPod(job, { uid: 'a2', failureCount: '1', phase: 'Succeeded', index: '0' })]
    expect(run(job, pods)).toEqual([])
  })
  it('multiple failed pods for index with different failure count; only the pod with highest failure count is kept', () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 4 })
    const pods = [
      aPod(job, { uid: 'a1', failureCount: '0', phase: 'Failed', index: '0' }),
      aPod(job, { uid: 'a3', failureCount: '2', phase: 'Failed', index: '0' }),
      aPod(job, { uid: 'a2', failureCount: '1', phase: 'Failed', index: '0' }),
    ]
    expect(run(job, pods)).toEqual(['a3'])
  })
  it('multiple failed pods for index with different finish times; only the last failed pod is kept', () => {
    const job = indexedJob(2, { backoffLimitPerIndex: 4 })
    // No container finish time: the deletion timestamp is the finish time.
    const failedAt = (uid: string, deleting: string): Pod => {
      const p = aPod(job, { uid, failureCount: '1', phase: 'Failed', index: '0', deleting })
      return { ...p, status: { phase: 'Failed' } }
    }
    expect(run(job, [failedAt('a1', iso(-1)), failedAt('a3', iso(0)), failedAt('a2', iso(-2))])).toEqual(['a3'])
  })
})

describe('TestGetNewIndexFailureCountValue', () => {
  const job = indexedJob(4)
  it('first pod created', () => expect(newIndexFailureCounts(job, undefined)).toEqual({ failures: 0, ignored: 0 }))
  it('failed pod being replaced with 0 index failure count', () =>
    expect(newIndexFailureCounts(job, aPod(job, { phase: 'Failed', index: '0', failureCount: '0' }))).toEqual({ failures: 1, ignored: 0 }))
  it('failed pod being replaced with >0 index failure count', () =>
    expect(newIndexFailureCounts(job, aPod(job, { phase: 'Failed', index: '0', failureCount: '3' }))).toEqual({ failures: 4, ignored: 0 }))
  it('failed pod being replaced, matching the ignore rule', () => {
    const ignoring = indexedJob(4, {
      podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
    })
    const pod = aPod(ignoring, { phase: 'Failed', index: '3', failureCount: '3', conditions: [{ type: 'DisruptionTarget', status: 'True' }] })
    expect(newIndexFailureCounts(ignoring, pod)).toEqual({ failures: 3, ignored: 1 })
  })
})

describe('TestFirstPendingIndexes', () => {
  it.each<[string, number, number, ReadonlyArray<readonly [string, PodPhase]>, OrderedIntervals, OrderedIntervals | undefined, ReadonlyArray<number>]>([
    ['cnt greater than completions', 5, 3, [], [], undefined, [0, 1, 2]],
    ['cnt less than completions', 2, 5, [], [], undefined, [0, 1]],
    ['first pods active', 3, 10, [['0', 'Running'], ['1', 'Pending']], [], undefined, [2, 3, 4]],
    ['last pods active or succeeded', 6, 6, [['6', 'Pending']], iv([4, 5]), undefined, [0, 1, 2, 3]],
    ['mixed', 5, 20, [['3', 'Pending'], ['5', 'Running'], ['8', 'Pending'], ['-', 'Running'], ['-3', 'Running']], iv([2, 4], [9, 9]), undefined, [0, 1, 6, 7, 10]],
    ['with failed indexes', 5, 20, [['3', 'Pending'], ['9', 'Pending']], iv([1, 1], [5, 5], [9, 9]), iv([2, 2], [6, 7]), [0, 4, 8, 10, 11]],
  ])('%s', (_name, count, completions, active, succeeded, failed, want) => {
    const job = indexedJob(completions)
    const pods = hollow(job, active)
    expect(firstPendingIndexes(job, pods, pods, succeeded, failed, count)).toEqual(want)
  })
})

describe('TestAppendDuplicatedIndexPodsForRemoval', () => {
  const describePods = (pods: ReadonlyArray<Pod>): ReadonlyArray<string> =>
    pods.map((p) => `${p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] ?? '-'}/${p.status?.phase ?? ''}`)
  it.each<[string, ReadonlyArray<readonly [string, PodPhase]>, ReadonlyArray<string>, ReadonlyArray<string>]>([
    ['all unique', [['-', 'Pending'], ['2', 'Pending'], ['5', 'Running'], ['6', 'Running']], ['-/Pending', '6/Running'], ['2/Pending', '5/Running']],
    [
      'all with index',
      [['5', 'Pending'], ['0', 'Running'], ['3', 'Pending'], ['0', 'Running'], ['3', 'Running'], ['0', 'Pending'], ['6', 'Running'], ['6', 'Pending']],
      ['0/Pending', '0/Running', '3/Pending', '6/Running', '6/Pending'],
      ['0/Running', '3/Running', '5/Pending'],
    ],
    [
      'mixed',
      [['-', 'Pending'], ['invalid', 'Running'], ['-2', 'Running'], ['0', 'Pending'], ['1', 'Pending'], ['1', 'Pending'], ['1', 'Running']],
      ['-/Pending', 'invalid/Running', '-2/Running', '1/Pending', '1/Pending'],
      ['0/Pending', '1/Running'],
    ],
  ])('%s', (_name, list, wantRm, wantLeft) => {
    const job = indexedJob(6)
    const { remove, keep } = duplicatedIndexPods(hollow(job, list), 6)
    expect(describePods(remove)).toEqual(wantRm)
    expect(describePods(keep)).toEqual(wantLeft)
  })
})

describe('TestPodGenerateNameWithIndex', () => {
  it.each([
    ['short job name', 'indexed-job', 1, 'indexed-job-1-'],
    ['job name exceeds MaxGeneneratedNameLength', 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooo', 1, 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-'],
    ['job name with index suffix exceeds MaxGeneratedNameLength', 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhoo', 1, 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-'],
  ])('%s', (_name, jobName, index, want) => expect(generateNameWithIndex(jobName, index)).toBe(want))
})

describe('TestGetIndexFailureCount', () => {
  const job = indexedJob(2)
  it.each<[string, string | undefined, number]>([
    ['no annotation', undefined, 0],
    ['valid value', '2', 2],
    ['valid maxint32 value', '2147483647', 2147483647],
    ['too large value', '2147483648', 0],
    ['negative value', '-1', 0],
    ['invalid int value', 'xyz', 0],
  ])('%s', (_name, value, want) => expect(indexFailureCountOf(aPod(job, value !== undefined ? { failureCount: value } : {}))).toBe(want))

  it('completion index annotation: only non-negative decimals are indexes', () => {
    expect([aPod(job, { index: '3' }), aPod(job, { index: '-1' }), aPod(job, { index: 'x' }), aPod(job)].map(completionIndexOf)).toEqual([3, -1, -1, -1])
  })
})
