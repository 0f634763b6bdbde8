import * as E from 'fp-ts/Either'
import {
  controllerRef,
  isBeingDeleted,
  isPodAvailable,
  nameOf,
  type DaemonSet,
  type Node,
  type Pod,
} from '../../../core/api'
import { claimObjects } from '../../../core/cluster'
import {
  countDaemonPods,
  daemonPodFactory,
  podsByNode,
  templateGenerationOf,
  type DaemonSetCounts,
  type DaemonSetInput,
  type PodsByNode,
} from '../../../core/daemonset'
import { constructHistory } from '../../../core/history'
import { fromLabelSelector, isEverything, type Selector } from '../../../core/labels'
import type { Action, Plan } from '../../../core/plan'
import { compileDaemonEligibility, type NodeEligibility } from '../../../core/scheduling'
import { applyPlan, sequentialNames } from '../../../core/snapshot'

/** What the invariants need to know about one DaemonSet sync, derived from its input alone. */
export interface DaemonSetFacts {
  readonly input: DaemonSetInput
  readonly ds: DaemonSet
  readonly selector: Selector
  /** The pods the DaemonSet claims (owned and selected, plus orphans it adopts). */
  readonly claimed: ReadonlyArray<Pod>
  /** The current revision hash, as `constructHistory` settles it ('' on a name collision). */
  readonly hash: string
  readonly generation: number | undefined
  readonly nodes: ReadonlyArray<Node>
  readonly nodeNames: ReadonlySet<string>
  readonly eligibility: ReadonlyMap<string, NodeEligibility>
  /** Claimed pods by target node, terminal pods being deleted left out (as manage and status see them). */
  readonly groups: PodsByNode
  /** Nodes that should run a daemon pod (`desiredNumberScheduled`). */
  readonly desired: number
  readonly minReadySeconds: number
}

// Several invariants judge the same (input, plan); the facts are derived once per input object.
const factsCache = new WeakMap<DaemonSetInput, Map<string, DaemonSetFacts | undefined>>()

/** Facts for a sync that does work; undefined when the DaemonSet is invalid, selects everything or is being deleted. */
export const daemonSetFacts = (input: DaemonSetInput, hashOverride?: string): DaemonSetFacts | undefined => {
  const key = hashOverride ?? '\u0000'
  const cached = factsCache.get(input)
  if (cached?.has(key) === true) return cached.get(key)
  const facts = deriveFacts(input, hashOverride)
  if (cached === undefined) factsCache.set(input, new Map([[key, facts]]))
  else cached.set(key, facts)
  return facts
}

const deriveFacts = (input: DaemonSetInput, hashOverride: string | undefined): DaemonSetFacts | undefined => {
  const ds = input.daemonSet
  const selector = fromLabelSelector(ds.spec.selector)
  if (E.isLeft(selector) || isEverything(selector.right) || isBeingDeleted(ds)) return undefined
  const claimed = claimObjects({ owner: ds, ownerRef: controllerRef('apps/v1', 'DaemonSet', ds), selector: selector.right }, input.pods).claimed
  const history = hashOverride === undefined ? constructHistory({ daemonSet: ds, revisions: input.revisions, pods: claimed }) : undefined
  const hash = hashOverride ?? (history?._tag === 'Constructed' ? history.hash : '')
  const nodes = [...input.nodes].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0))
  const decide = compileDaemonEligibility(ds)
  const eligibility = new Map(nodes.map((n) => [nameOf(n), decide(n)] as const))
  let desired = 0
  for (const e of eligibility.values()) if (e.shouldRun) desired++
  return {
    input,
    ds,
    selector: selector.right,
    claimed,
    hash,
    generation: templateGenerationOf(ds),
    nodes,
    nodeNames: new Set(nodes.map(nameOf)),
    eligibility,
    groups: podsByNode(claimed, false),
    desired,
    minReadySeconds: ds.spec.minReadySeconds ?? 0,
  }
}

/** Recounts the status counters over the facts' pod groups with the controller's own rule (`countDaemonPods`). */
export const recount = (facts: DaemonSetFacts): DaemonSetCounts =>
  countDaemonPods(
    {
      ds: facts.ds,
      nodes: facts.nodes,
      nodeNames: facts.nodeNames,
      eligibility: facts.eligibility,
      hash: facts.hash,
      generation: facts.generation,
      now: facts.input.now,
      podFor: daemonPodFactory(facts.ds, facts.hash, facts.generation),
    },
    facts.groups,
  )

/** A pod that is not being deleted and is available at `now`. */
export const isAvailableNow = (facts: DaemonSetFacts, pod: Pod): boolean =>
  !isBeingDeleted(pod) && isPodAvailable(pod, facts.minReadySeconds, facts.input.now)

/**
 * The input as the API server leaves it after the plan (pods removed on delete, as the
 * controllers' fake pod control does). With `podWritesOnly`, only CreatePod and DeletePod are
 * applied: what contracts §2 says a sync counts as done before it computes its status.
 */
const afterCache = new WeakMap<DaemonSetInput, WeakMap<Plan, Map<boolean, DaemonSetInput>>>()

export const inputAfter = (input: DaemonSetInput, plan: Plan, podWritesOnly = false): DaemonSetInput => {
  const byPlan = afterCache.get(input) ?? new WeakMap<Plan, Map<boolean, DaemonSetInput>>()
  afterCache.set(input, byPlan)
  const byMode = byPlan.get(plan) ?? new Map<boolean, DaemonSetInput>()
  byPlan.set(plan, byMode)
  const cached = byMode.get(podWritesOnly)
  if (cached !== undefined) return cached
  const after = applyAfter(input, plan, podWritesOnly)
  byMode.set(podWritesOnly, after)
  return after
}

const applyAfter = (input: DaemonSetInput, plan: Plan, podWritesOnly: boolean): DaemonSetInput => {
  const actions: ReadonlyArray<Action> = podWritesOnly
    ? plan.actions.filter((a) => a.type === 'CreatePod' || a.type === 'DeletePod')
    : plan.actions
  const state = { nodes: input.nodes, pods: input.pods, revisions: input.revisions, daemonSets: [input.daemonSet] }
  const next = applyPlan(state, actions, { now: input.now, generateName: sequentialNames() })
  return { ...input, daemonSet: next.daemonSets[0] ?? input.daemonSet, pods: next.pods, revisions: next.revisions }
}
