import { recordEvent } from '../../core/plan'
import { Resources } from '../runtime/clusterApi'
import { createEventRecorder } from './eventRecorder'
import { createDaemonSet, newWorld, right, t0 } from './testing/fixtures'

describe('createEventRecorder', () => {
  it('writes a v1 Event for a RecordEvent action and aggregates repeats', () => {
    const { store, clock } = newWorld()
    const owner = createDaemonSet(store, 'fluentd')
    const recorder = createEventRecorder(store, { component: 'daemonset-controller' })
    const action = recordEvent({ kind: 'DaemonSet', namespace: 'default', name: 'fluentd' }, 'Normal', 'SuccessfulCreate', 'Created pod: fluentd-abcde')
    const first = right(recorder.recordEvent(action))
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
    const second = right(recorder.recordEvent(action))
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
    const event = right(recorder.recordEvent(recordEvent({ kind: 'Node', namespace: '', name: 'node-1' }, 'Warning', 'NodeNotReady', 'Node node-1 status is now: NodeNotReady')))
    expect(event.metadata.namespace).toBe('default')
    expect(event['involvedObject']).toEqual({ kind: 'Node', name: 'node-1' })
    expect(event['source']).toEqual({ component: 'kubelet', host: 'node-1' })
  })
})
