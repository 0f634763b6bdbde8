import type { ControllerRevision, DaemonSet, Pod } from '../api'
import { truncateHistory } from './truncateHistory'

const ds = (limit?: number | null): DaemonSet => ({
  metadata: { name: 'foo', namespace: 'ns', uid: 'u' },
  spec: {
    template: { spec: { containers: [{ name: 'c' }] } },
    ...(limit !== undefined ? { revisionHistoryLimit: limit } : {}),
  },
})

const revision = (n: number, hash = `h${n}`): ControllerRevision => ({
  metadata: { name: `foo-${hash}`, namespace: 'ns', labels: { 'controller-revision-hash': hash } },
  revision: n,
})

const pod = (hash: string, status: Partial<Pod['metadata']> & { phase?: 'Failed' | 'Succeeded' } = {}): Pod => {
  const { phase, ...metadata } = status
  return {
    metadata: { name: `p-${hash}`, namespace: 'ns', labels: { 'controller-revision-hash': hash }, ...metadata },
    spec: { containers: [{ name: 'c' }], nodeName: 'n1' },
    ...(phase ? { status: { phase } } : {}),
  }
}

const range = (from: number, to: number): ControllerRevision[] => Array.from({ length: to - from + 1 }, (_, i) => revision(from + i))

describe('truncateHistory (cleanupHistory)', () => {
  it.each<[string, DaemonSet, ControllerRevision[], Pod[], string[]]>([
    ['nothing over the default limit of 10', ds(), range(1, 10), [], []],
    ['deletes the oldest over the default limit', ds(), range(1, 12), [], ['foo-h1', 'foo-h2']],
    ['null limit means the default', ds(null), range(1, 11), [], ['foo-h1']],
    ['limit 0 deletes every old revision', ds(0), range(1, 3), [], ['foo-h1', 'foo-h2', 'foo-h3']],
    ['oldest number first, whatever the list order', ds(1), [revision(5), revision(2), revision(9)], [], ['foo-h2', 'foo-h5']],
    ['skips revisions whose hash a pod carries and deletes the next instead', ds(2), range(1, 4), [pod('h1')], ['foo-h2', 'foo-h3']],
    ['terminating pods keep their revision', ds(0), range(1, 2), [pod('h1', { deletionTimestamp: '2026-01-01T00:00:00Z' })], ['foo-h2']],
    ['terminal pods keep their revision', ds(0), range(1, 2), [pod('h2', { phase: 'Failed' })], ['foo-h1']],
    ['may stay above the limit while pods use old revisions', ds(0), range(1, 2), [pod('h1'), pod('h2')], []],
    ['a revision without a hash label is never live', ds(0), [{ ...revision(1), metadata: { name: 'legacy', namespace: 'ns' } }], [pod('')], ['legacy']],
  ])('%s', (_name, daemonSet, old, pods, deleted) => {
    const actions = truncateHistory({ daemonSet, old, pods })
    expect(actions.map((a) => a.name)).toEqual(deleted)
    expect(actions.every((a) => a.type === 'DeleteRevision' && a.namespace === 'ns')).toBe(true)
  })
})
