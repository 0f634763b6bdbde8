/**
 * A small schema language for the kinds the API serves. One description drives the OpenAPI v3
 * documents kubectl reads, server-side field validation (unknown fields) and the field sets of
 * managed fields, so the three cannot disagree.
 */

interface Documented {
  /** Says what the type is (OpenAPI component or inline schema). */
  readonly description?: string
  /** Says what the field holding this type is for (the property's description). */
  readonly fieldDescription?: string
}

export type ScalarType = 'string' | 'integer' | 'number' | 'boolean'

export interface Scalar extends Documented {
  readonly _tag: 'Scalar'
  readonly type: ScalarType
  readonly format?: string
  readonly enum?: ReadonlyArray<string>
}

/** A struct: only the declared fields are known. `atomic` structs are owned as a whole by one field manager. */
export interface Struct extends Documented {
  readonly _tag: 'Struct'
  /** Named structs become OpenAPI components, referenced with `$ref`. */
  readonly name?: string
  readonly fields: Readonly<Record<string, Schema>>
  readonly required?: ReadonlyArray<string>
  readonly atomic?: boolean
  /** Set on the top-level schema of a served kind. */
  readonly gvk?: { readonly group: string; readonly version: string; readonly kind: string }
}

/** `map[string]X`: any key, every value of one type (labels, resource limits). */
export interface MapOf extends Documented {
  readonly _tag: 'Map'
  readonly values: Schema
}

/**
 * A list: `atomic` lists are replaced whole, `set` lists hold unique scalars, `map` lists are
 * keyed by `keys` (a key left out takes its `keyDefaults` value, as `protocol` does for ports).
 */
export interface ListOf extends Documented {
  readonly _tag: 'List'
  readonly items: Schema
  readonly listType: 'atomic' | 'set' | 'map'
  readonly keys?: ReadonlyArray<string>
  readonly keyDefaults?: Readonly<Record<string, string | number>>
}

/**
 * A value this server does not look into (probes, affinity, volume sources, raw revision data):
 * any content is accepted and it is owned as a whole.
 */
export interface Opaque extends Documented {
  readonly _tag: 'Opaque'
  readonly name?: string
  /** What OpenAPI calls it: a free-form object, or an int-or-string / quantity / time string. */
  readonly shape: 'object' | 'int-or-string' | 'quantity' | 'date-time' | 'any'
}

export type Schema = Scalar | Struct | MapOf | ListOf | Opaque

export const str = (description?: string, values?: ReadonlyArray<string>): Scalar => ({
  _tag: 'Scalar',
  type: 'string',
  ...(description !== undefined ? { fieldDescription: description } : {}),
  ...(values !== undefined ? { enum: values } : {}),
})
export const int32 = (description?: string): Scalar => ({ _tag: 'Scalar', type: 'integer', format: 'int32', ...(description !== undefined ? { fieldDescription: description } : {}) })
export const int64 = (description?: string): Scalar => ({ _tag: 'Scalar', type: 'integer', format: 'int64', ...(description !== undefined ? { fieldDescription: description } : {}) })
export const bool = (description?: string): Scalar => ({ _tag: 'Scalar', type: 'boolean', ...(description !== undefined ? { fieldDescription: description } : {}) })

export const time: Opaque = { _tag: 'Opaque', name: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', shape: 'date-time', description: 'A timestamp in RFC 3339 form, to the second.' }
export const microTime: Opaque = { _tag: 'Opaque', name: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', shape: 'date-time', description: 'A timestamp in RFC 3339 form, to the microsecond.' }
export const quantity: Opaque = { _tag: 'Opaque', name: 'io.k8s.apimachinery.pkg.api.resource.Quantity', shape: 'quantity', description: 'An amount of a resource, such as 100m of CPU or 200Mi of memory.' }
export const intOrString: Opaque = { _tag: 'Opaque', name: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', shape: 'int-or-string', description: 'Either a whole number or a string such as a percentage.' }

/** An opaque object, optionally named as upstream's type is. */
export const opaque = (name?: string, description?: string): Opaque => ({
  _tag: 'Opaque',
  shape: 'object',
  ...(name !== undefined ? { name } : {}),
  ...(description !== undefined ? { description } : {}),
})

export const struct = (
  name: string | undefined,
  fields: Readonly<Record<string, Schema>>,
  options: { readonly description?: string; readonly required?: ReadonlyArray<string>; readonly atomic?: boolean } = {},
): Struct => ({ _tag: 'Struct', ...(name !== undefined ? { name } : {}), fields, ...options })

export const mapOf = (values: Schema, description?: string): MapOf => ({ _tag: 'Map', values, ...(description !== undefined ? { fieldDescription: description } : {}) })
export const stringMap = (description?: string): MapOf => mapOf(str(), description)

export const atomicList = (items: Schema, description?: string): ListOf => ({ _tag: 'List', items, listType: 'atomic', ...(description !== undefined ? { fieldDescription: description } : {}) })
export const setList = (items: Schema, description?: string): ListOf => ({ _tag: 'List', items, listType: 'set', ...(description !== undefined ? { fieldDescription: description } : {}) })
export const keyedList = (
  items: Schema,
  keys: ReadonlyArray<string>,
  description?: string,
  keyDefaults?: Readonly<Record<string, string | number>>,
): ListOf => ({
  _tag: 'List',
  items,
  listType: 'map',
  keys,
  ...(keyDefaults !== undefined ? { keyDefaults } : {}),
  ...(description !== undefined ? { fieldDescription: description } : {}),
})

/** The same type, with what this field holding it is for. */
export const doc = <S extends Schema>(schema: S, fieldDescription: string): S => ({ ...schema, fieldDescription })

/** The top-level schema of a served kind. */
export const kindSchema = (group: string, version: string, kind: string, base: Struct): Struct => ({ ...base, gvk: { group, version, kind } })
