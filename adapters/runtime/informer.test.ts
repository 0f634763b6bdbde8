import { Observable, of, type Subscriber } from 'rxjs'
import type { Pod } from '../../core/api'
import { memoryClusterApi } from '../memory/memoryClusterApi'
import { expired } from '../memory/status'
import { createPod, newWorld, t0 } from '../memory/testing/fixtures'
import { virtualScheduler } from '../memory/virtualScheduler'
import { Resources, type ClusterApi, type WatchEvent } from './clusterApi'
import { createInformer, type InformerEvent } from './informer'
import { IndexNames, orphansIn, ownedBy } from './sharedInformers'

describe('informer', () => {
  it('lists, then follows the watch; the cache is indexed by owner', async () => {
    const { store } = newWorld()
    const owner = createPod(store, 'owner')
    createPod(store, 'a', { owner })
    const informer = createInformer<Pod>({
      api: memoryClusterApi(store),
      resource: Resources.pods,
      decode: (o) => o as unknown as Pod,
      indexers: { [IndexNames.owner]: (p) => [p.metadata.ownerReferences?.[0] === undefined ? orphansIn(p.metadata.namespace ?? '') : ownedBy(p.metadata.ownerReferences[0].uid)] },
    })
    const seen: string[] = []
    informer.events$.subscribe((e) => seen.push(`${e.type} ${e.object.metadata.name ?? ''}`))
    await informer.start()
    createPod(store, 'b', { owner })
    expect(seen).toEqual(['Added a', 'Added owner', 'Added b']) // a list comes in key order
    expect(informer.cache.byIndex(IndexNames.owner, ownedBy(owner.metadata.uid ?? '')).map((p) => p.metadata.name)).toEqual(['a', 'b'])
    expect(informer.hasSynced()).toBe(true)
    informer.stop()
  })

  it('relists after a 410 Expired watch error: updates what is there, deletes what is gone', async () => {
    const { store } = newWorld()
    createPod(store, 'stays')
    createPod(store, 'goes')
    const api = memoryClusterApi(store)
    let watches = 0
    const flaky: ClusterApi = {
      ...api,
      watch: (request): Observable<WatchEvent> => {
        watches++
        if (watches !== 1) return api.watch(request)
        // While the first watch is broken, a pod disappears; the relist must notice.
        store.delete({ resource: Resources.pods, namespace: 'default', name: 'goes', gracePeriodSeconds: 0 })
        return of<WatchEvent>({ type: 'ERROR', object: expired('too old resource version: 1 (2)') })
      },
    }
    const informer = createInformer<Pod>({ api: flaky, resource: Resources.pods, decode: (o) => o as unknown as Pod })
    const seen: Array<InformerEvent<Pod>['type']> = []
    informer.events$.subscribe((e) => seen.push(e.type))
    await informer.start()
    await new Promise((resolve) => setImmediate(resolve))
    expect(watches).toBe(2)
    expect(seen).toEqual(['Added', 'Added', 'Updated', 'Deleted'])
    expect(informer.cache.keys()).toEqual(['default/stays'])
    createPod(store, 'later')
    expect(informer.cache.keys()).toEqual(['default/stays', 'default/later'])
    informer.stop()
  })
})

describe('informer relist backoff', () => {
  /** An API whose every watch answers 410 Expired while `expiring` says so; lists are counted with their virtual time. */
  const expiringApi = (api: ClusterApi, now: () => number) => {
    const lists: number[] = []
    const state = { expiring: true }
    const wrapped: ClusterApi = {
      ...api,
      list: (request) => {
        lists.push(now())
        return api.list(request)
      },
      watch: (request) => (state.expiring ? of<WatchEvent>({ type: 'ERROR', object: expired('too old resource version') }) : api.watch(request)),
    }
    return { api: wrapped, lists, state }
  }

  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

  it('lists at most once per backoff interval after repeated 410s: 1 s, 2 s, 4 s … up to 30 s', async () => {
    const { store, clock } = newWorld()
    createPod(store, 'a')
    const scheduler = virtualScheduler(clock)
    const { api, lists } = expiringApi(memoryClusterApi(store), () => clock.now() - t0)
    const informer = createInformer<Pod>({ api, resource: Resources.pods, decode: (o) => o as unknown as Pod, scheduler })
    await informer.start()
    const at = async (ms: number): Promise<ReadonlyArray<number>> => {
      // Each relist's answer arrives on a later turn: let it land before the clock moves past the next timer.
      await clock.runUntilAsync(t0 + ms)
      clock.advanceTo(t0 + ms)
      await flush()
      return [...lists]
    }
    expect(lists).toEqual([0])
    expect(await at(999)).toEqual([0])
    expect(await at(1000)).toEqual([0, 1000])
    expect(await at(2999)).toEqual([0, 1000])
    expect(await at(3000)).toEqual([0, 1000, 3000])
    expect(await at(7000)).toEqual([0, 1000, 3000, 7000])
    await at(200_000)
    // The gap doubles to 30 s and stays there: 15 s, 31 s, 61 s, 91 s, …
    expect(lists.slice(4, 8)).toEqual([15_000, 31_000, 61_000, 91_000])
    const gaps = lists.slice(1).map((t, i) => t - (lists[i] ?? 0))
    expect(Math.max(...gaps)).toBe(30_000)
    expect(Math.min(...gaps)).toBe(1000)

    informer.stop()
  })

  it('after a quiet period the first relist is immediate and the gap starts again at 1 s', async () => {
    const { store, clock } = newWorld()
    const scheduler = virtualScheduler(clock)
    const { api, lists, state } = expiringApi(memoryClusterApi(store), () => clock.now() - t0)
    state.expiring = false
    let liveWatch: Subscriber<WatchEvent> | undefined
    // The watch stays open until the test breaks it with a 410, as a server's compaction would.
    const breakable: ClusterApi = {
      ...api,
      watch: () =>
        state.expiring
          ? of<WatchEvent>({ type: 'ERROR', object: expired('too old resource version') })
          : new Observable<WatchEvent>((subscriber) => {
              liveWatch = subscriber
            }),
    }
    const informer = createInformer<Pod>({ api: breakable, resource: Resources.pods, decode: (o) => o as unknown as Pod, scheduler })
    await informer.start()
    clock.advanceTo(t0 + 300_000)
    await flush()
    expect(lists).toEqual([0])
    state.expiring = true
    liveWatch?.next({ type: 'ERROR', object: expired('too old resource version') })
    liveWatch?.complete()
    clock.advanceTo(t0 + 300_000)
    await flush()
    expect(lists).toEqual([0, 300_000])
    clock.advanceTo(t0 + 300_999)
    await flush()
    expect(lists).toEqual([0, 300_000])
    clock.advanceTo(t0 + 301_000)
    await flush()
    expect(lists).toEqual([0, 300_000, 301_000])
    informer.stop()
  })
})
