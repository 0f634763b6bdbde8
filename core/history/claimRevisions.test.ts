import type { ControllerRevision, DaemonSet, OwnerReference } from '../api'
import { claimRevisions } from './claimRevisions'

const controller: OwnerReference = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds1', uid: 'uid-ds1', controller: true, blockOwnerDeletion: true }
const other: OwnerReference = { ...controller, name: 'ds2', uid: 'uid-ds2' }
const gc: OwnerReference = { apiVersion: 'v1', kind: 'ConfigMap', name: 'keep', uid: 'uid-cm' }

const ds = (deleting = false): DaemonSet => ({
  metadata: { name: 'ds1', namespace: 'ns', uid: 'uid-ds1', ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  spec: { selector: { matchLabels: { name: 'ds1' } }, template: { spec: { containers: [{ name: 'c' }] } } },
})

const cr = (name: string, owners?: OwnerReference[], meta: Partial<ControllerRevision['metadata']> = {}): ControllerRevision => ({
  metadata: { name, namespace: 'ns', labels: { name: 'ds1' }, ...(owners ? { ownerReferences: owners } : {}), ...meta },
  revision: 1,
})

describe('claimRevisions (controlledHistories / TestControlledHistories)', () => {
  it.each<[string, boolean, ControllerRevision[], string[], string[]]>([
    ['controller revision and orphan in the same namespace', false, [cr('ds1-x1', [controller]), cr('ds1-x2')], ['ds1-x1', 'ds1-x2'], ['adopt ds1-x2']],
    ['skips an orphan in another namespace', false, [cr('ds1-x3', undefined, { namespace: 'ns-other' })], [], []],
    ['skips an orphan being deleted', false, [cr('ds1-x4', undefined, { deletionTimestamp: '2026-01-01T00:00:00Z' })], [], []],
    ['skips an orphan the selector does not match', false, [cr('ds1-x5', undefined, { labels: { name: 'x' } })], [], []],
    ['ignores revisions of another controller', false, [cr('ds2-x1', [other])], [], []],
    ['releases an owned revision that no longer matches', false, [cr('ds1-x6', [gc, controller], { labels: {} })], [], ['release ds1-x6']],
    ['while being deleted: keeps owned, adopts and releases nothing', true, [cr('ds1-x1', [controller]), cr('ds1-x2'), cr('ds1-x6', [controller], { labels: {} })], ['ds1-x1'], []],
  ])('%s', (_name, deleting, revisions, claimed, writes) => {
    const claim = claimRevisions(ds(deleting), revisions)
    expect(claim.claimed.map((r) => r.metadata.name)).toEqual(claimed)
    expect(claim.actions.map((a) => `${controllerOwned(a.revision) ? 'adopt' : 'release'} ${a.revision.metadata.name}`)).toEqual(writes)
  })

  it('adopts with the controller ref appended to existing owners', () => {
    const claim = claimRevisions(ds(), [cr('ds1-x2', [gc])])
    expect(claim.actions[0]?.revision.metadata.ownerReferences).toEqual([gc, controller])
    expect(claim.claimed[0]).toEqual(claim.actions[0]?.revision)
  })

  it('adopting over a non-controller ref to the same uid overwrites it in place', () => {
    const loose: OwnerReference = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds1', uid: 'uid-ds1' }
    const claim = claimRevisions(ds(), [cr('ds1-x2', [loose, gc])])
    expect(claim.claimed[0]?.metadata.ownerReferences).toEqual([controller, gc])
  })

  it('releasing removes only this owner, and the list when it empties', () => {
    const [withOther, alone] = claimRevisions(ds(), [cr('a', [gc, controller], { labels: {} }), cr('b', [controller], { labels: {} })]).actions
    expect(withOther?.revision.metadata.ownerReferences).toEqual([gc])
    expect(alone?.revision.metadata).not.toHaveProperty('ownerReferences')
  })
})

const controllerOwned = (r: ControllerRevision): boolean => (r.metadata.ownerReferences ?? []).some((o) => o.uid === 'uid-ds1')
