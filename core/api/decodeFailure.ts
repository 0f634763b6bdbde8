import type * as t from 'io-ts'
import { child, invalid, required, type FieldError } from './validation/fieldError'

const isComposite = (type: t.Decoder<unknown, unknown>): boolean => {
  const tag = (type as { readonly _tag?: string })._tag
  return tag === 'IntersectionType' || tag === 'UnionType' || tag === 'RefinementType' || tag === 'ExactType'
}

/** Builds the Kubernetes field path (`spec.template.spec.containers[0].name`) of an io-ts error. */
const pathOf = (context: t.Context): string => {
  let path = ''
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]
    const entry = context[i]
    if (parent === undefined || entry === undefined || isComposite(parent.type)) continue
    const parentTag = (parent.type as { readonly _tag?: string })._tag
    path = parentTag === 'ArrayType' ? child(path, Number(entry.key)) : child(path, entry.key)
  }
  return path
}

const expected = (name: string): string => {
  if (name === 'string') return 'must be a string'
  if (name === 'number') return 'must be a number'
  if (name === 'boolean') return 'must be a boolean'
  if (name.startsWith('Array<')) return 'must be a list'
  return 'has the wrong type'
}

/**
 * Turns io-ts errors into Kubernetes-style field errors: a missing required field reads
 * `Required value`, a mistyped one `Invalid value: <v>: must be a ...`. Union alternatives that
 * all failed on the same path are reported once.
 */
export const fieldErrorsOf = (errors: t.Errors): ReadonlyArray<FieldError> => {
  const seen = new Set<string>()
  const out: FieldError[] = []
  for (const e of errors) {
    const path = pathOf(e.context)
    if (seen.has(path)) continue
    seen.add(path)
    const last = e.context[e.context.length - 1]
    out.push(e.value === undefined ? required(path, '') : invalid(path, e.value, expected(last?.type.name ?? '')))
  }
  return out
}
