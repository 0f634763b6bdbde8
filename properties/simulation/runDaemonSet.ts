import { addSeconds, type DaemonSet, type Instant } from '../../core/api'
import { decideDaemonSet, type DaemonSetDecision, type DaemonSetInput, type FailedPodBackoff } from '../../core/daemonset'
import type { Plan } from '../../core/plan'
import { applyPlan, sequentialNames, type ClusterState } from '../../core/snapshot'
import type { DaemonSetSnapshot } from '../arbitraries/snapshot'
import { settleCluster } from './kubelet'

/** One sync of the simulated controller: what it read and what it planned. */
export interface Round {
  readonly input: DaemonSetInput
  readonly plan: Plan
}

/**
 * A DaemonSet controller under test: a plan per input, or (like `decideDaemonSet`) a plan plus
 * the failed-pod backoff memory to carry into the next sync.
 */
export type DaemonSetController = (input: DaemonSetInput) => Plan | DaemonSetDecision

export interface RunOptions {
  readonly maxRounds: number
  /** The controller to run; `decideDaemonSet` by default. */
  readonly controller?: DaemonSetController
  /** A user's change to the DaemonSet before round `index` (return it unchanged for none). */
  readonly edit?: (daemonSet: DaemonSet, index: number) => DaemonSet
  /** Ends the run after this round (the round is kept). */
  readonly stopAfter?: (round: Round, index: number) => boolean
}

interface World extends ClusterState {
  readonly now: Instant
  readonly backoff: FailedPodBackoff
}

/** Seconds between two syncs: long enough for a new pod to become available and a 30 s grace period to end. */
export const syncInterval = (ds: DaemonSet): number => Math.max((ds.spec.minReadySeconds ?? 0) + 1, 30)

const inputOf = (world: World, fallback: DaemonSet): DaemonSetInput => ({
  daemonSet: world.daemonSets[0] ?? fallback,
  nodes: world.nodes,
  pods: world.pods,
  revisions: world.revisions,
  now: world.now,
  backoff: world.backoff,
})

/**
 * Runs the DaemonSet controller against a simulated cluster: each round reconciles, applies the
 * plan as the API server would (graceful pod deletion, generated names), lets the kubelet and
 * PodGC settle the pods (`settleCluster`), then moves the clock on by `syncInterval`. The
 * failed-pod backoff is carried from round to round. Deterministic for a given snapshot.
 */
export const runDaemonSet = (snapshot: DaemonSetSnapshot, options: RunOptions): ReadonlyArray<Round> => {
  const controller = options.controller ?? decideDaemonSet
  const generateName = sequentialNames()
  const step = syncInterval(snapshot.daemonSet)
  let world: World = {
    nodes: snapshot.nodes,
    pods: snapshot.pods,
    revisions: snapshot.revisions,
    daemonSets: [snapshot.daemonSet],
    now: snapshot.now,
    backoff: {},
  }
  const rounds: Round[] = []
  for (let i = 0; i < options.maxRounds; i++) {
    if (options.edit !== undefined) {
      const current = world.daemonSets[0] ?? snapshot.daemonSet
      const edited = options.edit(current, i)
      if (edited !== current) world = { ...world, daemonSets: [edited] }
    }
    const input = inputOf(world, snapshot.daemonSet)
    const answer = controller(input)
    const decision: DaemonSetDecision = 'plan' in answer ? answer : { plan: answer, backoff: world.backoff }
    const round = { input, plan: decision.plan }
    rounds.push(round)
    if (options.stopAfter?.(round, i) === true) break
    const applied = applyPlan(world, decision.plan, { now: world.now, generateName, podDeletion: 'graceful' })
    const settled = settleCluster(applied, world.now).state
    world = { ...settled, now: addSeconds(world.now, step), backoff: decision.backoff }
  }
  return rounds
}
