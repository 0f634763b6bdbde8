import * as E from 'fp-ts/Either'
import type { LabelSelector } from '../api/meta'
import { everything, matchesSelector, nothing, type Operator, type Requirement, type Selector } from './requirement'

const operators: Readonly<Record<string, Operator>> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
}

/**
 * Converts a `metav1.LabelSelector` to a selector, as `metav1.LabelSelectorAsSelector` does:
 * nil selects nothing, `{}` selects everything, and malformed expressions are errors.
 */
export const fromLabelSelector = (ls: LabelSelector | null | undefined): E.Either<string, Selector> => {
  if (ls == null) return E.right(nothing)
  const labels = Object.entries(ls.matchLabels ?? {})
  const expressions = ls.matchExpressions ?? []
  if (labels.length === 0 && expressions.length === 0) return E.right(everything)
  const requirements: Requirement[] = labels.map(([key, value]) => ({ key, operator: 'In', values: [value] }))
  for (const expr of expressions) {
    const operator = operators[expr.operator]
    if (operator === undefined) return E.left(`${JSON.stringify(expr.operator)} is not a valid label selector operator`)
    const values = expr.values ?? []
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
      return E.left(`for 'in', 'notin' operators, values set can't be empty`)
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
      return E.left(`values set must be empty for exists and does not exist`)
    }
    requirements.push({ key: expr.key, operator, values: [...values].sort() })
  }
  // apimachinery sorts requirements by key so that String() is canonical.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return E.right({ _tag: 'Requirements', requirements })
}

/** Matches labels against a `LabelSelector`; a malformed selector matches nothing, as the controllers treat it. */
export const labelSelectorMatches = (ls: LabelSelector | null | undefined, labels: Readonly<Record<string, string>>): boolean => {
  const parsed = fromLabelSelector(ls)
  return E.isRight(parsed) && matchesSelector(parsed.right, labels)
}
