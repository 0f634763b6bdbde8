import type { Pod } from '../../core/api'
import type { DaemonSetCounts, DaemonSetInput } from '../../core/daemonset'
import { daemonSetFacts, recount } from './internal/facts'
import { check, holds, type Verdict } from './verdict'

/**
 * An independent reading of reference §5 (status counting), used as an oracle for
 * `countDaemonPods`: own grouping by target node, own "oldest pod" order, own readiness and
 * availability. Only the claim and the eligibility decision (checked by their own oracle) are shared.
 */

const targetOf = (pod: Pod): string | undefined => {
  if ((pod.spec.nodeName ?? '') !== '') return pod.spec.nodeName
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
  for (const term of terms) {
    for (const r of term.matchFields ?? []) {
      if (r.key === 'metadata.name' && r.operator === 'In') return (r.values ?? []).length === 1 ? r.values?.[0] : undefined
    }
  }
  return undefined
}

const time = (text: string | null | undefined): number => {
  const ms = text == null ? Number.NaN : Date.parse(text)
  return Number.isFinite(ms) ? ms : 0
}

// Reference §3.6: bound pods first, then older creationTimestamp, then name.
const oldestFirst = (a: Pod, b: Pod): number => {
  const bound = (p: Pod) => ((p.spec.nodeName ?? '') !== '' ? 0 : 1)
  const [x, y] = [a.metadata.name ?? '', b.metadata.name ?? '']
  return bound(a) - bound(b) || time(a.metadata.creationTimestamp) - time(b.metadata.creationTimestamp) || (x < y ? -1 : x > y ? 1 : 0)
}

/** The seven counters of reference §5 for the input's pods, computed plainly. */
export const referenceCounts = (input: DaemonSetInput): DaemonSetCounts | undefined => {
  const facts = daemonSetFacts(input)
  if (facts === undefined) return undefined
  const minReady = facts.minReadySeconds
  const gone = (p: Pod) => p.metadata.deletionTimestamp != null && (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded')
  const byNode = new Map<string, Pod[]>()
  for (const pod of facts.claimed) {
    const node = targetOf(pod)
    if (node === undefined || gone(pod)) continue
    byNode.set(node, [...(byNode.get(node) ?? []), pod])
  }
  const counts = { desired: 0, current: 0, misscheduled: 0, ready: 0, updated: 0, available: 0 }
  for (const [node, e] of facts.eligibility) {
    const pods = [...(byNode.get(node) ?? [])].sort(oldestFirst)
    if (!e.shouldRun) {
      if (pods.length > 0) counts.misscheduled++
      continue
    }
    counts.desired++
    const first = pods[0]
    if (first === undefined) continue
    counts.current++
    const ready = (first.status?.conditions ?? []).find((c) => c.type === 'Ready')
    if (ready?.status === 'True') {
      counts.ready++
      const since = time(ready.lastTransitionTime)
      if (minReady === 0 || (since > 0 && since + minReady * 1000 < input.now)) counts.available++
    }
    const labels = first.metadata.labels ?? {}
    const byHash = facts.hash !== '' && labels['controller-revision-hash'] === facts.hash
    const byGeneration = facts.generation !== undefined && labels['pod-template-generation'] === String(facts.generation)
    if (byHash || byGeneration) counts.updated++
  }
  return {
    desiredNumberScheduled: counts.desired,
    currentNumberScheduled: counts.current,
    numberMisscheduled: counts.misscheduled,
    numberReady: counts.ready,
    updatedNumberScheduled: counts.updated,
    numberAvailable: counts.available,
    numberUnavailable: counts.desired - counts.available,
  }
}

/** D4's oracle: `countDaemonPods` (what the controller writes) equals `referenceCounts`. */
export const countsMatchReference = (input: DaemonSetInput): Verdict => {
  const want = referenceCounts(input)
  const facts = daemonSetFacts(input)
  if (want === undefined || facts === undefined) return holds
  const got = recount(facts)
  const diff = (Object.keys(want) as Array<keyof DaemonSetCounts>).filter((k) => got[k] !== want[k])
  return check(diff.length === 0, () => `countDaemonPods disagrees with reference §5: ${diff.map((k) => `${k} ${got[k]} vs ${want[k]}`).join('; ')}`)
}
