/** Freezes a JSON value and everything in it, so stored objects cannot be changed behind the store's back. */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value !== 'object' || value === null) return value
  for (const child of Object.values(value)) deepFreeze(child)
  return Object.freeze(value)
}
