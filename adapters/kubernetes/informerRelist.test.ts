import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import type { Pod } from '../../core/api'
import { kubeconfigYaml } from '../http/kubeconfig'
import { startApiServer } from '../http/server'
import { createMemoryStore } from '../memory/store'
import { pod, t0 } from '../memory/testing/fixtures'
import { createVirtualClock } from '../memory/virtualClock'
import { virtualScheduler } from '../memory/virtualScheduler'
import { Resources, type ClusterApi } from '../runtime/clusterApi'
import { createInformer } from '../runtime/informer'
import { kubernetesClusterApi } from './kubernetesClusterApi'
import { loadKubeConfig } from './kubeConfig'

const until = async (what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> => {
  const end = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('informer over client-node: 410 Expired from the server', () => {
  it('relists exactly once per backoff interval (1 s, 2 s, 4 s of the informer clock) and keeps the cache whole', async () => {
    // A watch window of 3 changes: after 6 pods, resourceVersion 1 is long compacted away.
    const store = createMemoryStore({ clock: createVirtualClock({ start: t0 }), historyLimit: 3 })
    for (let i = 0; i < 6; i++) store.create({ resource: Resources.pods, namespace: 'default', body: pod(`p${i}`) })
    const server = await startApiServer({ store })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-relist-'))
    const file = path.join(dir, 'kubeconfig')
    fs.writeFileSync(file, kubeconfigYaml(server.url))
    const loaded = loadKubeConfig(file)
    if (E.isLeft(loaded)) throw new Error(loaded.left)
    const real = kubernetesClusterApi({ config: loaded.right.config, server: loaded.right.server })

    const clock = createVirtualClock({ start: t0 })
    const lists: number[] = []
    // Every watch asks for the compacted version, as a client that fell behind would: the server
    // answers 410 each time, through the real HTTP stream and client-node's Watch.
    const behind: ClusterApi = {
      ...real,
      list: (request) => {
        lists.push(clock.now() - t0)
        return real.list(request)
      },
      watch: (request) => real.watch({ ...request, resourceVersion: '1' }),
    }
    const log: string[] = []
    const informer = createInformer<Pod>({
      api: behind,
      resource: Resources.pods,
      decode: (o) => o as unknown as Pod,
      scheduler: virtualScheduler(clock),
      log: (line) => void log.push(line),
    })
    const expiredSeen = (n: number) => () => log.filter((l) => l.includes('watch error 410')).length >= n
    try {
      await informer.start()
      expect(informer.cache.keys()).toHaveLength(6)
      await until('the first 410', expiredSeen(1))
      expect(lists).toEqual([0])

      clock.advanceTo(t0 + 999)
      expect(lists).toEqual([0])
      clock.advanceTo(t0 + 1000)
      expect(lists).toEqual([0, 1000])
      await until('the second 410', expiredSeen(2))

      clock.advanceTo(t0 + 2999)
      expect(lists).toEqual([0, 1000])
      clock.advanceTo(t0 + 3000)
      expect(lists).toEqual([0, 1000, 3000])
      await until('the third 410', expiredSeen(3))

      // A pod deleted meanwhile is gone from the cache after the next relist.
      store.delete({ resource: Resources.pods, namespace: 'default', name: 'p0', gracePeriodSeconds: 0 })
      clock.advanceTo(t0 + 6999)
      expect(lists).toEqual([0, 1000, 3000])
      await new Promise((r) => setTimeout(r, 100)) // real time passing does not list either
      expect(lists).toEqual([0, 1000, 3000])
      clock.advanceTo(t0 + 7000)
      expect(lists).toEqual([0, 1000, 3000, 7000])
      await until('the fourth 410', expiredSeen(4))
      expect(informer.cache.keys()).toEqual(['default/p1', 'default/p2', 'default/p3', 'default/p4', 'default/p5'])
      expect(log.find((l) => l.includes('410'))).toContain('too old resource version: 1')
    } finally {
      informer.stop()
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
