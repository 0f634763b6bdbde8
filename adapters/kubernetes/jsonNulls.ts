/**
 * Drops `null` fields, which the apiserver's Go decoder reads as absent (`creationTimestamp: null`
 * in every pod template it serves), so that core's codecs, which model absent fields as optional
 * rather than nullable, accept live objects. A ControllerRevision's `data` is a raw patch whose
 * nulls mean something, so it is kept as it is.
 */
export const withoutNulls = (value: unknown, keepData = false): unknown => {
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue
    const kept = keepData && key === 'data' ? v : withoutNulls(v)
    // A plain assignment to `__proto__` would set the prototype instead of a field.
    if (key === '__proto__') Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true })
    else out[key] = kept
  }
  return out
}

/** An object as the server sent it, ready for the codecs: nulls dropped except in a revision's data. */
export const normalizeObject = <A>(object: A): A => {
  const kind = typeof object === 'object' && object !== null ? (object as { readonly kind?: unknown }).kind : undefined
  return withoutNulls(object, kind === 'ControllerRevision') as A
}
