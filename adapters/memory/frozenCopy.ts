import { isJson } from '../../core/api'

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key)

/** Sets `key` on a fresh object; a `__proto__` key by plain assignment would set the prototype instead. */
const put = (out: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  else out[key] = value
}

/**
 * A deep-frozen deep copy of a JSON value (plain objects, arrays, primitives), as the store keeps
 * request bodies; other object types are not expected in a body and are copied as plain objects.
 * `stored`, when given, is the deep-frozen stored object the body is written over: wherever the
 * copy would equal the stored part at the same path (same keys, each member the same value or
 * itself shared), the stored part is returned instead. So a write keeps, and never copies or
 * freezes again, everything it does not change; built bottom-up in one pass, it costs no more
 * than a plain copy, and the store's objects share most of their parts with their previous versions.
 */
export const frozenCopy = <A>(value: A, stored?: unknown): A => {
  if (typeof value !== 'object' || value === null || (value as unknown) === stored) return value
  if (Array.isArray(value)) {
    const from = Array.isArray(stored) ? (stored as ReadonlyArray<unknown>) : undefined
    let same = from !== undefined && from.length === value.length
    const out: unknown[] = new Array(value.length)
    for (let i = 0; i < value.length; i++) {
      const child = frozenCopy(value[i] as unknown, from?.[i])
      out[i] = child
      if (same && (child === undefined || child !== from?.[i])) same = false
    }
    return (same ? from : Object.freeze(out)) as A
  }
  const from = isJson(stored) ? stored : undefined
  const out: Record<string, unknown> = {}
  let same = from !== undefined
  let count = 0
  for (const key of Object.keys(value)) {
    const own = key !== '__proto__' && from !== undefined && hasOwn(from, key)
    const child = frozenCopy((value as Readonly<Record<string, unknown>>)[key], own ? from?.[key] : undefined)
    put(out, key, child)
    count++
    if (same && (!own || child === undefined || child !== from?.[key])) same = false
  }
  return (same && from !== undefined && count === Object.keys(from).length ? from : Object.freeze(out)) as A
}
