import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs'
import { kubeconfigYaml } from '../http/kubeconfig'
import { startApiServer, type ApiServer } from '../http/server'
import type { MemoryStore } from '../memory/memoryStore'
import { createMemoryStore } from '../memory/store'
import { pod, t0 } from '../memory/testing/fixtures'
import { createVirtualClock } from '../memory/virtualClock'
import { Resources, type ClusterApi, type KubeObject } from '../runtime/clusterApi'
import { kubernetesClusterApi } from './kubernetesClusterApi'
import { loadKubeConfig } from './kubeConfig'

const right = <A>(either: E.Either<{ readonly status: { readonly message: string } }, A>): A => {
  if (E.isLeft(either)) throw new Error(either.left.status.message)
  return either.right
}

/** A store with a short watch window behind the real HTTP API, and a client-node ClusterApi for it. */
const served = async (historyLimit = 10_000): Promise<{ readonly store: MemoryStore; readonly server: ApiServer; readonly api: ClusterApi; readonly dir: string }> => {
  const store = createMemoryStore({ clock: createVirtualClock({ start: t0 }), historyLimit })
  const server = await startApiServer({ store, token: 's3cret' })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-k8s-'))
  const file = path.join(dir, 'kubeconfig')
  fs.writeFileSync(file, kubeconfigYaml(server.url, 's3cret'))
  const loaded = loadKubeConfig(file)
  if (E.isLeft(loaded)) throw new Error(loaded.left)
  return { store, server, dir, api: kubernetesClusterApi({ config: loaded.right.config, server: loaded.right.server }) }
}

describe('kubernetesClusterApi (client-node against kuberules serve)', () => {
  let world: Awaited<ReturnType<typeof served>>
  beforeEach(async () => {
    world = await served(5)
  })
  afterEach(async () => {
    await world.server.close()
    fs.rmSync(world.dir, { recursive: true, force: true })
  })

  it('creates, reads, lists (items get their kind), updates with a resourceVersion precondition, patches and deletes', async () => {
    const { api } = world
    const created = right(await api.create({ resource: Resources.pods, namespace: 'default', body: pod('a', { labels: { app: 'x' } }) }))
    expect(created.metadata.uid).toBeDefined()
    const got = right(await api.get({ resource: Resources.pods, namespace: 'default', name: 'a' }))
    expect(got.metadata.resourceVersion).toBe(created.metadata.resourceVersion)
    const list = right(await api.list({ resource: Resources.pods, labelSelector: 'app=x' }))
    expect(list.items.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name ?? ''}`)).toEqual(['v1 Pod a'])

    const patched = right(
      await api.patch({ resource: Resources.pods, namespace: 'default', name: 'a', patchType: 'application/merge-patch+json', patch: { metadata: { labels: { app: 'z' } } } }),
    )
    expect(patched.metadata.labels).toEqual({ app: 'z' })
    // `got` is now one write behind: a replace from it must not go through.
    const conflict = await api.update({ resource: Resources.pods, namespace: 'default', name: 'a', body: { ...got, metadata: { ...got.metadata, labels: { app: 'y' } } } })
    expect(E.isLeft(conflict) && conflict.left._tag).toBe('Conflict')

    const refused = await api.delete({ resource: Resources.pods, namespace: 'default', name: 'a', preconditions: { resourceVersion: got.metadata.resourceVersion ?? '' } })
    expect(E.isLeft(refused) && refused.left._tag).toBe('Conflict')
    const deleted = right(await api.delete({ resource: Resources.pods, namespace: 'default', name: 'a', gracePeriodSeconds: 0, preconditions: { resourceVersion: patched.metadata.resourceVersion ?? '' } }))
    expect(deleted._tag).toBe('Removed')
    const gone = await api.get({ resource: Resources.pods, namespace: 'default', name: 'a' })
    expect(E.isLeft(gone) && gone.left._tag).toBe('NotFound')
  })

  it('streams watch events, and passes on 410 Expired for a resourceVersion out of the window, then completes', async () => {
    const { api, store } = world
    const listed = right(await api.list({ resource: Resources.pods }))
    const events = firstValueFrom(api.watch({ resource: Resources.pods, resourceVersion: listed.metadata.resourceVersion }).pipe(take(2), toArray()))
    await new Promise((r) => setTimeout(r, 50))
    store.create({ resource: Resources.pods, namespace: 'default', body: pod('w1') })
    store.delete({ resource: Resources.pods, namespace: 'default', name: 'w1', gracePeriodSeconds: 0 })
    expect((await events).map((e) => `${e.type} ${(e.object as KubeObject).metadata.name ?? ''}`)).toEqual(['ADDED w1', 'DELETED w1'])

    for (let i = 0; i < 6; i++) store.create({ resource: Resources.pods, namespace: 'default', body: pod(`p${i}`) })
    const expired = await lastValueFrom(api.watch({ resource: Resources.pods, resourceVersion: '1' }).pipe(toArray()))
    expect(expired.map((e) => e.type)).toEqual(['ERROR'])
    expect(expired[0]?.object).toMatchObject({ code: 410, reason: 'Expired' })
  })

  it('answers an unreachable server with a retryable error that names it', async () => {
    const port = world.server.port
    await world.server.close()
    const result = await world.api.list({ resource: Resources.nodes })
    expect(E.isLeft(result) && result.left._tag).toBe('Retryable')
    expect(E.isLeft(result) && result.left.status.message).toMatch(new RegExp(`cannot reach the API server at http://127.0.0.1:${port}: .*ECONNREFUSED`))
  })
})
