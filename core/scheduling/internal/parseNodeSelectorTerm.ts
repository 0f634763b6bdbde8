import * as E from 'fp-ts/Either'
import { sequenceS } from 'fp-ts/Apply'
import { pipe } from 'fp-ts/function'
import * as RA from 'fp-ts/ReadonlyArray'
import {
  child,
  formatFieldError,
  invalid,
  labelValueErrors,
  notSupported,
  qualifiedNameErrors,
  type NodeSelectorRequirement,
  type NodeSelectorTerm,
} from '../../api'
import type { Operator, Requirement } from '../../labels'
import { parseInt64 } from './parseInt64'

/** One parsed `matchFields` requirement: the field equals (`In`) or differs from (`NotIn`) the value. */
export interface FieldRequirement {
  readonly key: string
  readonly equals: boolean
  readonly value: string
}

const labelOperators: ReadonlyArray<Operator> = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']
const fieldOperators: ReadonlyArray<string> = ['In', 'NotIn']
const isLabelOperator = (op: string): op is Operator => (labelOperators as ReadonlyArray<string>).includes(op)

/** The messages of `labels.NewRequirement` for one expression, in upstream order. */
const requirementErrors = (expr: NodeSelectorRequirement, operator: Operator, path: string): ReadonlyArray<string> => {
  const values = expr.values ?? []
  const valuesPath = child(path, 'values')
  const errs: string[] = []
  const keyErrs = qualifiedNameErrors(expr.key)
  if (keyErrs.length > 0) errs.push(formatFieldError(invalid(child(path, 'key'), expr.key, keyErrs.join('; '))))
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
    errs.push(formatFieldError(invalid(valuesPath, expr.values, "for 'in', 'notin' operators, values set can't be empty")))
  }
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length !== 0) {
    errs.push(formatFieldError(invalid(valuesPath, expr.values, 'values set must be empty for exists and does not exist')))
  }
  if (operator === 'Gt' || operator === 'Lt') {
    if (values.length !== 1) {
      errs.push(formatFieldError(invalid(valuesPath, expr.values, "for 'Gt', 'Lt' operators, exactly one value is required")))
    }
    values.forEach((v, i) => {
      if (parseInt64(v) === undefined) {
        errs.push(formatFieldError(invalid(child(valuesPath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer")))
      }
    })
  }
  // Every value must be a label value, whatever the operator: so a negative `Gt` bound never parses.
  values.forEach((v, i) => {
    const msgs = labelValueErrors(v)
    if (msgs.length > 0) errs.push(formatFieldError(invalid(`${child(valuesPath, i)}[${expr.key}]`, v, msgs.join('; '))))
  })
  return errs
}

type Parsed<A> = E.Either<ReadonlyArray<string>, A>

// Upstream reports the messages of every requirement, not just the first failing one.
const collectAll = E.getApplicativeValidation(RA.getSemigroup<string>())

const parseEach = <A>(
  exprs: ReadonlyArray<NodeSelectorRequirement>,
  path: string,
  parseOne: (expr: NodeSelectorRequirement, path: string) => Parsed<A>,
): Parsed<ReadonlyArray<A>> =>
  pipe(exprs, RA.traverseWithIndex(collectAll)((i, expr) => parseOne(expr, child(path, i))))

const labelRequirementOf = (expr: NodeSelectorRequirement, path: string): Parsed<Requirement> => {
  if (!isLabelOperator(expr.operator)) {
    return E.left([formatFieldError(notSupported(child(path, 'operator'), expr.operator, labelOperators))])
  }
  const errs = requirementErrors(expr, expr.operator, path)
  return errs.length > 0 ? E.left(errs) : E.right({ key: expr.key, operator: expr.operator, values: expr.values ?? [] })
}

const fieldRequirementOf = (expr: NodeSelectorRequirement, path: string): Parsed<FieldRequirement> => {
  if (!fieldOperators.includes(expr.operator)) {
    return E.left([formatFieldError(notSupported(child(path, 'operator'), expr.operator, fieldOperators))])
  }
  const [value, ...rest] = expr.values ?? []
  return value === undefined || rest.length > 0
    ? E.left([formatFieldError(invalid(child(path, 'values'), expr.values, 'must have one element'))])
    : E.right({ key: expr.key, equals: expr.operator === 'In', value })
}

/** One non-empty node selector term, parsed: all its label and field requirements must hold. */
export interface ParsedTerm {
  readonly labels: ReadonlyArray<Requirement>
  readonly fields: ReadonlyArray<FieldRequirement>
}

/**
 * Parses a term's `matchExpressions` and `matchFields`, collecting every message. Mirrors
 * `newNodeSelectorTerm` with `nodeSelectorRequirementsAsSelector` / `...AsFieldSelector` (component-helpers
 * nodeaffinity) and `labels.NewRequirement`.
 */
export const parseNodeSelectorTerm = (term: NodeSelectorTerm, path: string): Parsed<ParsedTerm> =>
  sequenceS(collectAll)({
    labels: parseEach(term.matchExpressions ?? [], child(path, 'matchExpressions'), labelRequirementOf),
    fields: parseEach(term.matchFields ?? [], child(path, 'matchFields'), fieldRequirementOf),
  })
