/**
 * A deep copy of a JSON value (plain objects, arrays, primitives), several times faster than
 * `structuredClone` for the request bodies the store copies on every write. Other object types
 * are not expected in a request body; they are copied as plain objects.
 */
export const jsonClone = <A>(value: A): A => {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(jsonClone) as A
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const child = jsonClone((value as Readonly<Record<string, unknown>>)[key])
    // Plain assignment of a `__proto__` key would set the prototype instead of adding a member.
    if (key === '__proto__') Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true })
    else out[key] = child
  }
  return out as A
}
