import { isJson } from '../json'
import { invalid, nilPointer, type FieldError } from './fieldError'

export const fieldIsImmutable = 'field is immutable'

/**
 * `apiequality.Semantic.DeepEqual` on decoded JSON: key order does not matter, and a member that
 * is absent, `undefined` or `null` is the same nil pointer to Go.
 */
export const semanticEqual = (a: unknown, b: unknown): boolean => {
  if (a === b || (a == null && b == null)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => semanticEqual(v, b[i]))
  }
  if (!isJson(a) || !isJson(b)) return false
  const present = (o: Readonly<Record<string, unknown>>): ReadonlyArray<string> => Object.keys(o).filter((k) => o[k] != null)
  const keys = present(a)
  return keys.length === present(b).length && keys.every((k) => semanticEqual(a[k], b[k]))
}

/**
 * `ValidateImmutableField`: `<path>: Invalid value: <new value>: field is immutable` when it
 * changed. The immutable fields are pointers in Go, so a removed one shows as a nil pointer.
 */
export const immutableField = (path: string, next: unknown, old: unknown): ReadonlyArray<FieldError> =>
  semanticEqual(next, old) ? [] : [invalid(path, next ?? nilPointer, fieldIsImmutable)]
