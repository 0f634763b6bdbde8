import * as E from 'fp-ts/Either'
import { child, labelsOf, nameOf, type Node, type NodeSelector, type NodeSelectorTerm, type StringMap } from '../api'
import { matchesRequirement, type Requirement } from '../labels'
import { aggregateMessage } from './internal/aggregateMessage'
import { parseNodeSelectorTerm, type FieldRequirement, type ParsedTerm } from './internal/parseNodeSelectorTerm'
import { parseInt64 } from './internal/parseInt64'

/**
 * Answers for one node as `LazyErrorNodeSelector.Match` does: `Right(true)` when some term matches,
 * else `Left(parse errors)` if any term failed to parse, else `Right(false)`.
 */
export type NodeSelectorMatcher = (node: Node) => E.Either<string, boolean>

/** The only node field upstream exposes to `matchFields`. */
export const nodeNameField = 'metadata.name'

// Shared results keep the per-node path free of allocations.
const matched: E.Either<string, boolean> = E.right(true)
const unmatched: E.Either<string, boolean> = E.right(false)

const isEmptyTerm = (term: NodeSelectorTerm): boolean =>
  (term.matchExpressions ?? []).length === 0 && (term.matchFields ?? []).length === 0

const matchesLabel = (r: Requirement, labels: StringMap): boolean => {
  // core/labels compares integers of any size; Go's ParseInt refuses node label values beyond int64.
  if ((r.operator === 'Gt' || r.operator === 'Lt') && Object.hasOwn(labels, r.key)) {
    const value = labels[r.key]
    if (value === undefined || parseInt64(value) === undefined) return false
  }
  return matchesRequirement(r, labels)
}

const matchesField = (r: FieldRequirement, nodeName: string): boolean =>
  // `fields.Set.Get` reads an absent field as "", so `In` on another key fails and `NotIn` succeeds.
  ((r.key === nodeNameField ? nodeName : '') === r.value) === r.equals

const termMatches = (term: ParsedTerm, labels: StringMap, nodeName: string): boolean => {
  for (const r of term.labels) if (!matchesLabel(r, labels)) return false
  // Upstream quirk: a node without a name has no fields, and then matchFields is not checked at all.
  if (nodeName === '') return true
  for (const r of term.fields) if (!matchesField(r, nodeName)) return false
  return true
}

/**
 * Compiles a required node selector once: terms are ORed, empty terms dropped, and nil, empty or
 * only-empty term lists match nothing. A term that fails to parse never matches; the others are still
 * tried. Mirrors `NewLazyErrorNodeSelector(...).Match` in component-helpers nodeaffinity.
 */
export const compileNodeSelectorTerms = (selector: NodeSelector | null | undefined): NodeSelectorMatcher => {
  const parsed: ParsedTerm[] = []
  const errors: string[] = []
  ;(selector?.nodeSelectorTerms ?? []).forEach((term, i) => {
    if (isEmptyTerm(term)) return
    const result = parseNodeSelectorTerm(term, child('nodeSelectorTerms', i))
    if (E.isLeft(result)) errors.push(...result.left)
    else parsed.push(result.right)
  })
  const noMatch = errors.length > 0 ? E.left(aggregateMessage(errors)) : unmatched
  if (parsed.length === 0) return () => noMatch
  return (node) => {
    const labels = labelsOf(node)
    const nodeName = nameOf(node)
    for (const term of parsed) if (termMatches(term, labels, nodeName)) return matched
    return noMatch
  }
}

/**
 * Whether the node's labels and name satisfy the node selector terms (ORed).
 * Mirrors `MatchNodeSelectorTerms` in component-helpers scheduling/corev1; a nil selector matches nothing.
 */
export const matchesNodeSelectorTerms = (node: Node, selector: NodeSelector | null | undefined): E.Either<string, boolean> =>
  compileNodeSelectorTerms(selector)(node)
