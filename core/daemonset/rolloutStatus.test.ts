import * as E from 'fp-ts/Either'
import type { DaemonSet, DaemonSetStatus } from '../api'
import { aDaemonSet } from '../../properties/builders'
import { rolloutStatus } from './rolloutStatus'

/** Ports of kubectl pkg/polymorphichelpers/rollout_status_test.go, DaemonSet cases. */

const daemonSet = (generation: number, status: DaemonSetStatus, type = 'RollingUpdate'): DaemonSet => {
  const ds = aDaemonSet('foo', { namespace: 'bar', uid: '8764ae47-9092-11e4-8393-42010af018ff', generation, spec: { updateStrategy: { type } } })
  return { ...ds, status }
}

describe('TestDaemonSetStatusViewerStatus', () => {
  it.each([
    {
      name: 'test1',
      generation: 0,
      status: { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 },
      msg: 'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...\n',
      done: false,
    },
    {
      name: 'test2',
      generation: 1,
      status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 },
      msg: 'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...\n',
      done: false,
    },
    {
      name: 'test3',
      generation: 1,
      status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
      msg: 'daemon set "foo" successfully rolled out\n',
      done: true,
    },
    {
      name: 'test4',
      generation: 2,
      status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
      msg: 'Waiting for daemon set spec update to be observed...\n',
      done: false,
    },
  ])('$name', ({ generation, status, msg, done }) => {
    expect(rolloutStatus(daemonSet(generation, status))).toEqual(E.right({ message: msg, done }))
  })
})

describe('TestDaemonSetStatusViewerStatusWithWrongUpdateStrategyType', () => {
  it('OnDelete is an error', () => {
    expect(rolloutStatus(daemonSet(0, {}, 'OnDelete'))).toEqual(E.left('rollout status is only available for RollingUpdate strategy type'))
  })
})

describe('rollout status details (reference §6.5)', () => {
  it('an empty status of a fresh DaemonSet waits for the spec to be observed', () => {
    expect(rolloutStatus(daemonSet(1, {}))).toEqual(E.right({ message: 'Waiting for daemon set spec update to be observed...\n', done: false }))
  })

  it('with nothing desired the rollout is done', () => {
    expect(rolloutStatus(daemonSet(1, { observedGeneration: 1 }))).toEqual(E.right({ message: 'daemon set "foo" successfully rolled out\n', done: true }))
  })
})
