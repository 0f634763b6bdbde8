import type { LabelSelector } from '../meta'
import { child, invalid, required, type FieldError } from './fieldError'
import { labelValueErrors, qualifiedNameErrors, validateLabels } from './names'

/** `metav1validation.ValidateLabelSelector`: matchLabels and matchExpressions are well formed. */
export const validateLabelSelector = (ls: LabelSelector, path: string): ReadonlyArray<FieldError> => {
  const exprs = ls.matchExpressions ?? []
  return [
    ...validateLabels(ls.matchLabels, child(path, 'matchLabels')),
    ...exprs.flatMap((e, i) => {
      const p = child(child(path, 'matchExpressions'), i)
      const values = e.values ?? []
      const errs: FieldError[] = []
      switch (e.operator) {
        case 'In':
        case 'NotIn':
          if (values.length === 0) errs.push(required(child(p, 'values'), 'must be specified when `operator` is \'In\' or \'NotIn\''))
          break
        case 'Exists':
        case 'DoesNotExist':
          if (values.length > 0) errs.push(forbiddenValues(child(p, 'values')))
          break
        default:
          errs.push(invalid(child(p, 'operator'), e.operator, 'not a valid selector operator'))
      }
      errs.push(...qualifiedNameErrors(e.key).map((m) => invalid(child(p, 'key'), e.key, m)))
      values.forEach((v, j) => errs.push(...labelValueErrors(v).map((m) => invalid(child(child(p, 'values'), j), v, m))))
      return errs
    }),
  ]
}

const forbiddenValues = (path: string): FieldError => ({
  type: 'Forbidden',
  field: path,
  detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
})

