import { Resources, type WatchEvent } from '../runtime/clusterApi'
import { createPod, newWorld, right } from './testing/fixtures'

const pods = Resources.pods
const summary = (events: ReadonlyArray<WatchEvent>): ReadonlyArray<string> =>
  events.map((e) => (e.type === 'ERROR' ? `ERROR ${e.object.code} ${e.object.message}` : `${e.type} ${e.object.metadata.name ?? ''} ${e.object.metadata.resourceVersion ?? ''}`))

describe('watch', () => {
  it('from "0" sends every matching object as ADDED, then live changes', () => {
    const { store } = newWorld()
    createPod(store, 'a')
    createPod(store, 'b')
    const events: WatchEvent[] = []
    const sub = store.watch({ resource: pods, resourceVersion: '0' }).subscribe((e) => events.push(e))
    createPod(store, 'c')
    right(store.delete({ resource: pods, name: 'a' }))
    sub.unsubscribe()
    createPod(store, 'd')
    expect(summary(events)).toEqual(['ADDED a 1', 'ADDED b 2', 'ADDED c 3', 'DELETED a 4'])
  })

  it('from a resourceVersion replays only the changes after it, then streams', () => {
    const { store } = newWorld()
    createPod(store, 'a')
    const listed = right(store.list({ resource: pods })).metadata.resourceVersion
    createPod(store, 'b')
    right(store.patch({ resource: pods, name: 'a', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { x: 'y' } } } }))
    createNamespace(store)
    const events: WatchEvent[] = []
    store.watch({ resource: pods, resourceVersion: listed }).subscribe((e) => events.push(e))
    expect(summary(events)).toEqual(['ADDED b 2', 'MODIFIED a 3'])
    createPod(store, 'c')
    expect(summary(events)).toEqual(['ADDED b 2', 'MODIFIED a 3', 'ADDED c 5'])
  })

  it('answers 410 Expired (ERROR event, then completion) when the resourceVersion is too old', () => {
    const { store } = newWorld({ historyLimit: 3 })
    for (const name of ['a', 'b', 'c', 'd', 'e']) createPod(store, name)
    const events: WatchEvent[] = []
    let completed = false
    store.watch({ resource: pods, resourceVersion: '1' }).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) })
    expect(summary(events)).toEqual(['ERROR 410 too old resource version: 1 (2)'])
    expect(events[0]?.object).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired' })
    expect(completed).toBe(true)
    const resumed: WatchEvent[] = []
    store.watch({ resource: pods, resourceVersion: '2' }).subscribe((e) => resumed.push(e))
    expect(summary(resumed)).toEqual(['ADDED c 3', 'ADDED d 4', 'ADDED e 5'])
  })

  it('filters by namespace and selectors; objects entering or leaving the selection are ADDED or DELETED', () => {
    const { store } = newWorld()
    const events: WatchEvent[] = []
    store.watch({ resource: pods, namespace: 'default', labelSelector: 'app=web', fieldSelector: 'metadata.name!=ignored' }).subscribe((e) => events.push(e))
    createPod(store, 'p', { labels: { app: 'db' } })
    createPod(store, 'ignored', { labels: { app: 'web' } })
    right(store.create({ resource: pods, namespace: 'other', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q', labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } } }))
    const relabel = (app: string) => right(store.patch({ resource: pods, name: 'p', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { app } } } }))
    relabel('web')
    right(store.patch({ resource: pods, name: 'p', subresource: 'status', patchType: 'application/merge-patch+json', patch: { status: { phase: 'Running' } } }))
    relabel('db')
    expect(summary(events)).toEqual(['ADDED p 4', 'MODIFIED p 5', 'DELETED p 6'])
  })

  it('keeps events in resourceVersion order when a watcher writes while receiving', () => {
    const { store } = newWorld()
    const first: string[] = []
    const second: string[] = []
    store.watch({ resource: pods }).subscribe((e) => {
      first.push(summary([e])[0] ?? '')
      if (e.object.metadata.name === 'a') createPod(store, 'b')
    })
    store.watch({ resource: pods }).subscribe((e) => second.push(summary([e])[0] ?? ''))
    createPod(store, 'a')
    expect(first).toEqual(['ADDED a 1', 'ADDED b 2'])
    expect(second).toEqual(first)
  })

  it('reports bad requests as an ERROR event', () => {
    const { store } = newWorld()
    const events: WatchEvent[] = []
    store.watch({ resource: pods, resourceVersion: '99' }).subscribe((e) => events.push(e))
    store.watch({ resource: pods, fieldSelector: 'spec.nope=1' }).subscribe((e) => events.push(e))
    expect(summary(events)).toEqual(['ERROR 504 Too large resource version: 99, current: 0', 'ERROR 400 field label not supported: spec.nope'])
  })
})

const createNamespace = (store: ReturnType<typeof newWorld>['store']): void => {
  right(store.create({ resource: Resources.namespaces, body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'noise' } } }))
}
