import type { Taint, Toleration } from '../api'
import { parseInt64 } from './internal/parseInt64'

/** Feature gates that change how tolerations match. */
export interface TolerationOptions {
  /** `TaintTolerationComparisonOperators` (alpha in 1.35, off by default): enables `Lt`/`Gt`. */
  readonly comparisonOperators?: boolean
}

/** How one toleration stands toward one taint; `Unparsable` is upstream's error from a `Lt`/`Gt` comparison. */
export type Tolerance = 'Tolerated' | 'NotTolerated' | 'Unparsable'

// `content.IsDecimalInteger`: no sign but '-', no leading zeros, no "-0".
const strictDecimal = /^(0|-?[1-9][0-9]*)$/

const strictInt64 = (text: string): bigint | undefined => (strictDecimal.test(text) ? parseInt64(text) : undefined)

const compareNumeric = (tolerationValue: string, taintValue: string, operator: 'Lt' | 'Gt'): Tolerance => {
  const bound = strictInt64(tolerationValue)
  const actual = strictInt64(taintValue)
  if (bound === undefined || actual === undefined) return 'Unparsable'
  return (operator === 'Lt' ? actual < bound : actual > bound) ? 'Tolerated' : 'NotTolerated'
}

/**
 * The three-way answer of `Toleration.ToleratesTaint` (k8s.io/api core/v1): `Tolerated`,
 * `NotTolerated`, or `Unparsable` (a `Lt`/`Gt` value that is not a strict decimal int64).
 */
export const toleranceOf = (toleration: Toleration, taint: Taint, comparisonOperators: boolean): Tolerance => {
  const effect = toleration.effect ?? ''
  if (effect !== '' && effect !== taint.effect) return 'NotTolerated'
  const key = toleration.key ?? ''
  if (key !== '' && key !== taint.key) return 'NotTolerated'
  const operator = toleration.operator ?? ''
  switch (operator) {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '') ? 'Tolerated' : 'NotTolerated'
    case 'Exists':
      return 'Tolerated'
    case 'Lt':
    case 'Gt':
      return comparisonOperators ? compareNumeric(toleration.value ?? '', taint.value ?? '', operator) : 'NotTolerated'
    default:
      return 'NotTolerated'
  }
}

/**
 * Whether the toleration tolerates the taint: empty effect and empty key match all, `""`/`Equal` compare
 * values, `Exists` ignores them, `Lt`/`Gt` only behind the gate; `tolerationSeconds` plays no part.
 * Mirrors `Toleration.ToleratesTaint` in k8s.io/api core/v1.
 */
export const toleratesTaint = (toleration: Toleration, taint: Taint, options?: TolerationOptions): boolean =>
  toleranceOf(toleration, taint, options?.comparisonOperators === true) === 'Tolerated'
