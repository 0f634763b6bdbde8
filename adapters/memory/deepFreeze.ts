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
  for (const key of Object.keys(value)) deepFreeze((value as Readonly<Record<string, unknown>>)[key], childOf(frozen, key))
  return Object.freeze(value)
}
