const childOf = (parent: unknown, key: string): unknown =>
  typeof parent === 'object' && parent !== null && key !== '__proto__' ? (parent as Readonly<Record<string, unknown>>)[key] : undefined

/**
 * Freezes a JSON value and everything in it, so stored objects cannot be changed behind the store's back.
 * `frozen`, when given, is a value this function already froze (the previous version of a stored
 * object): a part of `value` that is the very same object as the part of `frozen` at the same path
 * is deep-frozen already and is not walked again. Writes share most of the previous version, and
 * re-walking it was a large share of every write's cost.
 */
export const deepFreeze = <A>(value: A, frozen?: unknown): A => {
  if (typeof value !== 'object' || value === null || (value as unknown) === frozen) return value
  if (Array.isArray(value)) {
    // Indexes directly: `Object.keys` of an array builds a string per element.
    const from = Array.isArray(frozen) ? (frozen as ReadonlyArray<unknown>) : undefined
    for (let i = 0; i < value.length; i++) deepFreeze(value[i] as unknown, from !== undefined ? from[i] : childOf(frozen, String(i)))
    return Object.freeze(value)
  }
  for (const key of Object.keys(value)) deepFreeze((value as Readonly<Record<string, unknown>>)[key], childOf(frozen, key))
  return Object.freeze(value)
}
