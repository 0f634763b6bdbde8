/**
 * Schema tables for decoding Kubernetes protobuf: field number → JSON name and type, written
 * from the field numbers in k8s.io/api's generated.proto files.
 *
 * Go's gogo-generated marshalers always write non-pointer scalars (so an unset string arrives
 * as ""), and write pointer fields only when set. The JSON the apiserver would have seen drops
 * zero values of non-pointer fields (omitempty) but keeps a set pointer's zero (`backoffLimit: 0`),
 * so pointer fields are marked `keep`.
 */

export type Scalar = 'string' | 'bool' | 'int32' | 'int64' | 'bytes'
/** Kubernetes' well-known wrapper messages, each with its own JSON form. */
export type Special = 'time' | 'quantity' | 'intOrString' | 'rawExtension'

export type FieldType = Scalar | Special | Schema

export interface FieldSpec {
  readonly name: string
  readonly type: FieldType
  readonly repeated?: boolean
  /** A map<string, value> field, sent as repeated entry messages {1: key, 2: value}. */
  readonly map?: boolean
  /** A Go pointer field: its zero value was set on purpose and is kept. */
  readonly keep?: boolean
  /** An embedded Go struct whose fields JSON inlines into the parent (e.g. `LocalObjectReference`). */
  readonly inline?: boolean
}

export interface Schema {
  readonly [num: number]: FieldSpec
}

const field = (name: string, type: FieldType, extra: Omit<FieldSpec, 'name' | 'type'> = {}): FieldSpec => ({ name, type, ...extra })

export const str = (name: string): FieldSpec => field(name, 'string')
export const strP = (name: string): FieldSpec => field(name, 'string', { keep: true })
export const strs = (name: string): FieldSpec => field(name, 'string', { repeated: true })
export const bool = (name: string): FieldSpec => field(name, 'bool')
export const boolP = (name: string): FieldSpec => field(name, 'bool', { keep: true })
export const i32 = (name: string): FieldSpec => field(name, 'int32')
export const i32P = (name: string): FieldSpec => field(name, 'int32', { keep: true })
export const i32s = (name: string): FieldSpec => field(name, 'int32', { repeated: true })
export const i64 = (name: string): FieldSpec => field(name, 'int64')
export const i64P = (name: string): FieldSpec => field(name, 'int64', { keep: true })
export const i64s = (name: string): FieldSpec => field(name, 'int64', { repeated: true })
export const time = (name: string): FieldSpec => field(name, 'time')
export const qty = (name: string): FieldSpec => field(name, 'quantity')
export const intOrStr = (name: string): FieldSpec => field(name, 'intOrString')
export const raw = (name: string): FieldSpec => field(name, 'rawExtension')
export const msg = (name: string, schema: Schema): FieldSpec => field(name, schema)
export const msgs = (name: string, schema: Schema): FieldSpec => field(name, schema, { repeated: true })
export const inline = (schema: Schema): FieldSpec => field('', schema, { inline: true })
export const strMap = (name: string): FieldSpec => field(name, 'string', { map: true })
export const qtyMap = (name: string): FieldSpec => field(name, 'quantity', { map: true })
