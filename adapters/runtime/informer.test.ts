import { of, type Observable } from 'rxjs'
import type { Pod } from '../../core/api'
import { memoryClusterApi } from '../memory/memoryClusterApi'
import { expired } from '../memory/status'
import { createPod, newWorld } from '../memory/testing/fixtures'
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
