/**
 * Freezes a JSON value and everything in it, so stored objects cannot be changed behind the store's back.
 * A part that is frozen already is taken to be deep-frozen and is not walked: in the store every
 * frozen part is a stored object's (deep-frozen here), a body's copy (`frozenCopy`, deep-frozen
 * as built) or one of core's constants (frozen whole). So a write walks only the shells that
 * admission and the store built around them.
 */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  if (Array.isArray(value)) {
    // Indexes directly: `Object.keys` of an array builds a string per element.
    for (let i = 0; i < value.length; i++) deepFreeze(value[i] as unknown)
    return Object.freeze(value)
  }
  for (const key of Object.keys(value)) deepFreeze((value as Readonly<Record<string, unknown>>)[key])
  return Object.freeze(value)
}
