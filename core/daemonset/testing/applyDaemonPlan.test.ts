import { isPodReady, nameOf } from '../../api'
import { createPod, deletePod, deleteRevision, planOf, updatePod } from '../../plan'
import { aDaemonPod } from '../../../properties/builders'
import { applyDaemonPlan, applyRevisionActions, setPodReadiness, syncWorld, worldOf } from './applyDaemonPlan'
import { addNodes, at, newDaemonSet, pinnedNodeOf } from './fixtures'

/** The test harness itself: it must mirror upstream's fake pod control faithfully. */
describe('applyDaemonPlan', () => {
  const ds = newDaemonSet('foo')
  const owner = { kind: 'DaemonSet', namespace: 'default', name: 'foo', uid: 'uid-foo' }
  const existing = [aDaemonPod(ds, { name: 'a', node: 'node-0' }), aDaemonPod(ds, { name: 'b', node: 'node-1' })]

  it('drops deleted pods, adds created ones named uniquely per sync, without creationTimestamp or status', () => {
    const template = { ...existing[0]!, metadata: { generateName: 'foo-', namespace: 'default' }, status: {} }
    const { status: _none, ...unscheduled } = template
    const plan = planOf([deletePod('default', 'a', 'Outdated'), createPod(owner, unscheduled), createPod(owner, unscheduled)])
    const next = applyDaemonPlan(existing, plan, 7)
    expect(next.map(nameOf)).toEqual(['b', 'foo-s7-0', 'foo-s7-1'])
    expect(next[1]?.metadata.creationTimestamp).toBeUndefined()
    expect(next[1]?.status).toBeUndefined()
  })

  it('applies ownerReference patches (adoption and release)', () => {
    const next = applyDaemonPlan(existing, planOf([updatePod('default', 'b', { metadata: { ownerReferences: [] } })]), 0)
    expect(next.find((p) => nameOf(p) === 'b')?.metadata.ownerReferences).toEqual([])
  })

  it('applies revision writes', () => {
    const rev = { metadata: { name: 'foo-1', namespace: 'default' }, revision: 1 }
    expect(applyRevisionActions([rev], planOf([deleteRevision('default', 'foo-1')]))).toEqual([])
  })
})

describe('syncWorld', () => {
  it('carries the plan into the next world; new pods get the next sync’s clock as creationTimestamp', () => {
    const first = syncWorld(worldOf(newDaemonSet('foo'), addNodes(0, 2)), at(100))
    expect(first.world.pods.map(pinnedNodeOf).sort()).toEqual(['node-0', 'node-1'])
    expect(first.world.revisions).toHaveLength(1)
    const second = syncWorld(first.world, at(200))
    expect(second.plan.actions.filter((a) => a.type === 'CreatePod' || a.type === 'DeletePod')).toEqual([])
    expect(second.world.pods.map((p) => p.metadata.creationTimestamp)).toEqual(['1970-01-01T00:03:20Z', '1970-01-01T00:03:20Z'])
  })
})

describe('setPodReadiness', () => {
  const ds = newDaemonSet('foo')
  const pods = [aDaemonPod(ds, { name: 'a', node: 'node-0' }), aDaemonPod(ds, { name: 'b', node: 'node-1' })]

  it('flips the first matching pods and stamps the transition time', () => {
    const out = setPodReadiness(pods, true, 1, () => true, at(5))
    expect(out.map(isPodReady)).toEqual([true, false])
    expect(out[0]?.status?.conditions?.[0]?.lastTransitionTime).toBe('1970-01-01T00:00:05Z')
  })

  it('fails when too few pods qualify, as upstream does', () => {
    expect(() => setPodReadiness(pods, true, 3, () => true, at(5))).toThrow('could not mark 1 pods ready=true')
  })
})
