import { makeInstant, type Pod } from '../api'
import { reconcileDaemonSet } from '../daemonset'
import {
  createPod,
  createRevision,
  deletePod,
  deleteRevision,
  recordEvent,
  requeue,
  updatePod,
  updateRevision,
  updateStatus,
} from '../plan'
import { aDaemonPod, aDaemonSet, aNode } from '../../properties/builders'
import { applyPlan, applyPlanWithOutcomes, mergePatch, sequentialNames, type ClusterState } from '.'

const now = makeInstant(Date.parse('2026-01-01T00:00:00Z'))
const ds = aDaemonSet('foo')
const owner = { kind: 'DaemonSet', namespace: 'default', name: 'foo', uid: 'uid-foo' }
const base: ClusterState = { nodes: [aNode('n1'), aNode('n2')], pods: [], revisions: [], daemonSets: [ds] }
const template: Pod = { metadata: { generateName: 'foo-', namespace: 'default', labels: { name: 'foo' } }, spec: { containers: [] } }
const revision = {
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: { name: 'foo-abc', namespace: 'default', labels: { name: 'foo' } },
  revision: 1,
  data: { spec: {} },
}

describe('mergePatch (RFC 7386)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('the RFC examples: %j + %j', (target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected)
  })

  it('does not modify its inputs and treats __proto__ as a plain member', () => {
    const target = { metadata: { labels: { a: '1' } } }
    const patch = JSON.parse('{"metadata":{"labels":{"b":"2"}},"__proto__":{"polluted":true}}') as unknown
    const out = mergePatch(target, patch) as Record<string, unknown>
    expect(target).toEqual({ metadata: { labels: { a: '1' } } })
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.keys(out).sort()).toEqual(['__proto__', 'metadata'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('sequentialNames', () => {
  it('counts up deterministically with a 5-character suffix', () => {
    const a = sequentialNames()
    const b = sequentialNames()
    const names = [a('foo-'), a('foo-'), a('bar-')]
    expect(names).toEqual([b('foo-'), b('foo-'), b('bar-')])
    expect(new Set(names).size).toBe(3)
    expect(names[0]).toMatch(/^foo-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })
})

describe('applyPlan', () => {
  it('CreatePod names the pod from generateName, stamps uid and creationTimestamp, starts it Pending', () => {
    const next = applyPlan(base, [createPod(owner, template)], { now, generateName: () => 'foo-x1' })
    expect(next.pods).toHaveLength(1)
    expect(next.pods[0]?.metadata).toMatchObject({
      name: 'foo-x1',
      namespace: 'default',
      generateName: 'foo-',
      creationTimestamp: '2026-01-01T00:00:00Z',
    })
    expect(next.pods[0]?.metadata.uid).toEqual(expect.any(String))
    expect(next.pods[0]?.status).toEqual({ phase: 'Pending' })
    expect(base.pods).toHaveLength(0)
  })

  it('CreatePod retries a taken generated name, and reports AlreadyExists when none is free', () => {
    const taken = aDaemonPod(ds, { name: 'foo-a', node: 'n1' })
    const names = ['foo-a', 'foo-b']
    let i = 0
    const next = applyPlan({ ...base, pods: [taken] }, [createPod(owner, template)], { now, generateName: () => names[i++] ?? 'x' })
    expect(next.pods.map((p) => p.metadata.name)).toEqual(['foo-a', 'foo-b'])
    const stuck = applyPlanWithOutcomes({ ...base, pods: [taken] }, [createPod(owner, template)], { now, generateName: () => 'foo-a' })
    expect(stuck.outcomes).toEqual(['AlreadyExists'])
    expect(stuck.state.pods).toEqual([taken])
  })

  it('DeletePod removes the pod; NotFound when it is gone already', () => {
    const pod = aDaemonPod(ds, { name: 'p', node: 'n1' })
    const out = applyPlanWithOutcomes({ ...base, pods: [pod] }, [deletePod('default', 'p', 'Surplus'), deletePod('default', 'p', 'Surplus')], {
      now,
      generateName: sequentialNames(),
    })
    expect(out.state.pods).toEqual([])
    expect(out.outcomes).toEqual(['Applied', 'NotFound'])
  })

  it('DeletePod, graceful: bound running pods terminate after their grace period; unbound and terminal ones go at once', () => {
    const bound = aDaemonPod(ds, { name: 'bound', node: 'n1' })
    const unbound = aDaemonPod(ds, { name: 'unbound', node: 'n1', bound: false })
    const failed = aDaemonPod(ds, { name: 'failed', node: 'n1', phase: 'Failed' })
    const held: Pod = { ...unbound, metadata: { ...unbound.metadata, name: 'held', finalizers: ['x/y'] } }
    const next = applyPlan(
      { ...base, pods: [bound, unbound, failed, held] },
      ['bound', 'unbound', 'failed', 'held'].map((n) => deletePod('default', n, 'Surplus')),
      { now, generateName: sequentialNames(), podDeletion: 'graceful' },
    )
    expect(next.pods.map((p) => [p.metadata.name, p.metadata.deletionTimestamp])).toEqual([
      ['bound', '2026-01-01T00:00:30Z'],
      ['held', '2026-01-01T00:00:00Z'],
    ])
  })

  it('UpdatePod applies a JSON merge patch (ownerReferences replaced, labels merged)', () => {
    const pod = aDaemonPod(ds, { name: 'p', node: 'n1', owned: false })
    const ref = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'uid-foo', controller: true }
    const next = applyPlan(
      { ...base, pods: [pod] },
      [updatePod('default', 'p', { metadata: { ownerReferences: [ref] } }), updatePod('default', 'p', { metadata: { labels: { extra: 'x' } } })],
      { now, generateName: sequentialNames() },
    )
    expect(next.pods[0]?.metadata.ownerReferences).toEqual([ref])
    expect(next.pods[0]?.metadata.labels).toEqual({ ...pod.metadata.labels, extra: 'x' })
    expect(next.pods[0]?.spec).toEqual(pod.spec)
  })

  it('revisions: create (AlreadyExists on a taken name), update, delete', () => {
    const options = { now, generateName: sequentialNames() }
    const created = applyPlanWithOutcomes(base, [createRevision(revision), createRevision({ ...revision, revision: 9 })], options)
    expect(created.outcomes).toEqual(['Applied', 'AlreadyExists'])
    expect(created.state.revisions.map((r) => r.revision)).toEqual([1])
    expect(created.state.revisions[0]?.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z')
    const updated = applyPlan(created.state, [updateRevision({ ...revision, revision: 3 })], options)
    expect(updated.revisions.map((r) => r.revision)).toEqual([3])
    const deleted = applyPlanWithOutcomes(updated, [deleteRevision('default', 'foo-abc'), deleteRevision('default', 'foo-abc')], options)
    expect(deleted.state.revisions).toEqual([])
    expect(deleted.outcomes).toEqual(['Applied', 'NotFound'])
  })

  it('UpdateStatus replaces the DaemonSet status; events and requeues change nothing', () => {
    const target = { kind: 'DaemonSet', namespace: 'default', name: 'foo' }
    const out = applyPlanWithOutcomes(
      base,
      [updateStatus(target, { desiredNumberScheduled: 2 }), recordEvent(target, 'Normal', 'X', 'y'), requeue(target, 5)],
      { now, generateName: sequentialNames() },
    )
    expect(out.state.daemonSets[0]?.status).toEqual({ desiredNumberScheduled: 2 })
    expect(out.state.daemonSets[0]?.spec).toBe(ds.spec)
    expect(out.outcomes).toEqual(['Applied', 'Unchanged', 'Unchanged'])
  })

  it('a reconcile plan applied and reconciled again: no more creates, status written once', () => {
    const options = { now, generateName: sequentialNames() }
    const first = reconcileDaemonSet({ daemonSet: ds, nodes: base.nodes, pods: [], revisions: [], now })
    const next = applyPlan(base, first, options)
    expect(next.pods).toHaveLength(2)
    expect(next.revisions).toHaveLength(1)
    const second = reconcileDaemonSet({ daemonSet: next.daemonSets[0] ?? ds, nodes: next.nodes, pods: next.pods, revisions: next.revisions, now })
    expect(second.actions.filter((a) => a.type !== 'Requeue')).toEqual([])
  })
})
