import * as fc from 'fast-check'
import { ControllerRevision, DaemonSet, defaultPod, formatInstant, Node, Pod } from '../core/api'
import { decideDaemonSet, reconcileDaemonSet, type DaemonSetInput } from '../core/daemonset'
import { actionsOf, createPod, deletePod, updateStatus, type Plan } from '../core/plan'
import { pinToNode } from '../core/scheduling'
import {
  aDaemonSet,
  arbDaemonPod,
  arbDaemonSet,
  arbDaemonSetSnapshot,
  arbHostileManifest,
  arbNode,
  arbNodes,
  arbRevisionHistory,
  arbRolloutSnapshot,
  atMostOneCreatePerNode,
  convergesToFixpoint,
  convergesWithin,
  countsMatchReference,
  createsOnlyWhereShouldRun,
  daemonSetPlanInvariants,
  decodesManifestUnchanged,
  decodesTotally,
  eligibilityMatchesReference,
  expectHolds,
  historyPlanInvariants,
  idleWhileDeleting,
  keepsUnknownFields,
  reachesFixpoint,
  respectsUpdateBudget,
  roundTrips,
  statusMatchesRecount,
  allOf,
  type DaemonSetSnapshot,
  type UnknownField,
  type Verdict,
} from '.'

// Fixed seed: a failure prints this seed and the path, so `fc.assert(prop, { seed, path })` replays it.
const seed = 20260101
const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed, numRuns })

const everyPlanInvariant = (input: DaemonSetInput, plan: Plan): Verdict => allOf([daemonSetPlanInvariants(input, plan), historyPlanInvariants(input, plan)])
const refuted = (verdict: Verdict): boolean => !verdict.ok

describe('placement', () => {
  it('compileDaemonEligibility agrees with a plain reading of reference §1 (selectors, affinity, taints, tolerations)', () => {
    fc.assert(
      fc.property(arbDaemonSet(), arbNode(), (ds, node) => expectHolds(eligibilityMatchesReference(node, ds))),
      runs(300),
    )
  })
})

describe('status counting', () => {
  it('countDaemonPods agrees with a plain reading of reference §5', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => expectHolds(countsMatchReference(s))),
      runs(200),
    )
  })
})

describe('DaemonSet plans: one sync of a generated snapshot', () => {
  it('keeps every per-plan invariant (placement, D2, budget, status recount, ownership, history)', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => expectHolds(everyPlanInvariant(s, reconcileDaemonSet(s)))),
      runs(200),
    )
  })

  it('keeps every per-plan invariant at the start of a rollout (D3: maxUnavailable / maxSurge)', () => {
    fc.assert(
      fc.property(arbRolloutSnapshot(), (s) => expectHolds(everyPlanInvariant(s, reconcileDaemonSet(s)))),
      runs(150),
    )
  })

  it('plans nothing for a DaemonSet being deleted', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => {
        const deleting = { ...s, daemonSet: { ...s.daemonSet, metadata: { ...s.daemonSet.metadata, deletionTimestamp: formatInstant(s.now) } } }
        return expectHolds(idleWhileDeleting(deleting, reconcileDaemonSet(deleting)))
      }),
      runs(50),
    )
  })
})

describe('DaemonSet in a simulated cluster: reconcile, apply, kubelet, repeat', () => {
  it('converges (D1), then reaches a fixpoint, keeping the per-plan invariants in every round', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => expectHolds(convergesToFixpoint(s, everyPlanInvariant))),
      runs(150),
    )
  })

  it("a user's own DaemonSet (the builders' fluentd, RollingUpdate) converges on generated clusters", () => {
    const mine = aDaemonSet('fluentd', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } } })
    fc.assert(
      fc.property(arbDaemonSetSnapshot({ daemonSet: mine }), (s) => expectHolds(convergesToFixpoint(s, everyPlanInvariant))),
      runs(30),
    )
  })

  it('finishes rollouts within budget: one pod per node, all of the current revision, then a fixpoint', () => {
    fc.assert(
      fc.property(arbRolloutSnapshot(), (s) => expectHolds(convergesToFixpoint(s, everyPlanInvariant))),
      runs(100),
    )
  })
})

describe('decoding', () => {
  const arbCodecCase = fc.oneof(
    arbNode().map((v) => [Node, v] as const),
    arbDaemonSet().map((v) => [DaemonSet, v] as const),
    arbDaemonSet()
      .chain((ds) => arbDaemonPod(ds, 'p-0', { nodeNames: ['node-0'], hashes: ['h'], now: 0 }))
      // As stored: the apiserver's Pod-only defaults (enableServiceLinks, ...) on top of the template's.
      .map((v) => [Pod, defaultPod(v)] as const),
    arbDaemonSet()
      .chain((ds) => arbRevisionHistory(ds))
      .filter((rs) => rs.length > 0)
      .map((rs) => [ControllerRevision, rs[0] as ControllerRevision] as const),
  )

  it('decode ∘ encode is the identity for valid Nodes, Pods, DaemonSets and ControllerRevisions', () => {
    fc.assert(
      fc.property(arbCodecCase, ([codec, value]) => expectHolds(roundTrips(codec as never, value as never))),
      runs(100),
    )
  })

  const paths = [[], ['metadata'], ['spec'], ['status'], ['spec', 'template'], ['spec', 'template', 'spec'], ['spec', 'template', 'metadata']]
  const arbUnknownFields: fc.Arbitrary<ReadonlyArray<UnknownField>> = fc.array(
    fc.record({
      at: fc.constantFrom(...paths),
      key: fc.constantFrom('futureField', 'managedFields', 'x-kuberules-test'),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  )

  it('unknown fields survive a round trip at every level', () => {
    fc.assert(
      fc.property(arbCodecCase, arbUnknownFields, ([codec, value], fields) => expectHolds(keepsUnknownFields(codec as never, value as never, fields))),
      runs(100),
    )
  })

  it('decodeManifest accepts valid defaulted objects and returns them unchanged', () => {
    fc.assert(
      fc.property(arbCodecCase, ([, value]) => expectHolds(decodesManifestUnchanged(value))),
      runs(100),
    )
  })

  it('decodeManifest is total on hostile input, and accepted DaemonSets reconcile without throwing', () => {
    fc.assert(
      fc.property(arbHostileManifest(), arbNodes({ maxLength: 3 }), (raw, nodes) => expectHolds(decodesTotally(raw, nodes))),
      runs(300),
    )
  })
})

/** Negative controls: corrupted plans and broken controllers must be caught, or the invariants prove nothing. */
describe('the invariants have teeth', () => {
  // Few pods on at least one node: most such plans create a pod.
  const creating = arbDaemonSetSnapshot({ minNodes: 1, maxPods: 2 })

  it('a second CreatePod on the same node is caught', () => {
    fc.assert(
      fc.property(creating, (s) => {
        const plan = reconcileDaemonSet(s)
        const create = actionsOf(plan, 'CreatePod')[0]
        fc.pre(create !== undefined)
        return create !== undefined && refuted(atMostOneCreatePerNode(s, { actions: [...plan.actions, create] }))
      }),
      runs(30),
    )
  })

  it('a CreatePod on a node that does not exist is caught', () => {
    fc.assert(
      fc.property(creating, (s) => {
        const plan = reconcileDaemonSet(s)
        const create = actionsOf(plan, 'CreatePod')[0]
        fc.pre(create !== undefined)
        if (create === undefined) return true
        const misplaced = createPod(create.owner, { ...create.pod, spec: pinToNode(create.pod.spec, 'gone-9') })
        return refuted(createsOnlyWhereShouldRun(s, { actions: [...plan.actions, misplaced] }))
      }),
      runs(30),
    )
  })

  it('a status that disagrees with the pods is caught', () => {
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => {
        const plan = reconcileDaemonSet(s)
        const write = actionsOf(plan, 'UpdateStatus')[0]
        fc.pre(write !== undefined)
        if (write === undefined) return true
        const wrong = updateStatus(write.target, { ...write.status, numberReady: Number(write.status['numberReady'] ?? 0) + 1 })
        return refuted(statusMatchesRecount(s, { actions: plan.actions.map((a) => (a === write ? wrong : a)) }))
      }),
      runs(30),
    )
  })

  // Every node eligible: no taints, no nodeSelector, no affinity; the old pods are all available.
  const openRollout = arbRolloutSnapshot({ strategy: 'RollingUpdate', minNodes: 3 }).map(
    (s): DaemonSetSnapshot => {
      const { nodeSelector: _selector, affinity: _affinity, ...spec } = s.daemonSet.spec.template.spec
      return {
        ...s,
        nodes: s.nodes.map((n) => ({ ...n, spec: { taints: [] } })),
        daemonSet: { ...s.daemonSet, spec: { ...s.daemonSet.spec, template: { ...s.daemonSet.spec.template, spec } } },
      }
    },
  )

  it('deleting every available old pod at once is caught when it exceeds maxUnavailable', () => {
    fc.assert(
      fc.property(openRollout, (s) => {
        const plan = reconcileDaemonSet(s)
        const olds = s.pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true)
        const maxUnavailable = s.daemonSet.spec.updateStrategy?.rollingUpdate?.maxUnavailable
        fc.pre(typeof maxUnavailable === 'number' && olds.length > maxUnavailable)
        const greedy = olds.map((p) => deletePod(p.metadata.namespace ?? '', p.metadata.name ?? '', 'Outdated'))
        return refuted(respectsUpdateBudget(s, { actions: [...plan.actions.filter((a) => a.type !== 'DeletePod'), ...greedy] }))
      }),
      runs(30),
    )
  })

  it('a controller that never creates pods does not converge', () => {
    const lazy = (input: DaemonSetInput) => {
      const d = decideDaemonSet(input)
      return { ...d, plan: { actions: d.plan.actions.filter((a) => a.type !== 'CreatePod') } }
    }
    fc.assert(
      fc.property(creating, (s: DaemonSetSnapshot) => {
        fc.pre(actionsOf(reconcileDaemonSet(s), 'CreatePod').length > 0)
        return refuted(convergesWithin(s, { controller: lazy, maxRounds: 10 }))
      }),
      runs(20),
    )
  })

  it('a controller that keeps rewriting status never reaches a fixpoint', () => {
    let tick = 0
    const restless = (input: DaemonSetInput) => {
      const d = decideDaemonSet(input)
      const target = { kind: 'DaemonSet', namespace: input.daemonSet.metadata.namespace ?? '', name: input.daemonSet.metadata.name ?? '' }
      return { ...d, plan: { actions: [...d.plan.actions, updateStatus(target, { ...input.daemonSet.status, numberReady: tick++ })] } }
    }
    fc.assert(
      fc.property(arbDaemonSetSnapshot(), (s) => {
        fc.pre(convergesWithin(s).ok)
        return refuted(reachesFixpoint(s, { controller: restless }))
      }),
      runs(30),
    )
  })
})
