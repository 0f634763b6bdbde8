import * as E from 'fp-ts/Either'
import * as fc from 'fast-check'
import type { ControllerRevision, DaemonSet, Pod } from '../api'
import type { Action } from '../plan'
import { applyRevision } from './applyRevision'
import { withChangeCause } from './changeCause'
import { constructHistory } from './constructHistory'
import { rolloutHistory } from './rolloutHistory'
import { rolloutUndo } from './rolloutUndo'
import { truncateHistory } from './truncateHistory'

const hashKey = 'controller-revision-hash'

interface World {
  readonly ds: DaemonSet
  readonly revisions: ReadonlyArray<ControllerRevision>
  readonly pods: ReadonlyArray<Pod>
}

/** A tiny API server for the history writes: what `kuberules` adapters would do with the plan. */
const applyActions = (world: World, actions: ReadonlyArray<Action>): World =>
  actions.reduce<World>((w, a) => {
    switch (a.type) {
      case 'CreateRevision':
        if (w.revisions.some((r) => r.metadata.name === a.revision.metadata.name)) throw new Error(`AlreadyExists ${a.revision.metadata.name}`)
        return { ...w, revisions: [...w.revisions, a.revision] }
      case 'UpdateRevision':
        return { ...w, revisions: w.revisions.map((r) => (r.metadata.name === a.revision.metadata.name ? a.revision : r)) }
      case 'DeleteRevision':
        return { ...w, revisions: w.revisions.filter((r) => r.metadata.name !== a.name) }
      default:
        throw new Error(`unexpected ${a.type}`)
    }
  }, world)

/** One controller sync's history part: constructHistory, then cleanupHistory. */
const sync = (world: World): { world: World; hash: string; actions: ReadonlyArray<Action> } => {
  const history = constructHistory({ daemonSet: world.ds, revisions: world.revisions, pods: world.pods })
  if (history._tag !== 'Constructed') throw new Error('unexpected hash collision')
  const truncate = truncateHistory({ daemonSet: world.ds, old: history.old, pods: world.pods })
  const actions = [...history.actions, ...truncate]
  return { world: applyActions(world, actions), hash: history.hash, actions }
}

const fluentd = (image: string, limit?: number): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'fluentd', namespace: 'kube-system', uid: 'uid-fluentd' },
  spec: {
    selector: { matchLabels: { name: 'fluentd' } },
    template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image }] } },
    ...(limit !== undefined ? { revisionHistoryLimit: limit } : {}),
  },
})

const daemonPod = (node: string, hash: string): Pod => ({
  metadata: { name: `fluentd-${node}`, namespace: 'kube-system', labels: { name: 'fluentd', [hashKey]: hash } },
  spec: { containers: [{ name: 'fluentd' }], nodeName: node },
})

const withImage = (ds: DaemonSet, image: string): DaemonSet => ({
  ...ds,
  spec: { ...ds.spec, template: { ...ds.spec.template, spec: { containers: [{ name: 'fluentd', image }] } } },
})

const numbered = (w: World): string[] =>
  [...w.revisions].sort((a, b) => a.revision - b.revision).map((r) => `${r.revision}:${r.metadata.labels?.[hashKey]}`)

const undo = (world: World, to?: number): World => {
  const result = rolloutUndo(world.ds, world.revisions, to)
  if (E.isLeft(result) || result.right._tag !== 'Patch') throw new Error('expected a rollback patch')
  const target = result.right.revision
  const applied = applyRevision(world.ds, target)
  if (E.isLeft(applied)) throw new Error(applied.left)
  return { ...world, ds: applied.right }
}

describe('rollout story: create, set image --record, undo (seed ControllerRevision section)', () => {
  const setImage = 'kubectl set image ds/fluentd fluentd=fluentd:v2.2.0 --record=true --namespace=kube-system'

  it('renumbers revision 1 to 3 on undo and keeps pods of h1 current', () => {
    const created = sync({ ds: fluentd('fluentd:v2.0.4'), revisions: [], pods: [] })
    const h1 = created.hash
    expect(numbered(created.world)).toEqual([`1:${h1}`])
    expect(rolloutHistory('fluentd', created.world.revisions)).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n\n')

    const running = { ...created.world, pods: [daemonPod('node-1', h1), daemonPod('node-2', h1)] }
    const updated = sync({ ...running, ds: withChangeCause(withImage(running.ds, 'fluentd:v2.2.0'), setImage) })
    const h2 = updated.hash
    expect(h2).not.toBe(h1)
    expect(numbered(updated.world)).toEqual([`1:${h1}`, `2:${h2}`])
    expect(rolloutHistory('fluentd', updated.world.revisions)).toBe(
      `daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         ${setImage}\n\n`,
    )

    // The rolling update replaced one pod before the undo.
    const halfway = { ...updated.world, pods: [daemonPod('node-1', h2), daemonPod('node-2', h1)] }
    const rolledBack = sync(undo(halfway, 1))
    expect(rolledBack.hash).toBe(h1)
    expect(rolledBack.actions.map((a) => a.type)).toEqual(['UpdateRevision'])
    expect(numbered(rolledBack.world)).toEqual([`2:${h2}`, `3:${h1}`])
    expect(rolloutHistory('fluentd', rolledBack.world.revisions)).toBe(
      `daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n2         ${setImage}\n3         <none>\n\n`,
    )
    // The same object came back: its name and annotations are those of revision 1.
    expect(rolledBack.world.revisions.find((r) => r.revision === 3)?.metadata).toEqual(created.world.revisions[0]?.metadata)
    // "should rollback without unnecessary restarts": the pod still on h1 is up to date.
    expect(rolledBack.world.pods.map((p) => p.metadata.labels?.[hashKey] === rolledBack.hash)).toEqual([false, true])

    expect(sync(rolledBack.world).actions).toEqual([])
    expect(E.map((r: { _tag: string }) => r._tag)(rolloutUndo(rolledBack.world.ds, rolledBack.world.revisions, 3))).toEqual(E.right('Skipped'))

    const again = sync(undo(rolledBack.world))
    expect(again.hash).toBe(h2)
    expect(numbered(again.world)).toEqual([`3:${h1}`, `4:${h2}`])
  })
})

type Step = { readonly _tag: 'SetImage'; readonly image: number } | { readonly _tag: 'Undo'; readonly to: number } | { readonly _tag: 'Roll'; readonly pod: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ _tag: fc.constant('SetImage' as const), image: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ _tag: fc.constant('Undo' as const), to: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ _tag: fc.constant('Roll' as const), pod: fc.integer({ min: 0, max: 2 }) }),
)

describe('history invariants over random rollouts', () => {
  it('bounds history by the limit plus revisions in use, never drops a live hash, and settles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.array(step, { maxLength: 25 }), (limit, steps) => {
        let world: World = sync({ ds: fluentd('img:0', limit), revisions: [], pods: [] }).world
        let hash = world.revisions[0]?.metadata.labels?.[hashKey] ?? ''
        world = { ...world, pods: [0, 1, 2].map((i) => daemonPod(`node-${i}`, hash)) }
        for (const s of steps) {
          if (s._tag === 'SetImage') world = { ...world, ds: withImage(world.ds, `img:${s.image}`) }
          if (s._tag === 'Roll') world = { ...world, pods: world.pods.map((p, i) => (i === s.pod ? daemonPod(`node-${i}`, hash) : p)) }
          if (s._tag === 'Undo') {
            const result = rolloutUndo(world.ds, world.revisions, s.to)
            if (E.isRight(result) && result.right._tag === 'Patch') world = undo(world, s.to)
          }
          const liveBefore = new Set(world.pods.map((p) => p.metadata.labels?.[hashKey]))
          const known = new Set(world.revisions.map((r) => r.metadata.labels?.[hashKey]))
          const next = sync(world)
          world = next.world
          hash = next.hash
          const hashes = world.revisions.map((r) => r.metadata.labels?.[hashKey])
          const liveOld = new Set([...liveBefore].filter((h) => h !== hash && hashes.includes(h)))
          expect(world.revisions.length - 1).toBeLessThanOrEqual(Math.max(limit, liveOld.size))
          for (const h of liveBefore) if (known.has(h)) expect(hashes).toContain(h)
          const numbers = world.revisions.map((r) => r.revision)
          expect(new Set(numbers).size).toBe(numbers.length)
          expect(world.revisions.find((r) => r.metadata.labels?.[hashKey] === hash)?.revision).toBe(Math.max(...numbers))
          expect(sync(world).actions).toEqual([])
        }
      }),
      { numRuns: 200 },
    )
  })
})
