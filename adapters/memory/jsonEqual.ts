import { isJson } from '../../core/api'

const definedCount = (value: Readonly<Record<string, unknown>>): number => {
  let count = 0
  for (const key of Object.keys(value)) if (value[key] !== undefined) count++
  return count
}

/** Structural equality of JSON values: key order does not matter and `undefined` members count as absent. */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
    return true
  }
  if (!isJson(a) || !isJson(b)) return false
  // Counted and compared in loops: this runs on every update, and filtered key arrays showed in profiles.
  let count = 0
  for (const key of Object.keys(a)) {
    const value = a[key]
    if (value === undefined) continue
    count++
    if (!Object.prototype.hasOwnProperty.call(b, key) || !jsonEqual(value, b[key])) return false
  }
  return count === definedCount(b)
}
