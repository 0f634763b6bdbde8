import { readUntil, testClient } from './testClient'
import { serveTestCluster, type ServedCluster } from './testCluster'

/** BOOKMARK events on watches that allow them, with a short interval so the test need not wait a minute. */
let served: ServedCluster
beforeAll(async () => {
  served = await serveTestCluster({ nodes: 1, speed: 1, bookmarkIntervalMs: 100 })
})
afterAll(() => served.stop())

const { call } = testClient(() => served.api.url)

type WatchEvent = { type: string; object: { kind: string; apiVersion: string; metadata: { resourceVersion: string; name?: string } } }
const events = (text: string): ReadonlyArray<WatchEvent> =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as WatchEvent)

describe('watch bookmarks', () => {
  it('come periodically on a quiet stream, carrying only the kind and the latest resourceVersion', async () => {
    const rv = ((await call('/apis/batch/v1/namespaces/default/jobs')).body['metadata'] as { resourceVersion: string }).resourceVersion
    const controller = new AbortController()
    const res = await fetch(`${served.api.url}/apis/batch/v1/namespaces/default/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=${rv}`, { signal: controller.signal })
    const { text } = await readUntil(res, (t) => events(t).filter((e) => e.type === 'BOOKMARK').length >= 2)
    controller.abort()
    const bookmarks = events(text).filter((e) => e.type === 'BOOKMARK')
    expect(bookmarks.length).toBeGreaterThanOrEqual(2)
    for (const b of bookmarks) {
      expect(b.object).toEqual({ kind: 'Job', apiVersion: 'batch/v1', metadata: { resourceVersion: expect.stringMatching(/^\d+$/) } })
      // The store moves on (node heartbeats, pods), so the bookmark is at or past where the watch started.
      expect(Number(b.object.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(rv))
    }
  })

  it('are not sent unless asked for, and one comes right before a timeout closes the stream', async () => {
    const quiet = await fetch(`${served.api.url}/api/v1/namespaces/kube-system/pods?watch=1&resourceVersion=1&timeoutSeconds=1`)
    expect(events(await quiet.text()).filter((e) => e.type === 'BOOKMARK')).toEqual([])
    const slow = await serveTestCluster({ nodes: 0, bookmarkIntervalMs: 60_000 })
    try {
      const res = await fetch(`${slow.api.url}/api/v1/namespaces?watch=1&allowWatchBookmarks=true&timeoutSeconds=1`)
      const all = events(await res.text())
      expect(all.slice(0, -1).every((e) => e.type === 'ADDED')).toBe(true)
      expect(all[all.length - 1]).toEqual({ type: 'BOOKMARK', object: { kind: 'Namespace', apiVersion: 'v1', metadata: { resourceVersion: expect.any(String) } } })
    } finally {
      await slow.stop()
    }
  })
})
