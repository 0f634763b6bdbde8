import { makeInstant, type Instant } from '../api/instant'
import type { Pod, PodStatus } from '../api/pod'
import { emptyBackoffRecord, nextBackoffRecord, remainingBackoffMs, remainingBackoffOf, remainingIndexBackoffMs, type BackoffRecord } from './backoff'
import { finishedTimeOf } from './finishedTime'

const defaultTestTime = makeInstant(Date.UTC(2009, 10, 10, 23, 0, 0))
const ms = (delta: number): Instant => makeInstant(defaultTestTime + delta)
const rfc = (at: Instant): string => new Date(at).toISOString()
const finishedPod = (phase: 'Succeeded' | 'Failed', at: Instant): Pod => ({
  metadata: {},
  spec: { containers: [] },
  status: { phase, containerStatuses: [{ state: { terminated: { finishedAt: rfc(at) } } }] },
})

describe('TestNewBackoffRecord', () => {
  it.each<[string, BackoffRecord, ReadonlyArray<Instant>, ReadonlyArray<Instant>, BackoffRecord]>([
    ['Empty backoff store and one new failure', emptyBackoffRecord, [], [defaultTestTime], { failuresAfterLastSuccess: 1, lastFailureTime: defaultTestTime }],
    ['Empty backoff store and two new failures', emptyBackoffRecord, [], [defaultTestTime, ms(-1)], { failuresAfterLastSuccess: 2, lastFailureTime: defaultTestTime }],
    ['Empty backoff store, two failures followed by success', emptyBackoffRecord, [defaultTestTime], [ms(-2), ms(-1)], { failuresAfterLastSuccess: 0 }],
    [
      'Empty backoff store, two failures, one success and two more failures',
      emptyBackoffRecord,
      [ms(-2)],
      [defaultTestTime, ms(-4), ms(-3), ms(-1)],
      { failuresAfterLastSuccess: 2, lastFailureTime: defaultTestTime },
    ],
    ['Backoff store having failure count 2 and one new failure', { failuresAfterLastSuccess: 2 }, [], [defaultTestTime], { failuresAfterLastSuccess: 3, lastFailureTime: defaultTestTime }],
    ['Empty backoff store with success and failure at same timestamp', emptyBackoffRecord, [defaultTestTime], [defaultTestTime], { failuresAfterLastSuccess: 0 }],
    ['Empty backoff store with no success/failure', emptyBackoffRecord, [], [], { failuresAfterLastSuccess: 0 }],
    ['Empty backoff store with one success', emptyBackoffRecord, [defaultTestTime], [], { failuresAfterLastSuccess: 0 }],
  ])('%s', (_name, previous, succeeded, failed, want) => {
    const got = nextBackoffRecord(
      previous,
      succeeded.map((t) => finishedPod('Succeeded', t)),
      failed.map((t) => finishedPod('Failed', t)),
    )
    expect(got).toEqual(want)
  })
})

describe('TestGetFinishedTime', () => {
  const terminated = (at?: Instant) => ({ state: { terminated: at === undefined ? {} : { finishedAt: rfc(at) } } })
  const running = { state: { running: {} } }
  const pod = (status: PodStatus, metadata: Pod['metadata'] = {}): Pod => ({ metadata, spec: { containers: [] }, status })
  it.each<[string, Pod, Instant]>([
    ['Pod with multiple containers and all containers terminated', pod({ containerStatuses: [terminated(ms(-1000)), terminated(defaultTestTime), terminated(ms(-2000))] }), defaultTestTime],
    [
      'Pod with multiple containers; two containers in terminated state and one in running state; fallback to deletionTimestamp',
      pod({ containerStatuses: [terminated(ms(-1000)), running, terminated(ms(-2000))] }, { deletionTimestamp: rfc(defaultTestTime) }),
      defaultTestTime,
    ],
    ['fallback to deletionTimestamp', pod({ containerStatuses: [running] }, { deletionTimestamp: rfc(defaultTestTime) }), defaultTestTime],
    [
      'fallback to deletionTimestamp, decremented by grace period',
      pod({ containerStatuses: [running] }, { deletionTimestamp: rfc(defaultTestTime), deletionGracePeriodSeconds: 30 }),
      ms(-30_000),
    ],
    [
      'fallback to PodReady.LastTransitionTime when status of the condition is False',
      pod({ containerStatuses: [terminated()], conditions: [{ type: 'Ready', status: 'False', reason: 'PodFailed', lastTransitionTime: rfc(defaultTestTime) }] }),
      defaultTestTime,
    ],
    [
      'skip fallback to PodReady.LastTransitionTime when status of the condition is True',
      pod(
        { containerStatuses: [terminated()], conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc(ms(-30_000)) }] },
        { deletionTimestamp: rfc(defaultTestTime) },
      ),
      defaultTestTime,
    ],
    ['fallback to creationTimestamp', pod({ containerStatuses: [terminated()] }, { creationTimestamp: rfc(defaultTestTime) }), defaultTestTime],
    [
      'Pod with init container and all containers terminated',
      pod({ containerStatuses: [terminated(ms(-1000))], initContainerStatuses: [terminated(defaultTestTime)] } as PodStatus),
      defaultTestTime,
    ],
  ])('%s', (_name, p, want) => expect(finishedTimeOf(p)).toBe(want))
})

describe('TestGetRemainingBackoffTime (base 5 s, cap 700 s)', () => {
  it.each<[string, number, number, number]>([
    ['no failures', 0, 0, 0],
    ['one failure; current time and failure time are same', 1, 0, 5],
    ['one failure; current time == 1 second + failure time', 1, 1, 4],
    ['one failure; current time == expected backoff time', 1, 5, 0],
    ['one failure; current time == expected backoff time + 1 Second', 1, 6, 0],
    ['three failures; current time and failure time are same', 3, 0, 20],
    ['eight failures; current time and failure time are same; backoff not exceeding maxBackoff', 8, 0, 640],
    ['nine failures; current time and failure time are same; backoff exceeding maxBackoff', 9, 0, 700],
  ])('%s', (_name, failures, elapsed, want) => {
    expect(remainingBackoffMs(failures, defaultTestTime, ms(elapsed * 1000), 5_000, 700_000)).toBe(want * 1000)
  })
})

describe('the Job pod-failure backoff: 10 s doubling, capped at 10 minutes', () => {
  it.each([
    [1, 10],
    [2, 20],
    [3, 40],
    [6, 320],
    [7, 600],
    [12, 600],
  ])('%i failures → %i s', (failures, seconds) => {
    expect(remainingBackoffOf({ failuresAfterLastSuccess: failures, lastFailureTime: defaultTestTime }, defaultTestTime)).toBe(seconds * 1000)
  })
})

describe('TestGetRemainingBackoffTimePerIndex', () => {
  const failedPod = (failureCount: string, ignored?: string): Pod => ({
    metadata: {
      deletionTimestamp: rfc(defaultTestTime),
      annotations: {
        'batch.kubernetes.io/job-index-failure-count': failureCount,
        ...(ignored !== undefined ? { 'batch.kubernetes.io/job-index-ignored-failure-count': ignored } : {}),
      },
    },
    spec: { containers: [] },
    status: { phase: 'Failed' },
  })
  it('no failures', () => expect(remainingIndexBackoffMs(undefined, defaultTestTime)).toBe(0))
  it('two prev failures; current time and failure time are same', () => expect(remainingIndexBackoffMs(failedPod('2'), defaultTestTime)).toBe(40_000))
  it('one prev failure counted and one ignored; current time and failure time are same', () =>
    expect(remainingIndexBackoffMs(failedPod('1', '1'), defaultTestTime)).toBe(40_000))
})
