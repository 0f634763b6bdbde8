import { makeInstant, type DaemonSet, type Pod } from '../api'
import { actionsOf } from '../plan'
import {
  backoffInitialMs,
  backoffMaxMs,
  failedPodsBackoffKey,
  isInBackoff,
  nextBackoff,
  type FailedPodBackoff,
} from './failedPodBackoff'
import { decideDaemonSet } from './reconcile'
import { addFailedPods, addNodes, addPods, countsOf, newDaemonSet, statusOf, testNow, updateStrategies } from './testing/fixtures'

/** Ports of TestDaemonKillFailedPods (table) and TestDaemonKillFailedPodsBackoff (daemon_controller_test.go). */

const decide = (ds: DaemonSet, pods: ReadonlyArray<Pod>, now = testNow, backoff: FailedPodBackoff = {}) =>
  decideDaemonSet({ daemonSet: ds, nodes: addNodes(0, 1), pods, revisions: [], now, backoff })

describe('TestDaemonKillFailedPods', () => {
  const table = [
    { test: 'normal (do nothing)', numFailedPods: 0, numNormalPods: 1, expectedCreates: 0, expectedDeletes: 0, expectedEvents: 0 },
    { test: 'no pods (create 1)', numFailedPods: 0, numNormalPods: 0, expectedCreates: 1, expectedDeletes: 0, expectedEvents: 0 },
    {
      test: '1 failed pod (kill 1), 0 normal pod (create 0; will create in the next sync)',
      numFailedPods: 1,
      numNormalPods: 0,
      expectedCreates: 0,
      expectedDeletes: 1,
      expectedEvents: 1,
    },
    {
      test: '1 failed pod (kill 1), 3 normal pods (kill 2)',
      numFailedPods: 1,
      numNormalPods: 3,
      expectedCreates: 0,
      expectedDeletes: 3,
      expectedEvents: 1,
    },
  ] as const
  describe.each(table)('$test', (row) => {
    it.each(updateStrategies)('%s', (_, strategy) => {
      const ds = newDaemonSet('foo', { strategy })
      const pods = [...addFailedPods(ds, 'node-0', row.numFailedPods), ...addPods(ds, 'node-0', row.numNormalPods)]
      const { plan } = decide(ds, pods)
      expect(countsOf(plan)).toEqual({ creates: row.expectedCreates, deletes: row.expectedDeletes, events: row.expectedEvents })
      for (const e of actionsOf(plan, 'RecordEvent')) {
        expect([e.eventType, e.reason]).toEqual(['Warning', 'FailedDaemonPod'])
        expect(e.message).toBe('Found failed daemon pod default/node-0-failed-0 on node node-0, will try to kill it')
      }
    })
  })
})

describe('TestDaemonKillFailedPodsBackoff', () => {
  it.each(updateStrategies)('%s', (_, strategy) => {
    const ds = newDaemonSet('foo', { strategy })
    // Upstream adds the failed pod straight to the informer cache, so its fake pod control cannot
    // remove it: every sync below sees the same failed pod.
    const failed = addFailedPods(ds, 'node-0', 1)
    const key = failedPodsBackoffKey(ds, 'node-0')

    // First sync deletes the pod, initialising the backoff
    const first = decide(ds, failed)
    expect(countsOf(first.plan)).toEqual({ creates: 0, deletes: 1, events: 1 })
    const initialDelay = first.backoff[key]?.delayMs ?? 0
    expect(initialDelay).toBeGreaterThan(0)

    // The immediate second sync is limited by the backoff and requeues after the delay
    const second = decide(ds, failed, testNow, first.backoff)
    expect(countsOf(second.plan)).toEqual({ creates: 0, deletes: 0, events: 0 })
    expect(second.backoff[key]?.delayMs).toBe(initialDelay)
    expect(actionsOf(second.plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([initialDelay / 1000])
    // the failed pod still counts for its node
    expect(statusOf(second.plan)).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 0 })

    // Just before the end of the backoff it still holds; at the end it does not
    expect(isInBackoff(second.backoff, key, makeInstant(testNow + initialDelay - 1))).toBe(true)
    expect(isInBackoff(second.backoff, key, makeInstant(testNow + initialDelay))).toBe(false)

    // After the backoff the failed pod is deleted again
    const third = decide(ds, failed, makeInstant(testNow + initialDelay), second.backoff)
    expect(countsOf(third.plan)).toEqual({ creates: 0, deletes: 1, events: 1 })
    expect(third.backoff[key]?.delayMs).toBe(2 * initialDelay)
  })
})

describe('failed-pod backoff (reference §3.5)', () => {
  const ds = newDaemonSet('foo')

  it('the key is <uid>/<observedGeneration>/<node>, so a new observed generation starts afresh', () => {
    expect(failedPodsBackoffKey(ds, 'node-0')).toBe('uid-foo/0/node-0')
    const observed: DaemonSet = { ...ds, status: { observedGeneration: 3 } }
    expect(failedPodsBackoffKey(observed, 'node-0')).toBe('uid-foo/3/node-0')
    const first = decide(ds, addFailedPods(ds, 'node-0', 1))
    const after = decide(observed, addFailedPods(observed, 'node-0', 1), testNow, first.backoff)
    expect(countsOf(after.plan).deletes).toBe(1)
  })

  it('starts at 1 s, doubles and caps at 15 min; an entry idle for more than 2 x max starts over', () => {
    const key = 'k'
    let b: FailedPodBackoff = {}
    let t = 0
    const delays: number[] = []
    for (let i = 0; i < 12; i++) {
      b = nextBackoff(b, key, makeInstant(t))
      delays.push(b[key]?.delayMs ?? 0)
      t += b[key]?.delayMs ?? 0
    }
    expect(delays[0]).toBe(backoffInitialMs)
    expect(delays[1]).toBe(2 * backoffInitialMs)
    expect(Math.max(...delays)).toBe(backoffMaxMs)
    const idle = nextBackoff(b, key, makeInstant(t + 2 * backoffMaxMs + 1))
    expect(idle[key]?.delayMs).toBe(backoffInitialMs)
  })

  it('two failed pods on one node: the first starts the backoff, the second waits for it (one delete per sync)', () => {
    const { plan, backoff } = decide(ds, addFailedPods(ds, 'node-0', 2))
    expect(countsOf(plan)).toEqual({ creates: 0, deletes: 1, events: 1 })
    expect(actionsOf(plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([backoffInitialMs / 1000])
    expect(Object.keys(backoff)).toEqual([failedPodsBackoffKey(ds, 'node-0')])
  })

  it('a failed pod on a node the DaemonSet must leave is deleted at once, without backoff or event', () => {
    const selective = newDaemonSet('foo', { podSpec: { nodeSelector: { color: 'blue' } } })
    const failed = addFailedPods(selective, 'node-0', 1)
    const first = decide(selective, failed)
    const again = decide(selective, failed, testNow, first.backoff)
    expect(countsOf(first.plan)).toEqual({ creates: 0, deletes: 1, events: 0 })
    expect(countsOf(again.plan)).toEqual({ creates: 0, deletes: 1, events: 0 })
  })
})
