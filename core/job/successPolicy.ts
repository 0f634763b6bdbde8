import type { SuccessPolicy } from '../api/job'
import { intervalsTotal, parseIndexes, type OrderedIntervals } from './intervals'

/** `matchSucceededIndexesRule`: how many rule indexes succeeded, in one walk over both lists. */
const matchesIndexesRule = (rule: OrderedIntervals, succeeded: OrderedIntervals, succeededCount: number | null | undefined): boolean => {
  let contains = 0
  let r = 0
  let s = 0
  while (r < rule.length && s < succeeded.length) {
    const a = rule[r] ?? { first: 0, last: -1 }
    const b = succeeded[s] ?? { first: 0, last: -1 }
    const overlap = Math.min(a.last, b.last) - Math.max(a.first, b.first) + 1
    if (overlap > 0) contains += overlap
    if (b.last < a.last) s++
    else if (b.last > a.last) r++
    else {
      s++
      r++
    }
  }
  return contains === intervalsTotal(rule) || (succeededCount != null && contains >= succeededCount)
}

/**
 * Mirrors `matchSuccessPolicy` (success_policy.go): the first rule whose succeededIndexes (and
 * succeededCount) are satisfied; returns its message `Matched rules at index <i>`.
 */
export const matchSuccessPolicy = (
  policy: SuccessPolicy | null | undefined,
  completions: number,
  succeeded: OrderedIntervals,
): string | undefined => {
  if (policy == null || succeeded.length === 0) return undefined
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    if (rule.succeededIndexes != null) {
      const required = parseIndexes(rule.succeededIndexes, completions)
      // An unparsable rule (validation rejects those) never matches.
      if (required.length === 0) continue
      if (matchesIndexesRule(required, succeeded, rule.succeededCount)) return `Matched rules at index ${index}`
    } else if (rule.succeededCount != null && intervalsTotal(succeeded) >= rule.succeededCount) {
      return `Matched rules at index ${index}`
    }
  }
  return undefined
}
