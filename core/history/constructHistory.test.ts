import type { Action } from '../plan'
import type { ControllerRevision, DaemonSet, OwnerReference, Pod } from '../api'
import { constructHistory, type HistoryResult } from './constructHistory'
import type { HashTemplate } from './hashRevision'
import { revisionPatch } from './revisionData'
import { snapshotRevision } from './snapshot'

const ns = 'kube-system'
const hashLabel = 'controller-revision-hash'

const ds = (image: string, extra: { collisionCount?: number; deleting?: boolean } = {}): DaemonSet => ({
  metadata: { name: 'foo', namespace: ns, uid: 'uid-foo', ...(extra.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  spec: {
    selector: { matchLabels: { name: 'foo' } },
    template: { metadata: { labels: { name: 'foo' } }, spec: { containers: [{ name: 'foo', image }] } },
  },
  ...(extra.collisionCount !== undefined ? { status: { collisionCount: extra.collisionCount } } : {}),
})

/** Hash = image, so names are readable: `foo-img1`. */
const byImage: HashTemplate = (template, collisionCount) =>
  `${(template.spec.containers[0]?.image ?? '').replace(/\W/g, '')}${collisionCount !== undefined ? `c${collisionCount}` : ''}`

const revisionOf = (image: string, n: number, name = `foo-${image.replace(/\W/g, '')}`): ControllerRevision => {
  const r = snapshotRevision(ds(image), n, name.slice('foo-'.length))
  return { ...r, metadata: { ...r.metadata, name } }
}

const owned = (r: ControllerRevision, owners: OwnerReference[] | undefined): ControllerRevision => {
  const { ownerReferences: _o, ...metadata } = r.metadata
  return { ...r, metadata: owners ? { ...metadata, ownerReferences: owners } : metadata }
}

const pod = (name: string, hash?: string): Pod => ({
  metadata: { name, namespace: ns, labels: { name: 'foo', ...(hash ? { [hashLabel]: hash } : {}) } },
  spec: { containers: [{ name: 'foo' }], nodeName: `node-${name}` },
})

const run = (daemonSet: DaemonSet, revisions: ControllerRevision[], pods: Pod[] = []): HistoryResult =>
  constructHistory({ daemonSet, revisions, pods, hash: byImage })

const constructedOf = (result: HistoryResult) => {
  if (result._tag !== 'Constructed') throw new Error(`expected Constructed, got ${result._tag}`)
  return result
}

const summary = (actions: ReadonlyArray<Action>): string[] =>
  actions.map((a) => {
    switch (a.type) {
      case 'CreateRevision':
      case 'UpdateRevision':
        return `${a.type} ${a.revision.metadata.name}#${a.revision.revision}`
      case 'DeleteRevision':
        return `DeleteRevision ${a.name}`
      case 'UpdatePod':
        return `UpdatePod ${a.name} ${JSON.stringify(a.patch)}`
      default:
        return a.type
    }
  })

describe('constructHistory', () => {
  it.each<[string, DaemonSet, ControllerRevision[], Pod[], { current: string; hash: string; old: string[]; actions: string[] }]>([
    ['first sync creates revision 1', ds('img:1'), [], [], { current: 'foo-img1#1', hash: 'img1', old: [], actions: ['CreateRevision foo-img1#1'] }],
    ['a matching revision is current, nothing to write', ds('img:1'), [revisionOf('img:1', 1)], [], { current: 'foo-img1#1', hash: 'img1', old: [], actions: [] }],
    [
      'a template change snapshots max(old)+1',
      ds('img:2'),
      [revisionOf('img:1', 1)],
      [],
      { current: 'foo-img2#2', hash: 'img2', old: ['foo-img1#1'], actions: ['CreateRevision foo-img2#2'] },
    ],
    [
      'rolling back renumbers the matching old revision (1 -> 3)',
      ds('img:1'),
      [revisionOf('img:1', 1), revisionOf('img:2', 2)],
      [],
      { current: 'foo-img1#3', hash: 'img1', old: ['foo-img2#2'], actions: ['UpdateRevision foo-img1#3'] },
    ],
    [
      'a current revision numbered above the old ones keeps its number',
      ds('img:1'),
      [revisionOf('img:1', 7), revisionOf('img:2', 2)],
      [],
      { current: 'foo-img1#7', hash: 'img1', old: ['foo-img2#2'], actions: [] },
    ],
    [
      'a legacy revision without the hash label gets its own name as hash',
      ds('img:2'),
      [{ ...revisionOf('img:1', 1), metadata: { ...revisionOf('img:1', 1).metadata, labels: { name: 'foo' } } }],
      [],
      { current: 'foo-img2#2', hash: 'img2', old: ['foo-img1#1'], actions: ['UpdateRevision foo-img1#1', 'CreateRevision foo-img2#2'] },
    ],
    [
      'duplicates: keep the highest, relabel pods, delete the rest (TestDSCUpdatesPodLabelAfterDedupCurHistories)',
      ds('img:1'),
      [revisionOf('img:1', 1), revisionOf('img:1', 2, 'foo-fake')],
      [pod('a', 'img1'), pod('b', 'fake'), pod('c')],
      {
        current: 'foo-fake#2',
        hash: 'fake',
        old: [],
        actions: ['UpdatePod a {"metadata":{"labels":{"controller-revision-hash":"fake"}}}', 'UpdatePod c {"metadata":{"labels":{"controller-revision-hash":"fake"}}}', 'DeleteRevision foo-img1'],
      },
    ],
    [
      'duplicates with equal numbers: the later one wins, then it is renumbered',
      ds('img:1'),
      [revisionOf('img:1', 1), revisionOf('img:1', 1, 'foo-twin'), revisionOf('img:2', 4)],
      [],
      { current: 'foo-twin#5', hash: 'twin', old: ['foo-img2#4'], actions: ['DeleteRevision foo-img1', 'UpdateRevision foo-twin#5'] },
    ],
  ])('%s', (_name, daemonSet, revisions, pods, expected) => {
    const result = constructedOf(run(daemonSet, revisions, pods))
    expect(`${result.current.metadata.name}#${result.current.revision}`).toBe(expected.current)
    expect(result.hash).toBe(expected.hash)
    expect(result.old.map((r) => `${r.metadata.name}#${r.revision}`)).toEqual(expected.old)
    expect(summary(result.actions)).toEqual(expected.actions)
  })

  it('stores the snapshot created for a new template', () => {
    const result = constructedOf(run(ds('img:2'), [revisionOf('img:1', 1)]))
    expect(result.current).toEqual(snapshotRevision(ds('img:2'), 2, 'img2'))
    expect(result.current.data).toEqual(revisionPatch(ds('img:2')))
  })

  it('uses the default FNV hash when none is given', () => {
    const result = constructHistory({ daemonSet: ds('img:1'), revisions: [], pods: [] })
    expect(result._tag === 'Constructed' && result.current.metadata.name).toMatch(/^foo-[456789bcdf]+$/)
  })
})

describe('constructHistory: claimed revisions feed numbering', () => {
  it('counts an adopted orphan as old history and leaves foreign revisions out', () => {
    const orphan = owned(revisionOf('img:1', 4, 'foo-x2'), undefined)
    const foreign = owned(revisionOf('img:1', 9, 'foo-x3'), [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'bar', uid: 'uid-bar', controller: true }])
    const result = constructedOf(run(ds('img:2'), [orphan, foreign]))
    expect(summary(result.actions)).toEqual(['UpdateRevision foo-x2#4', 'CreateRevision foo-img2#5'])
    expect(result.old.map((r) => r.metadata.name)).toEqual(['foo-x2'])
  })
})

describe('constructHistory: name collisions (snapshot AlreadyExists)', () => {
  const ours: OwnerReference = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'uid-foo', controller: true, blockOwnerDeletion: true }
  /** A revision of another template that happens to own the name the new template hashes to. */
  const squatter = (name: string, owners: OwnerReference[] = [ours]): ControllerRevision =>
    owned({ ...revisionOf('img:9', 1), metadata: { ...revisionOf('img:9', 1).metadata, name } }, owners)

  it('asks for collisionCount nil -> 1 when the name is taken by another template', () => {
    const result = run(ds('img:2'), [squatter('foo-img2')])
    expect(result).toEqual({ _tag: 'Collision', collisionCount: 1, name: 'foo-img2', actions: [] })
  })

  it('bumps an existing count and keeps the writes made before the create', () => {
    const legacy = { ...revisionOf('img:9', 1), metadata: { ...revisionOf('img:9', 1).metadata, name: 'foo-img2c2', labels: { name: 'foo' } } }
    const result = run(ds('img:2', { collisionCount: 2 }), [legacy])
    expect(result._tag).toBe('Collision')
    expect(result._tag === 'Collision' && result.collisionCount).toBe(3)
    expect(summary(result.actions)).toEqual(['UpdateRevision foo-img2c2#1'])
  })

  it('on the retry the bumped count hashes to a fresh name (TestLaunchWithHashCollision)', () => {
    const result = constructedOf(run(ds('img:2', { collisionCount: 1 }), [squatter('foo-img2')]))
    expect(summary(result.actions)).toEqual(['CreateRevision foo-img2c1#2'])
    expect(result.hash).toBe('img2c1')
  })

  it('reuses an existing revision of that name when its data matches (already created)', () => {
    const foreign = owned(revisionOf('img:2', 5), [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'bar', uid: 'uid-bar', controller: true }])
    const result = constructedOf(run(ds('img:2'), [foreign]))
    expect(result.current).toBe(foreign)
    expect(result.actions).toEqual([])
  })

  it('detects a collision on a squatter owned by another controller', () => {
    expect(run(ds('img:2'), [squatter('foo-img2', [{ ...ours, name: 'bar', uid: 'uid-bar' }])])._tag).toBe('Collision')
  })
})
