import { field, isRecord, itemKey, type Path, type PathElement } from './fieldPath'
import type { ListOf, Schema } from './schema'

/** How list items are named in a reported path: by position (decoding errors) or by key (apply errors). */
export type PathStyle = 'decode' | 'apply'

const itemElement = (list: ListOf, item: unknown, index: number, style: PathStyle): PathElement => {
  if (style === 'apply' && list.listType === 'map') {
    const key = itemKey(list, item)
    if (key !== undefined) return { _tag: 'Key', key }
  }
  if (style === 'apply' && list.listType === 'set') return { _tag: 'Value', value: item }
  return { _tag: 'Index', index }
}

/**
 * The fields of `value` its schema does not declare, in document order (depth first), as the
 * apiserver's strict decoding reports them. Values of the wrong shape are left to the codecs.
 */
export const unknownFields = (value: unknown, schema: Schema, style: PathStyle = 'decode'): ReadonlyArray<Path> => {
  const found: Path[] = []
  const walk = (v: unknown, s: Schema, at: Path): void => {
    if (v === null || v === undefined) return
    switch (s._tag) {
      case 'Struct':
        if (!isRecord(v)) return
        for (const [key, child] of Object.entries(v)) {
          const declared = Object.prototype.hasOwnProperty.call(s.fields, key) ? s.fields[key] : undefined
          if (declared === undefined) found.push([...at, field(key)])
          else walk(child, declared, [...at, field(key)])
        }
        return
      case 'Map':
        if (isRecord(v)) for (const [key, child] of Object.entries(v)) walk(child, s.values, [...at, field(key)])
        return
      case 'List':
        if (Array.isArray(v)) v.forEach((item: unknown, i) => walk(item, s.items, [...at, itemElement(s, item, i, style)]))
        return
      case 'Scalar':
      case 'Opaque':
        return
    }
  }
  walk(value, schema, [])
  return found
}

/** `value` without the fields its schema does not declare: what a typed decode keeps. */
export const pruneUnknown = (value: unknown, schema: Schema): unknown => {
  if (value === null || value === undefined) return value
  switch (schema._tag) {
    case 'Struct': {
      if (!isRecord(value)) return value
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(value)) {
        const declared = Object.prototype.hasOwnProperty.call(schema.fields, key) ? schema.fields[key] : undefined
        if (declared !== undefined) out[key] = pruneUnknown(child, declared)
      }
      return out
    }
    case 'Map':
      return isRecord(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pruneUnknown(v, schema.values)])) : value
    case 'List':
      return Array.isArray(value) ? value.map((item: unknown) => pruneUnknown(item, schema.items)) : value
    case 'Scalar':
    case 'Opaque':
      return value
  }
}
