import { nameOf, taintsOf, type DaemonSet, type Node, type NodeSelectorRequirement, type Taint, type Toleration } from '../../core/api'
import { compileDaemonEligibility } from '../../core/scheduling'
import { check, type Verdict } from './verdict'

/**
 * An independent, deliberately plain reading of the daemon placement rules (reference §1 and
 * §2.1), used as an oracle for `compileDaemonEligibility`. It shares no code with core/scheduling.
 */

const defaultTolerations = (hostNetwork: boolean): ReadonlyArray<Toleration> => [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ...(hostNetwork ? [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }] : []),
]

// Tolerance ignores tolerationSeconds, so the merge of §2.1 only ever adds what is missing; for
// deciding placement, user tolerations plus the defaults is the same set.
const tolerates = (t: Toleration, taint: Taint): boolean => {
  if ((t.effect ?? '') !== '' && t.effect !== taint.effect) return false
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false
  const op = t.operator ?? ''
  if (op === 'Exists') return true
  return (op === '' || op === 'Equal') && (t.value ?? '') === (taint.value ?? '')
}

const int64 = /^[+-]?[0-9]+$/

const expressionMatches = (r: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean => {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key)
  const value = labels[r.key]
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
      return values.length > 0 && has && values.includes(value ?? '')
    case 'NotIn':
      return values.length > 0 && (!has || !values.includes(value ?? ''))
    case 'Exists':
      return values.length === 0 && has
    case 'DoesNotExist':
      return values.length === 0 && !has
    case 'Gt':
    case 'Lt': {
      const [bound, ...rest] = values
      if (bound === undefined || rest.length > 0 || !int64.test(bound) || !has || !int64.test(value ?? '')) return false
      return r.operator === 'Gt' ? BigInt(value ?? '0') > BigInt(bound) : BigInt(value ?? '0') < BigInt(bound)
    }
    default:
      return false
  }
}

const fieldMatches = (r: NodeSelectorRequirement, node: Node): boolean => {
  const values = r.values ?? []
  if (values.length !== 1) return false
  const field = r.key === 'metadata.name' ? nameOf(node) : ''
  if (r.operator === 'In') return values[0] === field
  if (r.operator === 'NotIn') return values[0] !== field
  return false
}

/** `(shouldRun, shouldContinueRunning)` for `ds` on `node`, read straight from reference §1. */
export const referenceEligibility = (node: Node, ds: DaemonSet): { readonly shouldRun: boolean; readonly shouldContinueRunning: boolean } => {
  const spec = ds.spec.template.spec
  const no = { shouldRun: false, shouldContinueRunning: false }
  if ((spec.nodeName ?? '') !== '' && spec.nodeName !== nameOf(node)) return no
  const labels = node.metadata.labels ?? {}
  if (!Object.entries(spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)) return no
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (required != null) {
    const terms = (required.nodeSelectorTerms ?? []).filter((t) => (t.matchExpressions ?? []).length + (t.matchFields ?? []).length > 0)
    const fits = terms.some(
      (t) =>
        (t.matchExpressions ?? []).every((r) => expressionMatches(r, labels)) &&
        (nameOf(node) === '' || (t.matchFields ?? []).every((r) => fieldMatches(r, node))),
    )
    if (!fits) return no
  }
  const tolerations = [...(spec.tolerations ?? []), ...defaultTolerations(spec.hostNetwork === true)]
  const untolerated = taintsOf(node).filter(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => tolerates(t, taint)),
  )
  if (untolerated.length === 0) return { shouldRun: true, shouldContinueRunning: true }
  return { shouldRun: false, shouldContinueRunning: untolerated.every((t) => t.effect !== 'NoExecute') }
}

/** `compileDaemonEligibility` agrees with `referenceEligibility` on both answers. */
export const eligibilityMatchesReference = (node: Node, ds: DaemonSet): Verdict => {
  const got = compileDaemonEligibility(ds)(node)
  const want = referenceEligibility(node, ds)
  return check(
    got.shouldRun === want.shouldRun && got.shouldContinueRunning === want.shouldContinueRunning,
    () =>
      `node ${nameOf(node)}: compileDaemonEligibility says (${String(got.shouldRun)}, ${String(got.shouldContinueRunning)}), ` +
      `reference §1 says (${String(want.shouldRun)}, ${String(want.shouldContinueRunning)})${got.shouldRun ? '' : `: ${got.reason}`}`,
  )
}
