import * as E from 'fp-ts/Either'
import { controllerOf, formatInstant, isBeingDeleted, labelsOf, namespaceOf, isPodReady, isPodTerminal, nameOf, type Pod } from '../../core/api'
import { isPodUpdated, updateBudgets, type DaemonSetInput } from '../../core/daemonset'
import { describeAction, type Action, type Plan } from '../../core/plan'
import { matchesSelector } from '../../core/labels'
import { targetNodeOf } from '../../core/scheduling'
import type { DaemonSetSnapshot } from '../arbitraries/snapshot'
import { runDaemonSet, type DaemonSetController, type Round } from '../simulation/runDaemonSet'
import { daemonSetFacts, isAvailableNow, type DaemonSetFacts } from './internal/facts'
import { allOf, check, holds, violated, type Verdict } from './verdict'

const isLive = (pod: Pod): boolean => !isBeingDeleted(pod) && !isPodTerminal(pod)
const names = (pods: ReadonlyArray<Pod>): string => (pods.length === 0 ? 'none' : pods.map(nameOf).join(', '))

const placementProblems = (facts: DaemonSetFacts): ReadonlyArray<string> => {
  const problems: string[] = []
  for (const [node, e] of facts.eligibility) {
    const live = (facts.groups.get(node) ?? []).filter(isLive)
    if (e.shouldRun && live.length !== 1) problems.push(`node ${node} should run one daemon pod, has ${live.length} live: ${names(live)}`)
    else if (!e.shouldContinueRunning && live.length > 0) problems.push(`node ${node} may not run the daemon (${e.reason}), has ${names(live)}`)
    else if (live.length > 1) problems.push(`node ${node} may keep at most one daemon pod, has ${live.length}: ${names(live)}`)
  }
  for (const [node, pods] of facts.groups) {
    if (facts.nodeNames.has(node)) continue
    const pinned = pods.filter((p) => (p.spec.nodeName ?? '') === '' && isLive(p))
    if (pinned.length > 0) problems.push(`vanished node ${node} still has unbound daemon pods ${names(pinned)}`)
  }
  return problems
}

/**
 * D1 on a cluster state: exactly one live (not terminating, not terminal) daemon pod on every node
 * that should run one, none where none may continue, at most one where an existing pod may stay,
 * and no unbound pod left pinned to a vanished node.
 */
export const daemonPodsPlaced = (input: DaemonSetInput): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined) return holds
  const problems = placementProblems(facts)
  return problems.length === 0 ? holds : violated(problems.join('\n'))
}

/**
 * A rollout at rest: D1; every pod the DaemonSet selects is adopted and none it no longer selects
 * is still held; every daemon pod with a target node is live, on an existing node, Ready and
 * available, and (for RollingUpdate) of the current revision, except an old pod that may only stay
 * on its node when the update budget is zero. From such a state a healthy cluster has nothing left to do.
 */
export const rolloutSettled = (input: DaemonSetInput): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined) return holds
  const rolling = facts.ds.spec.updateStrategy?.type === 'RollingUpdate'
  const budgets = updateBudgets(facts.ds, facts.desired)
  // With no node to run on, percent budgets scale to 0 and upstream never replaces an old pod that
  // may only stay (an untolerated NoSchedule taint): no budget, no fallback (reference §6.1).
  const replacesStayers = E.isRight(budgets) && budgets.right.maxSurge + budgets.right.maxUnavailable > 0
  const problems = [...placementProblems(facts)]
  const uid = facts.ds.metadata.uid ?? ''
  for (const pod of facts.input.pods) {
    const owned = namespaceOf(pod) === namespaceOf(facts.ds) && controllerOf(pod)?.uid === uid
    if (owned && !matchesSelector(facts.selector, labelsOf(pod))) problems.push(`${nameOf(pod)}: no longer selected but not released`)
  }
  for (const pod of facts.claimed) {
    if (controllerOf(pod)?.uid !== uid) problems.push(`${nameOf(pod)}: selected but not adopted`)
    const target = targetNodeOf(pod)
    if (E.isLeft(target)) continue
    const where = `${nameOf(pod)} on ${target.right}`
    if (!facts.nodeNames.has(target.right)) problems.push(`${where}: the node is gone`)
    else if (!isLive(pod)) problems.push(`${where}: ${isBeingDeleted(pod) ? 'terminating' : `phase ${pod.status?.phase ?? ''}`}`)
    else if (!isPodReady(pod) || !isAvailableNow(facts, pod)) problems.push(`${where}: not available`)
    else if (rolling && !isPodUpdated(pod, facts.hash, facts.generation) && (replacesStayers || facts.eligibility.get(target.right)?.shouldRun === true)) {
      problems.push(`${where}: not of the current revision ${facts.hash}`)
    }
  }
  return problems.length === 0 ? holds : violated(problems.join('\n'))
}

/**
 * Rounds enough for any generated snapshot: a one-at-a-time rollout spends three per node (delete,
 * wait out the grace period, create and become available), plus slack.
 */
export const roundBudget = (snapshot: DaemonSetSnapshot): number => 3 * snapshot.nodes.length + 8

/**
 * Syncs after settling within which a plan must write nothing: the first may still store status
 * (or history); a second is needed when the first was cut short by a hash collision (§7.3).
 */
const quietWithin = 2

const writes = (plan: Plan): ReadonlyArray<Action> => plan.actions.filter((a) => a.type !== 'RecordEvent' && a.type !== 'Requeue')

const trace = (rounds: ReadonlyArray<Round>): string =>
  rounds
    .map((r, i) => {
      const lines = writes(r.plan).map((a) => `    ${describeAction(a)}`)
      return [`  round ${i} at ${formatInstant(r.input.now)}: ${lines.length} writes`, ...lines].join('\n')
    })
    .join('\n')

export interface ConvergenceOptions {
  /** Syncs allowed before the rollout must be settled; `roundBudget(snapshot)` by default. */
  readonly maxRounds?: number
  /** The controller under test; `decideDaemonSet` by default. */
  readonly controller?: DaemonSetController
}

/** One simulated run, stopped one round after the first settled state (or at the budget). */
interface Run {
  readonly rounds: ReadonlyArray<Round>
  /** The first round whose input is `rolloutSettled`, or -1. */
  readonly settledAt: number
  readonly maxRounds: number
}

const simulate = (snapshot: DaemonSetSnapshot, options: ConvergenceOptions): Run => {
  const maxRounds = options.maxRounds ?? roundBudget(snapshot)
  let settledAt = -1
  const rounds = runDaemonSet(snapshot, {
    maxRounds: maxRounds + quietWithin,
    ...(options.controller !== undefined ? { controller: options.controller } : {}),
    stopAfter: (r, i) => {
      if (settledAt < 0 && i < maxRounds && rolloutSettled(r.input).ok) settledAt = i
      if (settledAt < 0) return i >= maxRounds - 1
      return i >= settledAt + quietWithin || (i > settledAt && writes(r.plan).length === 0)
    },
  })
  return { rounds, settledAt, maxRounds }
}

const convergenceOf = (run: Run): Verdict => {
  if (run.settledAt >= 0) return holds
  const last = run.rounds.at(-1)
  const verdict = last === undefined ? violated('no rounds ran') : rolloutSettled(last.input)
  const why = verdict.ok ? '' : verdict.message
  return violated(`not settled after ${run.rounds.length} rounds:\n${why}\n${trace(run.rounds)}`)
}

const fixpointOf = (run: Run): Verdict => {
  if (run.settledAt < 0) return holds
  const after = run.rounds.slice(run.settledAt)
  const podWrites = after.flatMap((r) => r.plan.actions.filter((a) => a.type === 'CreatePod' || a.type === 'DeletePod'))
  const quiet = after.slice(1).some((r) => writes(r.plan).length === 0)
  return allOf([
    check(podWrites.length === 0, () => `settled at round ${run.settledAt}, yet pods are still created or deleted:\n${trace(run.rounds)}`),
    check(quiet, () => `settled at round ${run.settledAt}, yet no plan of the next ${quietWithin} is free of writes:\n${trace(run.rounds)}`),
  ])
}

const everyRoundOf = (run: Run, invariant: (input: DaemonSetInput, plan: Plan) => Verdict): Verdict => {
  for (const [i, round] of run.rounds.entries()) {
    const verdict = invariant(round.input, round.plan)
    if (!verdict.ok) return violated(`round ${i}: ${verdict.message}\n${trace(run.rounds.slice(0, i + 1))}`)
  }
  return holds
}

/**
 * (a) Convergence: run the controller against a healthy simulated cluster (`runDaemonSet`); within
 * the round budget the state reaches `rolloutSettled` (so D1 holds: exactly one live daemon pod
 * on every node that should run one, none where none may continue). The failure message carries
 * what is still wrong and the writes of every round.
 */
export const convergesWithin = (snapshot: DaemonSetSnapshot, options: ConvergenceOptions = {}): Verdict =>
  convergenceOf(simulate(snapshot, options))

/**
 * (b) Fixpoint: once the rollout is settled, no plan creates or deletes a pod any more, and within
 * two syncs a plan writes nothing at all (no pods, revisions or status). Holds vacuously when the
 * run never settles; `convergesWithin` reports that.
 */
export const reachesFixpoint = (snapshot: DaemonSetSnapshot, options: ConvergenceOptions = {}): Verdict =>
  fixpointOf(simulate(snapshot, options))

/** A per-plan invariant on every round of a simulated run; the failure names its round and the writes so far. */
export const everyRound = (
  snapshot: DaemonSetSnapshot,
  invariant: (input: DaemonSetInput, plan: Plan) => Verdict,
  options: ConvergenceOptions = {},
): Verdict => everyRoundOf(simulate(snapshot, options), invariant)

/**
 * Convergence, fixpoint and `invariant` on every round, from one simulated run (cheaper than
 * calling the three separately).
 */
export const convergesToFixpoint = (
  snapshot: DaemonSetSnapshot,
  invariant: (input: DaemonSetInput, plan: Plan) => Verdict = () => holds,
  options: ConvergenceOptions = {},
): Verdict => {
  const run = simulate(snapshot, options)
  return allOf([everyRoundOf(run, invariant), convergenceOf(run), fixpointOf(run)])
}
