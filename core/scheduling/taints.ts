import type { Taint, Toleration } from '../api'
import { toleranceOf, type Tolerance, type TolerationOptions } from './tolerations'

/** Chooses which taints count, as upstream's `taintsFilterFunc`. */
export type TaintFilter = (taint: Taint) => boolean

/** Taints that keep new pods off a node: effect `NoSchedule` or `NoExecute`. */
export const blocksScheduling: TaintFilter = (taint) => taint.effect === 'NoSchedule' || taint.effect === 'NoExecute'

/** Taints that evict running pods: effect `NoExecute`. */
export const evictsPods: TaintFilter = (taint) => taint.effect === 'NoExecute'

// TolerationsTolerateTaint: the first toleration that tolerates wins; otherwise remember an error.
const tolerationsTolerate = (tolerations: ReadonlyArray<Toleration>, taint: Taint, gate: boolean): Tolerance => {
  let unparsable = false
  for (const toleration of tolerations) {
    const tolerance = toleranceOf(toleration, taint, gate)
    if (tolerance === 'Tolerated') return tolerance
    if (tolerance === 'Unparsable') unparsable = true
  }
  return unparsable ? 'Unparsable' : 'NotTolerated'
}

/**
 * The first taint (in node order, among those the filter keeps) that no toleration tolerates, or
 * `undefined` when all are tolerated. A taint whose `Lt`/`Gt` comparison failed to parse is reported
 * only if no taint is cleanly untolerated. Mirrors `FindMatchingUntoleratedTaint` (component-helpers).
 */
export const findUntoleratedTaint = (
  taints: ReadonlyArray<Taint>,
  tolerations: ReadonlyArray<Toleration>,
  effectFilter?: TaintFilter,
  options?: TolerationOptions,
): Taint | undefined => {
  const gate = options?.comparisonOperators === true
  let firstUnparsable: Taint | undefined
  for (const taint of taints) {
    if (effectFilter !== undefined && !effectFilter(taint)) continue
    const tolerance = tolerationsTolerate(tolerations, taint, gate)
    if (tolerance === 'NotTolerated') return taint
    if (tolerance === 'Unparsable') firstUnparsable ??= taint
  }
  return firstUnparsable
}

/** `key=value:effect`, or `key:effect` without a value. Mirrors `Taint.ToString` in k8s.io/api core/v1. */
export const formatTaint = (taint: Taint): string =>
  taint.value === undefined || taint.value === '' ? `${taint.key}:${taint.effect}` : `${taint.key}=${taint.value}:${taint.effect}`
