import { deserialize, isRecord, matchesElement, type PathElement } from '../openapi/fieldPath'
import type { Schema } from '../openapi/schema'

type Found = { readonly found: true; readonly value: unknown; readonly schema: Schema | undefined } | { readonly found: false }

const childSchema = (schema: Schema | undefined, e: PathElement): Schema | undefined => {
  if (schema === undefined) return undefined
  if (e._tag === 'Field') return schema._tag === 'Struct' ? schema.fields[e.name] : schema._tag === 'Map' ? schema.values : undefined
  return schema._tag === 'List' ? schema.items : undefined
}

const step = (value: unknown, schema: Schema | undefined, e: PathElement): Found => {
  const next = childSchema(schema, e)
  switch (e._tag) {
    case 'Field':
      return isRecord(value) && Object.prototype.hasOwnProperty.call(value, e.name) ? { found: true, value: value[e.name], schema: next } : { found: false }
    case 'Index':
      return Array.isArray(value) && e.index < value.length ? { found: true, value: value[e.index] as unknown, schema: next } : { found: false }
    case 'Key':
    case 'Value': {
      if (!Array.isArray(value) || schema?._tag !== 'List') return { found: false }
      const item = (value as ReadonlyArray<unknown>).find((i) => matchesElement(schema, i, e))
      return item === undefined ? { found: false } : { found: true, value: item, schema: next }
    }
  }
}

/** The value at a FieldsV1 path of an object, if there is one. */
export const valueAt = (object: unknown, schema: Schema, keys: ReadonlyArray<string>): Found => {
  let at: Found = { found: true, value: object, schema }
  for (const k of keys) {
    const e = deserialize(k)
    if (e === undefined || !at.found) return { found: false }
    at = step(at.value, at.schema, e)
  }
  return at
}

/** Emptied maps and lists disappear with their last entry, as Go's omitempty drops them on the wire. */
const emptied = (value: unknown, schema: Schema | undefined): boolean =>
  (schema?._tag === 'Map' && isRecord(value) && Object.keys(value).length === 0) || (schema?._tag === 'List' && Array.isArray(value) && value.length === 0)

/** The object without the value at a path; unchanged when there is none. */
export const removeAt = (object: unknown, schema: Schema | undefined, keys: ReadonlyArray<string>): unknown => {
  const [head, ...rest] = keys
  const e = head === undefined ? undefined : deserialize(head)
  if (e === undefined) return object
  const next = childSchema(schema, e)
  if (e._tag === 'Field') {
    if (!isRecord(object) || !Object.prototype.hasOwnProperty.call(object, e.name)) return object
    const out: Record<string, unknown> = {}
    // defineProperty: a `__proto__` key from parsed JSON must stay a plain member.
    const put = (k: string, v: unknown): void => void Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
    for (const [k, v] of Object.entries(object)) {
      if (k !== e.name) put(k, v)
      else if (rest.length > 0) {
        const changed = removeAt(v, next, rest)
        if (!emptied(changed, next) || changed === v) put(k, changed)
      }
    }
    return out
  }
  if (!Array.isArray(object)) return object
  const list = object as ReadonlyArray<unknown>
  const hit = (item: unknown, i: number): boolean => (e._tag === 'Index' ? i === e.index : schema?._tag === 'List' && matchesElement(schema, item, e))
  if (rest.length === 0) return list.filter((item, i) => !hit(item, i))
  return list.map((item, i) => (hit(item, i) ? removeAt(item, next, rest) : item))
}
