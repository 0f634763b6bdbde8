import { delay } from 'rxjs'
import { targetNodeOf } from '../../core/scheduling'
import type { Pod } from '../../core/api'
import * as E from 'fp-ts/Either'
import { applyObjects, readyNodes } from '../memory/applyObjects'
import { memoryClusterApi } from '../memory/memoryClusterApi'
import { runClock } from '../memory/runClock'
import { daemonSet, newWorld, right } from '../memory/testing/fixtures'
import { virtualScheduler } from '../memory/virtualScheduler'
import { createActivity } from './activity'
import { Resources, type ClusterApi } from './clusterApi'
import type { Controller } from './controller'
import { startControllerManager } from './controllerManager'
import { daemonSetController } from './controllers'
import { discardEvents } from './eventSink'
import { createSharedInformers } from './sharedInformers'

/** The DaemonSet controller with its expectations ignored by the reducer: the harness must catch what that breaks. */
const withoutExpectations: Controller = {
  ...daemonSetController,
  start: (context) => {
    const inner = daemonSetController.start(context)
    return { ...inner, sync: (key) => inner.sync(key, true) }
  },
}

/** Three ready nodes, one DaemonSet, and a pod informer whose watch lags `lagMs` behind the store. */
const run = async (controller: Controller, lagMs: number) => {
  const world = newWorld()
  const scheduler = virtualScheduler(world.clock)
  const direct = memoryClusterApi(world.store)
  const lagging: ClusterApi = {
    ...direct,
    watch: (request) => (request.resource.resource === 'pods' ? direct.watch(request).pipe(delay(lagMs, scheduler)) : direct.watch(request)),
  }
  const activity = createActivity()
  const informers = createSharedInformers({ api: lagging, decode: 'codec', scheduler, activity })
  const controllers = await startControllerManager([controller], {
    api: lagging,
    informers,
    scheduler,
    activity,
    events: () => discardEvents,
    resyncPeriodMs: 500,
  })
  let created = 0
  world.store.changes$.subscribe((c) => {
    if (c.type === 'ADDED' && c.object.kind === 'Pod') created++
  })
  applyObjects(world.store, [...readyNodes(3), { ...daemonSet('agent'), metadata: { name: 'agent', namespace: 'default' } }])
  await runClock({ clock: world.clock, store: world.store, activity, controllers, backgroundPending: () => 0 }, { for: 10_000 })
  controllers.stop()
  const pods = right(world.store.list({ resource: Resources.pods })).items as unknown as ReadonlyArray<Pod>
  return { created, pods, perNode: pods.map((p) => E.getOrElse(() => '')(targetNodeOf(p))).sort(), stats: controllers.stats() }
}

describe('controllerLoop', () => {
  it('expectations keep a lagging cache from creating a second pod on a node', async () => {
    const { created, perNode, stats } = await run(daemonSetController, 3000)
    expect(created).toBe(3)
    expect(perNode).toEqual(['node-1', 'node-2', 'node-3'])
    expect(stats['daemonset-controller']?.syncs).toBeGreaterThan(5)
  })

  it('without them, the same lag leads to duplicates (the harness has teeth)', async () => {
    const { created, perNode } = await run(withoutExpectations, 3000)
    expect(created).toBeGreaterThan(3)
    // The level-triggered reducer cleans up once the cache catches up: one pod per node again.
    expect(perNode).toEqual(['node-1', 'node-2', 'node-3'])
  })

  it('with a fresh cache, one sync is enough and resyncs write nothing more', async () => {
    const { pods, stats } = await run(daemonSetController, 0)
    expect(pods).toHaveLength(3)
    const ds = stats['daemonset-controller']
    expect(ds?.failures).toBe(0)
    // A revision, three pods, one status: then twenty resyncs that find nothing to do.
    expect(ds?.syncs).toBeGreaterThan(20)
    expect(ds?.writes).toBe(5)
  })
})
