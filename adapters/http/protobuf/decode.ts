import type { FieldSpec, FieldType, Schema } from './schema'
import { ProtobufError, readFields, readPackedVarints, type WireField } from './wire'

export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** Go's zero time.Time (0001-01-01T00:00:00Z) as Unix seconds: JSON renders it as null, so it is left out. */
const zeroTimeSeconds = -62135596800

const utf8 = new TextDecoder('utf-8', { fatal: true })
const text = (bytes: Uint8Array, where: string): string => {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new ProtobufError(`${where} is not valid UTF-8`)
  }
}

const bytesOf = (f: WireField, where: string): Uint8Array => {
  if (f.wire !== 2) throw new ProtobufError(`${where}: expected a length-delimited field, got wire type ${f.wire}`)
  return f.value
}
const numberOf = (f: WireField, where: string): bigint => {
  if (f.wire === 2) throw new ProtobufError(`${where}: expected a number, got a length-delimited field`)
  return f.value
}

const int = (v: bigint, type: 'int32' | 'int64'): number => Number(type === 'int32' ? BigInt.asIntN(32, v) : BigInt.asIntN(64, v))

/** Reads one field of a small well-known message by number, or undefined when it is absent. */
const lastOf = (fields: ReadonlyArray<WireField>, num: number): WireField | undefined => fields.filter((f) => f.num === num).pop()

const decodeTime = (bytes: Uint8Array, where: string): Json | undefined => {
  // Go writes a zero metav1.Time as an empty message: JSON has null there, so it is left out.
  if (bytes.length === 0) return undefined
  const fields = readFields(bytes)
  const s = lastOf(fields, 1)
  const n = lastOf(fields, 2)
  const seconds = s === undefined ? 0 : int(numberOf(s, where), 'int64')
  const nanos = n === undefined ? 0 : int(numberOf(n, where), 'int32')
  if (seconds === zeroTimeSeconds && nanos === 0) return undefined
  // metav1.Time keeps only seconds (the apiserver drops nanos too).
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const decodeSpecial = (type: 'time' | 'quantity' | 'intOrString' | 'rawExtension', bytes: Uint8Array, where: string): Json | undefined => {
  if (type === 'time') return decodeTime(bytes, where)
  const fields = readFields(bytes)
  if (type === 'quantity') {
    const s = lastOf(fields, 1)
    return s === undefined ? '0' : text(bytesOf(s, where), where)
  }
  if (type === 'intOrString') {
    const kind = lastOf(fields, 1)
    const isString = kind !== undefined && numberOf(kind, where) === 1n
    const value = lastOf(fields, isString ? 3 : 2)
    if (isString) return value === undefined ? '' : text(bytesOf(value, where), where)
    return value === undefined ? 0 : int(numberOf(value, where), 'int32')
  }
  const rawBytes = lastOf(fields, 1)
  if (rawBytes === undefined || bytesOf(rawBytes, where).length === 0) return undefined
  try {
    return JSON.parse(text(bytesOf(rawBytes, where), where)) as Json
  } catch {
    throw new ProtobufError(`${where}: embedded raw object is not JSON`)
  }
}

/** The JSON value of one occurrence of a field; undefined means "leave the field out". */
const decodeValue = (type: FieldType, f: WireField, where: string): Json | undefined => {
  switch (type) {
    case 'string':
      return text(bytesOf(f, where), where)
    case 'bytes':
      return Buffer.from(bytesOf(f, where)).toString('base64')
    case 'bool':
      return numberOf(f, where) !== 0n
    case 'int32':
    case 'int64':
      return int(numberOf(f, where), type)
    case 'time':
    case 'quantity':
    case 'intOrString':
    case 'rawExtension':
      return decodeSpecial(type, bytesOf(f, where), where)
    default:
      return decodeMessage(bytesOf(f, where), type, where)
  }
}

const isZero = (v: Json | undefined): boolean => v === '' || v === 0 || v === false

const decodeMapEntry = (spec: FieldSpec, f: WireField, where: string): readonly [string, Json] => {
  const entry = readFields(bytesOf(f, where))
  const key = lastOf(entry, 1)
  const value = lastOf(entry, 2)
  const k = key === undefined ? '' : text(bytesOf(key, where), where)
  const v = value === undefined ? (spec.type === 'quantity' ? '0' : '') : decodeValue(spec.type, value, `${where}[${k}]`)
  return [k, v ?? null]
}

const appendRepeated = (out: JsonObject, spec: FieldSpec, f: WireField, where: string): void => {
  const list = (Array.isArray(out[spec.name]) ? out[spec.name] : []) as Json[]
  // Repeated numbers may also arrive packed into one length-delimited field.
  if (f.wire === 2 && (spec.type === 'int32' || spec.type === 'int64' || spec.type === 'bool')) {
    const values = readPackedVarints(f.value)
    list.push(...values.map((v) => (spec.type === 'bool' ? v !== 0n : int(v, spec.type as 'int32' | 'int64'))))
  } else {
    list.push(decodeValue(spec.type, f, where) ?? null)
  }
  out[spec.name] = list
}

/**
 * Decodes one message by its schema. A field number the schema does not know is skipped by its
 * wire type, as protobuf readers do: that field is dropped from the JSON.
 */
export const decodeMessage = (bytes: Uint8Array, schema: Schema, path = ''): JsonObject => {
  const out: JsonObject = {}
  for (const f of readFields(bytes)) {
    const spec = schema[f.num]
    if (spec === undefined) continue
    const where = spec.inline === true ? path : path === '' ? spec.name : `${path}.${spec.name}`
    if (spec.inline === true && typeof spec.type === 'object') {
      Object.assign(out, decodeMessage(bytesOf(f, where), spec.type, where))
    } else if (spec.map === true) {
      const [k, v] = decodeMapEntry(spec, f, where)
      out[spec.name] = { ...((out[spec.name] ?? {}) as JsonObject), [k]: v }
    } else if (spec.repeated === true) {
      appendRepeated(out, spec, f, where)
    } else {
      const value = decodeValue(spec.type, f, where)
      if (value === undefined || (spec.keep !== true && isZero(value))) delete out[spec.name]
      else out[spec.name] = value
    }
  }
  return out
}
