import * as E from 'fp-ts/Either'
import { Resources } from '../runtime/clusterApi'
import { startGarbageCollector } from './garbageCollector'
import { createDaemonSet, createPod, left, names, newWorld, right, t0 } from './testing/fixtures'

const ds = Resources.daemonSets
const pods = Resources.pods
const podNames = (store: ReturnType<typeof newWorld>['store']) => names(right(store.list({ resource: pods })).items)

describe('graceful pod deletion', () => {
  it('marks a bound pod terminating and removes it when the grace period ends', () => {
    const { store, clock } = newWorld()
    createPod(store, 'p', { nodeName: 'n1' })
    const outcome = right(store.delete({ resource: pods, name: 'p', gracePeriodSeconds: 10 }))
    expect(outcome._tag).toBe('Terminating')
    expect(outcome.object.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T00:00:10Z', deletionGracePeriodSeconds: 10 })
    clock.advanceTo(t0 + 9_999)
    expect(podNames(store)).toEqual(['p'])
    clock.advanceTo(t0 + 10_000)
    expect(podNames(store)).toEqual([])
  })

  it('lets the kubelet finish early with a zero grace period, and removes unbound pods at once', () => {
    const { store } = newWorld()
    createPod(store, 'bound', { nodeName: 'n1' })
    createPod(store, 'unbound')
    expect(right(store.delete({ resource: pods, name: 'unbound' }))._tag).toBe('Removed')
    expect(right(store.delete({ resource: pods, name: 'bound' })).object.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(right(store.delete({ resource: pods, name: 'bound', gracePeriodSeconds: 0 }))._tag).toBe('Removed')
    expect(podNames(store)).toEqual([])
    expect(left(store.delete({ resource: pods, name: 'bound' })).message).toBe('pods "bound" not found')
  })

  it('checks delete preconditions', () => {
    const { store } = newWorld()
    createPod(store, 'p')
    expect(left(store.delete({ resource: pods, name: 'p', preconditions: { uid: 'other' } })).message).toMatch(/^Operation cannot be fulfilled on pods "p": Precondition failed: UID in precondition: other/)
  })
})

describe('finalizers', () => {
  it('keeps a deleted object with finalizers until the last one is removed', () => {
    const { store } = newWorld()
    const created = right(store.create({ resource: Resources.controllerRevisions, body: { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r', finalizers: ['a', 'b'] }, revision: 1, data: {} } }))
    const cr = { resource: Resources.controllerRevisions, name: 'r' }
    const deleting = right(store.delete(cr))
    expect(deleting._tag).toBe('Terminating')
    expect(deleting.object.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z')
    const added = left(store.patch({ ...cr, patchType: 'application/merge-patch+json', patch: { metadata: { finalizers: ['a', 'b', 'c'] } } }))
    expect(added.message).toContain('no new finalizers can be added if the object is being deleted')
    right(store.patch({ ...cr, patchType: 'application/merge-patch+json', patch: { metadata: { finalizers: ['b'] } } }))
    expect(E.isRight(store.get(cr))).toBe(true)
    const last = right(store.get(cr))
    const removed = right(store.update({ ...cr, body: { ...last, metadata: { ...last.metadata, finalizers: [] } } }))
    expect(removed.metadata.uid).toBe(created.metadata.uid)
    expect(left(store.get(cr)).code).toBe(404)
  })
})

describe('startGarbageCollector', () => {
  const world = () => {
    const w = newWorld()
    startGarbageCollector(w.store)
    const owner = createDaemonSet(w.store, 'fluentd')
    createPod(w.store, 'fluentd-a', { owner, nodeName: 'n1' })
    createPod(w.store, 'fluentd-b', { owner })
    createPod(w.store, 'other')
    return { ...w, owner }
  }

  it('deletes the dependents of a deleted owner (Background)', () => {
    const { store, clock } = world()
    expect(right(store.delete({ resource: ds, name: 'fluentd' }))._tag).toBe('Removed')
    expect(podNames(store)).toEqual(['fluentd-a', 'fluentd-b', 'other'])
    clock.advanceBy(0)
    // The unbound pod goes at once; the bound one terminates gracefully.
    expect(podNames(store)).toEqual(['fluentd-a', 'other'])
    expect(right(store.get({ resource: pods, name: 'fluentd-a' })).metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z')
    clock.advanceBy(30_000)
    expect(podNames(store)).toEqual(['other'])
  })

  it('orphans dependents: they stay, without the owner reference', () => {
    const { store, clock } = world()
    expect(right(store.delete({ resource: ds, name: 'fluentd', propagationPolicy: 'Orphan' }))._tag).toBe('Terminating')
    expect(right(store.get({ resource: ds, name: 'fluentd' })).metadata.finalizers).toEqual(['orphan'])
    clock.advanceBy(0)
    expect(left(store.get({ resource: ds, name: 'fluentd' })).code).toBe(404)
    const remaining = right(store.list({ resource: pods })).items
    expect(names(remaining)).toEqual(['fluentd-a', 'fluentd-b', 'other'])
    for (const p of remaining) expect(p.metadata.ownerReferences).toBeUndefined()
  })

  it('deletes in the foreground: the owner waits for its blocking dependents', () => {
    const { store, clock } = world()
    const deleting = right(store.delete({ resource: ds, name: 'fluentd', propagationPolicy: 'Foreground' }))
    expect(deleting.object.metadata.finalizers).toEqual(['foregroundDeletion'])
    clock.advanceBy(0)
    expect(podNames(store)).toEqual(['fluentd-a', 'other'])
    expect(right(store.get({ resource: ds, name: 'fluentd' })).metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z')
    clock.advanceBy(30_000)
    expect(podNames(store)).toEqual(['other'])
    expect(left(store.get({ resource: ds, name: 'fluentd' })).code).toBe(404)
  })

  it('orphans batch/v1 Job pods by default, as the Job registry does', () => {
    const { store, clock } = newWorld()
    startGarbageCollector(store)
    const job = right(store.create({ resource: Resources.jobs, body: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } } }))
    expect((job['spec'] as { selector: unknown }).selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': job.metadata.uid } })
    createPod(store, 'pi-a', { owner: job })
    right(store.delete({ resource: Resources.jobs, name: 'pi' }))
    clock.advanceBy(0)
    expect(podNames(store)).toEqual(['pi-a'])
  })

  it('removes a dangling reference when another owner remains', () => {
    const { store, clock } = newWorld()
    startGarbageCollector(store)
    const a = createDaemonSet(store, 'a')
    const b = createDaemonSet(store, 'b')
    const p = createPod(store, 'p', { owner: a })
    const refs = [...(p.metadata.ownerReferences ?? []), { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'b', uid: b.metadata.uid ?? '' }]
    right(store.update({ resource: pods, name: 'p', body: { ...p, metadata: { ...p.metadata, ownerReferences: refs } } }))
    right(store.delete({ resource: ds, name: 'a' }))
    clock.advanceBy(0)
    expect(right(store.get({ resource: pods, name: 'p' })).metadata.ownerReferences?.map((r) => r.name)).toEqual(['b'])
  })
})

describe('determinism', () => {
  it('replays the same story byte for byte with the same seed', () => {
    const story = (seed: number): string => {
      const { store, clock } = newWorld({ seed })
      const changes: string[] = []
      store.changes$.subscribe((c) => changes.push(`${clock.now()} ${c.type} ${JSON.stringify(c.object)}`))
      startGarbageCollector(store)
      const owner = createDaemonSet(store, 'fluentd')
      for (const node of ['n1', 'n2', 'n3']) {
        right(store.create({ resource: pods, body: { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'fluentd-', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: owner.metadata.uid ?? '', controller: true }] }, spec: { nodeName: node, containers: [{ name: 'c' }] } } }))
        clock.advanceBy(1000)
      }
      right(store.delete({ resource: ds, name: 'fluentd', propagationPolicy: 'Foreground' }))
      clock.advanceBy(60_000)
      return changes.join('\n')
    }
    expect(story(42)).toBe(story(42))
    expect(story(42)).not.toBe(story(43))
  })
})
