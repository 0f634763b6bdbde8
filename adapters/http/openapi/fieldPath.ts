import type { ListOf } from './schema'

/**
 * One step into an object: a field, a list item by position, by its key fields (lists of
 * type `map`) or by its value (lists of type `set`).
 */
export type PathElement =
  | { readonly _tag: 'Field'; readonly name: string }
  | { readonly _tag: 'Index'; readonly index: number }
  | { readonly _tag: 'Key'; readonly key: Readonly<Record<string, unknown>> }
  | { readonly _tag: 'Value'; readonly value: unknown }

export type Path = ReadonlyArray<PathElement>

export const field = (name: string): PathElement => ({ _tag: 'Field', name })

type Json = Readonly<Record<string, unknown>>
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** JSON with sorted keys, so one key object always serializes the same way. */
const canonical = (value: unknown): string =>
  isRecord(value)
    ? `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
        .join(',')}}`
    : JSON.stringify(value)

/** The key of a path element in a FieldsV1 trie: `f:name`, `k:{"name":"x"}`, `v:"x"`, `i:0`. */
export const serialize = (e: PathElement): string => {
  switch (e._tag) {
    case 'Field':
      return `f:${e.name}`
    case 'Key':
      return `k:${canonical(e.key)}`
    case 'Value':
      return `v:${canonical(e.value)}`
    case 'Index':
      return `i:${e.index}`
  }
}

/** The inverse of `serialize`; undefined for a key this server did not write (kept, but not looked into). */
export const deserialize = (key: string): PathElement | undefined => {
  const body = key.slice(2)
  try {
    switch (key.slice(0, 2)) {
      case 'f:':
        return { _tag: 'Field', name: body }
      case 'k:': {
        const parsed: unknown = JSON.parse(body)
        return isRecord(parsed) ? { _tag: 'Key', key: parsed } : undefined
      }
      case 'v:':
        return { _tag: 'Value', value: JSON.parse(body) as unknown }
      case 'i:':
        return /^\d+$/.test(body) ? { _tag: 'Index', index: Number(body) } : undefined
      default:
        return undefined
    }
  } catch {
    return undefined
  }
}

const scalarText = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : canonical(v))

/** A path as structured-merge-diff prints it in apply errors: `.spec.containers[name="app"].image`. */
export const formatApplyPath = (path: Path): string =>
  path
    .map((e) => {
      switch (e._tag) {
        case 'Field':
          return `.${e.name}`
        case 'Key':
          return `[${Object.keys(e.key)
            .sort()
            .map((k) => `${k}=${scalarText(e.key[k])}`)
            .join(',')}]`
        case 'Value':
          return `[=${scalarText(e.value)}]`
        case 'Index':
          return `[${e.index}]`
      }
    })
    .join('')

/** A path as strict decoding prints it: `spec.containers[0].imagePolicy`. */
export const formatDecodePath = (path: Path): string =>
  path.map((e, i) => (e._tag === 'Field' ? `${i === 0 ? '' : '.'}${e.name}` : e._tag === 'Index' ? `[${e.index}]` : '')).join('')

/** The key fields of an item of a `map` list, defaults filled in; undefined when one is missing. */
export const itemKey = (list: ListOf, item: unknown): Json | undefined => {
  if (!isRecord(item)) return undefined
  const out: Record<string, unknown> = {}
  for (const k of list.keys ?? []) {
    const v = item[k] ?? list.keyDefaults?.[k]
    if (v === undefined || v === null) return undefined
    out[k] = v
  }
  return out
}

/** Whether a list item is the one a Key or Value element names. */
export const matchesElement = (list: ListOf, item: unknown, e: PathElement): boolean => {
  if (e._tag === 'Value') return canonical(item) === canonical(e.value)
  if (e._tag !== 'Key') return false
  const key = itemKey(list, item)
  return key !== undefined && canonical(key) === canonical(e.key)
}
