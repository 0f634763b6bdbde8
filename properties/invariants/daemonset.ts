import * as E from 'fp-ts/Either'
import { DaemonSetKeys, isBeingDeleted, isPodReady, isPodTerminal, namespaceOf, nameOf, type Pod } from '../../core/api'
import { allowsSurge, daemonSetCountKeys, isPodUpdated, updateBudgets, type DaemonSetCounts, type DaemonSetInput } from '../../core/daemonset'
import { actionsOf, type Plan } from '../../core/plan'
import { targetNodeOf } from '../../core/scheduling'
import { daemonSetFacts, inputAfter, isAvailableNow, recount, type DaemonSetFacts } from './internal/facts'
import { allOf, check, holds, violated, type Verdict } from './verdict'

const createTargets = (plan: Plan): ReadonlyArray<E.Either<string, string>> => actionsOf(plan, 'CreatePod').map((a) => targetNodeOf(a.pod))

const maxSurgeOf = (facts: DaemonSetFacts): number | undefined => {
  const budgets = updateBudgets(facts.ds, facts.desired)
  return E.isRight(budgets) ? budgets.right.maxSurge : undefined
}

/**
 * True when upstream's surge rollout fails the sync with `couldn't get node for nodeName`: a pod
 * bound to a node that no longer exists is the only (old) pod there. The sync then skips history
 * cleanup (status is still stored), so the history bound holds vacuously until PodGC removes it.
 */
export const rollingUpdateAborts = (input: DaemonSetInput): boolean => {
  const facts = daemonSetFacts(input)
  if (facts === undefined || facts.ds.spec.updateStrategy?.type !== 'RollingUpdate' || (maxSurgeOf(facts) ?? 0) === 0) return false
  for (const [node, pods] of facts.groups) {
    if (facts.nodeNames.has(node)) continue
    // Unbound pods of vanished nodes are deleted by manage before the rolling update looks.
    const left = pods.filter((p) => !isBeingDeleted(p) && (p.spec.nodeName ?? '') !== '')
    const updated = left.filter((p) => isPodUpdated(p, facts.hash, facts.generation)).length
    if (updated === 0 && left.length === 1) return true
  }
  return false
}

/** At most one CreatePod per node in one plan, and every created pod names its node. */
export const atMostOneCreatePerNode = (_input: DaemonSetInput, plan: Plan): Verdict => {
  const seen = new Map<string, number>()
  const problems: string[] = []
  for (const target of createTargets(plan)) {
    if (E.isLeft(target)) problems.push(`a CreatePod has no target node: ${target.left}`)
    else seen.set(target.right, (seen.get(target.right) ?? 0) + 1)
  }
  for (const [node, n] of seen) if (n > 1) problems.push(`${n} CreatePod actions target node ${node} in one plan`)
  return allOf(problems.map(violated))
}

/** Never a CreatePod on a node where `shouldRun` is false (ineligible, NoSchedule-tainted, or gone). */
export const createsOnlyWhereShouldRun = (input: DaemonSetInput, plan: Plan): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined) return check(createTargets(plan).length === 0, () => 'a DaemonSet that does no work created pods')
  return allOf(
    createTargets(plan).flatMap((t) => {
      if (E.isLeft(t)) return []
      const e = facts.eligibility.get(t.right)
      if (e === undefined) return [violated(`CreatePod on node ${t.right}, which does not exist`)]
      return e.shouldRun ? [] : [violated(`CreatePod on node ${t.right}, where no daemon pod should run: ${e.reason}`)]
    }),
  )
}

/** D2: without surge, a pod is created only on a node that has no daemon pod at all (terminating ones included). */
export const noSecondPodWithoutSurge = (input: DaemonSetInput, plan: Plan): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined || allowsSurge(facts.ds)) return holds
  return allOf(
    createTargets(plan).flatMap((t) => {
      const pods = E.isRight(t) ? (facts.groups.get(t.right) ?? []) : []
      return pods.length === 0 || E.isLeft(t) ? [] : [violated(`CreatePod on node ${t.right}, which already has ${pods.map(nameOf).join(', ')} (maxSurge is 0)`)]
    }),
  )
}

const isNewByLabel = (facts: DaemonSetFacts, pod: Pod): boolean => (pod.metadata.labels?.[DaemonSetKeys.revisionHash] ?? '') === facts.hash
const isRunningPhase = (pod: Pod): boolean => !isPodTerminal(pod)

/**
 * D3: one plan of a RollingUpdate never takes more than its budget. Without surge, old pods
 * deleted as `Outdated` that leave a desired node with no available pod number at most
 * `maxUnavailable − (desired nodes already without an available pod)`. With surge, no `Outdated`
 * delete leaves a node without an available pod, and pods created next to an available old pod
 * number at most `maxSurge − (nodes already surging: a Ready old pod beside an unavailable new one)`.
 */
export const respectsUpdateBudget = (input: DaemonSetInput, plan: Plan): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined || facts.ds.spec.updateStrategy?.type !== 'RollingUpdate') return holds
  const budgets = updateBudgets(facts.ds, facts.desired)
  if (E.isLeft(budgets)) return holds
  const { maxSurge, maxUnavailable } = budgets.right
  const ns = namespaceOf(facts.ds)
  const deleted = new Set(actionsOf(plan, 'DeletePod').filter((a) => a.namespace === ns).map((a) => a.name))
  const outdated = new Set(actionsOf(plan, 'DeletePod').filter((a) => a.namespace === ns && a.reason === 'Outdated').map((a) => a.name))
  const available = (p: Pod) => isAvailableNow(facts, p)
  let alreadyUnavailable = 0
  const emptied: string[] = []
  for (const [node, e] of facts.eligibility) {
    const pods = facts.groups.get(node) ?? []
    if (!pods.some(available)) {
      if (e.shouldRun) alreadyUnavailable++
      continue
    }
    const after = pods.filter((p) => !deleted.has(nameOf(p)))
    if (e.shouldRun && !after.some(available) && pods.some((p) => available(p) && outdated.has(nameOf(p)))) emptied.push(node)
  }
  if (maxSurge === 0) {
    const allowed = Math.max(0, maxUnavailable - alreadyUnavailable)
    return check(
      emptied.length <= allowed,
      () =>
        `rolling update (maxUnavailable ${maxUnavailable}, ${facts.desired} desired, ${alreadyUnavailable} already unavailable) ` +
        `made ${emptied.length} more nodes unavailable, allowed ${allowed}: ${emptied.join(', ')}`,
    )
  }
  let surging = 0
  const budgeted: string[] = []
  const creates = new Set(createTargets(plan).flatMap((t) => (E.isRight(t) ? [t.right] : [])))
  for (const [node, e] of facts.eligibility) {
    const live = (facts.groups.get(node) ?? []).filter((p) => !isBeingDeleted(p))
    const [a, b, ...more] = live
    if (e.shouldContinueRunning && a !== undefined && b !== undefined && more.length === 0 && live.every(isRunningPhase)) {
      const fresh = live.filter((p) => isNewByLabel(facts, p))
      const old = live.filter((p) => !isNewByLabel(facts, p) && !isPodUpdated(p, facts.hash, facts.generation))
      if (fresh.length === 1 && old.length === 1 && fresh.every((p) => !available(p)) && old.every(isPodReady)) surging++
    }
    // Judged on the pods the plan keeps: an old pod left unavailable is replaced outside the budget.
    const kept = live.filter((p) => !deleted.has(nameOf(p)))
    const hasNew = kept.some((p) => isPodUpdated(p, facts.hash, facts.generation))
    if (creates.has(node) && !hasNew && kept.some((p) => available(p) && !isPodUpdated(p, facts.hash, facts.generation))) budgeted.push(node)
  }
  const allowed = Math.max(0, maxSurge - surging)
  return allOf([
    check(emptied.length === 0, () => `surge rollout deleted the last available pod of ${emptied.join(', ')}`),
    check(
      budgeted.length <= allowed,
      () => `surge rollout (maxSurge ${maxSurge}, ${surging} nodes already surging) created ${budgeted.length} surge pods, allowed ${allowed}: ${budgeted.join(', ')}`,
    ),
  ])
}


const differences = (written: Readonly<Record<string, unknown>>, counts: DaemonSetCounts): ReadonlyArray<string> =>
  daemonSetCountKeys.flatMap((k) => ((written[k] ?? 0) === counts[k] ? [] : [`${k} ${String(written[k] ?? 0)}, recount ${counts[k]}`]))

/**
 * D4: the status a plan writes equals a recount (`countDaemonPods`) over the pods as they are
 * once the plan's creates and deletes are done (contracts §2), with observedGeneration raised to
 * the generation; a plan that writes none leaves a stored status that already equals it. Upstream
 * stores status even when the rolling update fails (`rollingUpdateAborts`); only a name collision
 * (which bumps collisionCount and stops the sync) is exempt.
 */
export const statusMatchesRecount = (input: DaemonSetInput, plan: Plan): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined) return holds
  const writes = actionsOf(plan, 'UpdateStatus')
  const stored = input.daemonSet.status ?? {}
  if (writes.some((w) => w.status['collisionCount'] !== stored.collisionCount)) return holds
  if (writes.length > 1) return violated(`${writes.length} UpdateStatus actions in one plan`)
  const after = daemonSetFacts(inputAfter(input, plan, true), facts.hash)
  if (after === undefined) return holds
  const counts = recount(after)
  const generation = facts.ds.metadata.generation ?? 0
  const written = writes[0]
  if (written === undefined) {
    const diff = differences(stored, counts)
    return allOf([
      check(diff.length === 0, () => `no UpdateStatus, but the stored status is stale: ${diff.join('; ')}`),
      check((stored.observedGeneration ?? 0) >= generation, () => `no UpdateStatus, but observedGeneration ${stored.observedGeneration ?? 0} < generation ${generation}`),
    ])
  }
  const diff = differences(written.status, counts)
  const observed = input.expectationsSatisfied === false ? (stored.observedGeneration ?? 0) : generation
  return allOf([
    check(diff.length === 0, () => `UpdateStatus disagrees with a recount of the post-plan pods: ${diff.join('; ')}`),
    check(written.status['observedGeneration'] === observed, () => `UpdateStatus observedGeneration ${String(written.status['observedGeneration'])}, want ${observed}`),
  ])
}

/** A DaemonSet being deleted gets an empty plan (upstream returns before any work). */
export const idleWhileDeleting = (input: DaemonSetInput, plan: Plan): Verdict =>
  check(!isBeingDeleted(input.daemonSet) || plan.actions.length === 0, () => `a DaemonSet being deleted planned ${plan.actions.length} actions`)

/**
 * The controller touches only what it controls (field notes §1.7, Anvil's guarantee): every
 * DeletePod names a pod it claims; every UpdatePod, UpdateRevision and DeleteRevision names an
 * existing object that it controls or that is an orphan (adoption); nothing of another controller.
 */
export const touchesOnlyOwnObjects = (input: DaemonSetInput, plan: Plan): Verdict => {
  const facts = daemonSetFacts(input)
  if (facts === undefined) return check(plan.actions.every((a) => a.type === 'RecordEvent'), () => 'a DaemonSet that does no work wrote objects')
  const ns = namespaceOf(facts.ds)
  const uid = facts.ds.metadata.uid ?? ''
  const claimed = new Set(facts.claimed.map(nameOf))
  const mine = (o: { readonly metadata: { readonly ownerReferences?: ReadonlyArray<{ readonly uid: string; readonly controller?: boolean }> } }) => {
    const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true)
    return ref === undefined || ref.uid === uid
  }
  const pods = new Map(input.pods.filter((p) => namespaceOf(p) === ns).map((p) => [nameOf(p), p] as const))
  const revisions = new Map(input.revisions.filter((r) => namespaceOf(r) === ns).map((r) => [nameOf(r), r] as const))
  for (const a of actionsOf(plan, 'CreateRevision')) revisions.set(nameOf(a.revision), a.revision)
  const problems: string[] = []
  for (const a of plan.actions) {
    if (a.type === 'DeletePod' && (a.namespace !== ns || !claimed.has(a.name))) problems.push(`DeletePod ${a.namespace}/${a.name}: not a pod the DaemonSet claims`)
    if (a.type === 'UpdatePod') {
      const pod = a.namespace === ns ? pods.get(a.name) : undefined
      if (pod === undefined || !mine(pod)) problems.push(`UpdatePod ${a.namespace}/${a.name}: missing or controlled by another owner`)
    }
    if (a.type === 'UpdateRevision' || a.type === 'DeleteRevision') {
      const name = a.type === 'UpdateRevision' ? nameOf(a.revision) : a.name
      const revision = revisions.get(name)
      if (revision === undefined || !mine(revision)) problems.push(`${a.type} ${name}: missing or controlled by another owner`)
    }
  }
  return allOf(problems.map(violated))
}

/** Every per-plan DaemonSet invariant of this module, together. */
export const daemonSetPlanInvariants = (input: DaemonSetInput, plan: Plan): Verdict =>
  allOf([
    atMostOneCreatePerNode(input, plan),
    createsOnlyWhereShouldRun(input, plan),
    noSecondPodWithoutSurge(input, plan),
    respectsUpdateBudget(input, plan),
    statusMatchesRecount(input, plan),
    touchesOnlyOwnObjects(input, plan),
    idleWhileDeleting(input, plan),
  ])
