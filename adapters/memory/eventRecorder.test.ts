import { recordEvent } from '../../core/plan'
import { Resources } from '../runtime/clusterApi'
import { createEventRecorder } from './eventRecorder'
import type { KubeObject } from '../runtime/clusterApi'
import type * as E from 'fp-ts/Either'
import type { Status } from './status'
import { createDaemonSet, newWorld, right, t0 } from './testing/fixtures'

/** The Event a recording wrote (it must not have been filtered). */
const written = (result: E.Either<Status, KubeObject | undefined>): KubeObject => {
  const event = right(result)
  if (event === undefined) throw new Error('expected a written Event, got a filtered one')
  return event
}

describe('createEventRecorder', () => {
  it('writes a v1 Event for a RecordEvent action and aggregates repeats', () => {
    const { store, clock } = newWorld()
    const owner = createDaemonSet(store, 'fluentd')
    const recorder = createEventRecorder(store, { component: 'daemonset-controller' })
    const action = recordEvent({ kind: 'DaemonSet', namespace: 'default', name: 'fluentd' }, 'Normal', 'SuccessfulCreate', 'Created pod: fluentd-abcde')
    const first = written(recorder.recordEvent(action))
    expect(first).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `fluentd.${(BigInt(t0) * 1_000_000n).toString(16)}`, namespace: 'default' },
      involvedObject: { kind: 'DaemonSet', namespace: 'default', name: 'fluentd', uid: owner.metadata.uid, apiVersion: 'apps/v1', resourceVersion: '1' },
      reason: 'SuccessfulCreate',
      message: 'Created pod: fluentd-abcde',
      type: 'Normal',
      source: { component: 'daemonset-controller' },
      count: 1,
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:00Z',
    })
    clock.advanceBy(5000)
    const second = written(recorder.recordEvent(action))
    expect(second.metadata.name).toBe(first.metadata.name)
    expect(second).toMatchObject({ count: 2, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:05Z' })
    right(recorder.recordEvent({ ...action, message: 'Created pod: fluentd-fghij' }))
    const listed = right(store.list({ resource: Resources.events, fieldSelector: 'involvedObject.kind=DaemonSet,involvedObject.name=fluentd,reason=SuccessfulCreate' }))
    expect(listed.items.map((e) => [e['message'], e['count']])).toEqual([
      ['Created pod: fluentd-abcde', 2],
      ['Created pod: fluentd-fghij', 1],
    ])
  })

  it('puts events about cluster-scoped objects in the default namespace', () => {
    const { store } = newWorld()
    const recorder = createEventRecorder(store, { component: 'kubelet', host: 'node-1' })
    const event = written(recorder.recordEvent(recordEvent({ kind: 'Node', namespace: '', name: 'node-1' }, 'Warning', 'NodeNotReady', 'Node node-1 status is now: NodeNotReady')))
    expect(event.metadata.namespace).toBe('default')
    expect(event['involvedObject']).toEqual({ kind: 'Node', name: 'node-1' })
    expect(event['source']).toEqual({ component: 'kubelet', host: 'node-1' })
  })

  it('aggregates similar events, drops spam per object and recreates a repeated Event that is gone', () => {
    const { store, clock } = newWorld()
    createDaemonSet(store, 'fluentd')
    const recorder = createEventRecorder(store, { component: 'daemonset-controller' })
    const created = (i: number) => recorder.recordEvent(recordEvent({ kind: 'DaemonSet', namespace: 'default', name: 'fluentd' }, 'Normal', 'SuccessfulCreate', `Created pod: p${i}`))
    for (let i = 1; i <= 12; i++) {
      written(created(i))
      clock.advanceBy(1000)
    }
    const listed = () => right(store.list({ resource: Resources.events })).items
    expect(listed()).toHaveLength(10)
    const combined = listed().find((e) => String(e['message']).startsWith('(combined'))
    expect(combined).toMatchObject({ message: '(combined from similar events): Created pod: p12', count: 3, reportingComponent: '' })
    for (let i = 13; i <= 25; i++) written(created(i))
    expect(right(created(26))).toBeUndefined()
    expect(listed()).toHaveLength(10)
    right(store.delete({ resource: Resources.events, namespace: 'default', name: combined?.metadata.name ?? '' }))
    clock.advanceBy(300_000)
    const again = written(created(27))
    expect(again).toMatchObject({ metadata: { name: combined?.metadata.name }, message: '(combined from similar events): Created pod: p27', count: 18 })
  })
})
