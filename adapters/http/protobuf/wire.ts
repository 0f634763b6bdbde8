/**
 * A minimal protobuf wire-format reader: enough to walk the fields of a message. It knows no
 * schema; `decode.ts` gives the fields their meaning.
 */

/** A body that is not well-formed protobuf; the HTTP layer answers it with a 400. */
export class ProtobufError extends Error {}

/** One field as found on the wire: varints and fixed-width numbers as bigint, length-delimited as bytes. */
export type WireField =
  | { readonly num: number; readonly wire: 0 | 1 | 5; readonly value: bigint }
  | { readonly num: number; readonly wire: 2; readonly value: Uint8Array }

const readVarint = (buf: Uint8Array, at: number): readonly [bigint, number] => {
  let value = 0n
  let shift = 0n
  for (let i = at; i < buf.length && i < at + 10; i++) {
    const byte = buf[i] ?? 0
    value |= BigInt(byte & 0x7f) << shift
    if ((byte & 0x80) === 0) return [BigInt.asUintN(64, value), i + 1]
    shift += 7n
  }
  throw new ProtobufError(`truncated or overlong varint at byte ${at}`)
}

const readFixed = (buf: Uint8Array, at: number, size: 4 | 8): readonly [bigint, number] => {
  if (at + size > buf.length) throw new ProtobufError(`truncated fixed${size * 8} at byte ${at}`)
  let value = 0n
  for (let i = size - 1; i >= 0; i--) value = (value << 8n) | BigInt(buf[at + i] ?? 0)
  return [value, at + size]
}

/** Splits a message into its fields, in wire order. Groups (wire types 3 and 4) are rejected. */
export const readFields = (buf: Uint8Array): ReadonlyArray<WireField> => {
  const fields: WireField[] = []
  let at = 0
  while (at < buf.length) {
    const [key, afterKey] = readVarint(buf, at)
    const num = Number(key >> 3n)
    const wire = Number(key & 7n)
    if (num === 0) throw new ProtobufError(`field number 0 at byte ${at}`)
    if (wire === 0) {
      const [value, next] = readVarint(buf, afterKey)
      fields.push({ num, wire, value })
      at = next
    } else if (wire === 1 || wire === 5) {
      const [value, next] = readFixed(buf, afterKey, wire === 1 ? 8 : 4)
      fields.push({ num, wire, value })
      at = next
    } else if (wire === 2) {
      const [length, start] = readVarint(buf, afterKey)
      const end = start + Number(length)
      if (length > BigInt(buf.length) || end > buf.length) throw new ProtobufError(`field ${num} runs past the end of its message`)
      fields.push({ num, wire, value: buf.subarray(start, end) })
      at = end
    } else {
      throw new ProtobufError(`unsupported wire type ${wire} for field ${num} at byte ${at}`)
    }
  }
  return fields
}

/** Unpacks a packed repeated varint field (proto3 style; k8s's proto2 usually repeats the tag instead). */
export const readPackedVarints = (buf: Uint8Array): ReadonlyArray<bigint> => {
  const values: bigint[] = []
  let at = 0
  while (at < buf.length) {
    const [value, next] = readVarint(buf, at)
    values.push(value)
    at = next
  }
  return values
}
