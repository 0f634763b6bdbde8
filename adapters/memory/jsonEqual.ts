const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const definedKeys = (value: Readonly<Record<string, unknown>>): ReadonlyArray<string> =>
  Object.keys(value).filter((key) => value[key] !== undefined)

/** Structural equality of JSON values: key order does not matter and `undefined` members count as absent. */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  if (!isRecord(a) || !isRecord(b)) return false
  const keys = definedKeys(a)
  return keys.length === definedKeys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]))
}
