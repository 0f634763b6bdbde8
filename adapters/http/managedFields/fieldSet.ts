import * as E from 'fp-ts/Either'
import { deserialize, field, formatApplyPath, isRecord, itemKey, serialize, type Path, type PathElement } from '../openapi/fieldPath'
import type { Schema } from '../openapi/schema'

/**
 * A set of field paths as a trie keyed like FieldsV1 (`f:spec` → `k:{"name":"app"}` → …).
 * `member` marks a path that is in the set itself, not only a prefix of members.
 */
export interface FieldSet {
  readonly member: boolean
  readonly children: ReadonlyMap<string, FieldSet>
}

export const emptySet: FieldSet = { member: false, children: new Map() }

const node = (member: boolean, children: ReadonlyMap<string, FieldSet>): FieldSet => ({ member, children })

const isEmpty = (s: FieldSet): boolean => !s.member && s.children.size === 0

/** Adds one path as a member. */
export const withMember = (set: FieldSet, keys: ReadonlyArray<string>): FieldSet => {
  const [head, ...rest] = keys
  if (head === undefined) return node(true, set.children)
  const children = new Map(set.children)
  children.set(head, withMember(set.children.get(head) ?? emptySet, rest))
  return node(set.member, children)
}

export const union = (a: FieldSet, b: FieldSet): FieldSet => {
  const children = new Map(a.children)
  for (const [k, v] of b.children) children.set(k, union(a.children.get(k) ?? emptySet, v))
  return node(a.member || b.member, children)
}

/** The members of `a` that are not members of `b`; prefixes left with no members are dropped. */
export const difference = (a: FieldSet, b: FieldSet): FieldSet => {
  const children = new Map<string, FieldSet>()
  for (const [k, v] of a.children) {
    const other = b.children.get(k)
    const rest = other === undefined ? v : difference(v, other)
    if (!isEmpty(rest)) children.set(k, rest)
  }
  return node(a.member && !b.member, children)
}

export const hasMember = (set: FieldSet, keys: ReadonlyArray<string>): boolean => {
  let at: FieldSet | undefined = set
  for (const k of keys) at = at?.children.get(k)
  return at?.member === true
}

/** Every member path, parents before children, children in key order. `leaf`: it has no members below. */
export const membersOf = (set: FieldSet): ReadonlyArray<{ readonly keys: ReadonlyArray<string>; readonly leaf: boolean }> => {
  const out: Array<{ keys: ReadonlyArray<string>; leaf: boolean }> = []
  const walk = (s: FieldSet, keys: ReadonlyArray<string>): void => {
    if (s.member) out.push({ keys, leaf: s.children.size === 0 })
    for (const k of [...s.children.keys()].sort()) walk(s.children.get(k) as FieldSet, [...keys, k])
  }
  walk(set, [])
  return out
}

export const setIsEmpty = isEmpty

/** FieldsV1 JSON: `{}` for a member leaf, `".": {}` for a member with members below. */
export const toFieldsV1 = (set: FieldSet): Readonly<Record<string, unknown>> => {
  const out: Record<string, unknown> = {}
  if (set.member && set.children.size > 0) out['.'] = {}
  for (const k of [...set.children.keys()].sort()) out[k] = toFieldsV1(set.children.get(k) as FieldSet)
  return out
}

export const fromFieldsV1 = (json: unknown): FieldSet => {
  if (!isRecord(json)) return emptySet
  const keys = Object.keys(json)
  const children = new Map<string, FieldSet>()
  for (const k of keys) if (k !== '.') children.set(k, fromFieldsV1(json[k]))
  return node(keys.length === 0 || keys.includes('.'), children)
}

export const pathOf = (keys: ReadonlyArray<string>): Path =>
  keys.map((k): PathElement => deserialize(k) ?? { _tag: 'Field', name: k })

export const formatKeys = (keys: ReadonlyArray<string>): string => formatApplyPath(pathOf(keys))

/**
 * The fields a value sets, following its schema as structured-merge-diff does: scalars, atomic
 * values and empty or null values are members; items of keyed and set lists are members (with
 * their fields below); map entries are members. In `strict` mode (an apply configuration), a list
 * item without its key fields or two items with the same key are errors; otherwise (a stored
 * object) such items are skipped.
 */
export const fieldSetOf = (value: unknown, schema: Schema, strict: boolean): E.Either<ReadonlyArray<string>, FieldSet> => {
  const errors: string[] = []
  const walk = (v: unknown, s: Schema, at: Path): FieldSet => {
    if (v === null || v === undefined) return node(true, new Map())
    switch (s._tag) {
      case 'Scalar':
      case 'Opaque':
        return node(true, new Map())
      case 'Struct':
      case 'Map': {
        if (!isRecord(v) || (s._tag === 'Struct' && s.atomic === true)) return node(true, new Map())
        const entries = Object.entries(v)
        if (entries.length === 0) return node(true, new Map())
        const children = new Map<string, FieldSet>()
        for (const [key, child] of entries) {
          const declared = s._tag === 'Map' ? s.values : Object.prototype.hasOwnProperty.call(s.fields, key) ? s.fields[key] : undefined
          if (declared === undefined) continue // unknown fields are rejected or pruned before this
          const sub = walk(child, declared, [...at, field(key)])
          // Map entries are members themselves; struct fields only through what they hold (an empty list holds nothing).
          if (s._tag === 'Map') children.set(serialize(field(key)), node(true, sub.children))
          else if (!isEmpty(sub)) children.set(serialize(field(key)), sub)
        }
        return node(false, children)
      }
      case 'List': {
        if (!Array.isArray(v) || s.listType === 'atomic') return node(true, new Map())
        const children = new Map<string, FieldSet>()
        v.forEach((item: unknown, i) => {
          const element: PathElement | undefined = s.listType === 'set' ? { _tag: 'Value', value: item } : itemKeyElement(s, item)
          if (element === undefined) {
            const missing = (s.keys ?? []).find((k) => !isRecord(item) || (item[k] ?? s.keyDefaults?.[k]) == null) ?? ''
            if (strict) errors.push(`${formatApplyPath(at)}: element ${i}: associative list with keys has an element that omits key field ${JSON.stringify(missing)} (and doesn't have default value)`)
            return
          }
          const key = serialize(element)
          if (children.has(key)) {
            if (strict) errors.push(`${formatApplyPath(at)}: duplicate entries for key ${formatApplyPath([element])}`)
            return
          }
          const sub = s.listType === 'set' ? emptySet : walk(item, s.items, [...at, element])
          children.set(key, node(true, sub.children))
        })
        return node(false, children)
      }
    }
  }
  const set = walk(value, schema, [])
  return errors.length > 0 ? E.left(errors) : E.right(node(false, set.children))
}

const itemKeyElement = (list: Extract<Schema, { _tag: 'List' }>, item: unknown): PathElement | undefined => {
  const key = itemKey(list, item)
  return key === undefined ? undefined : { _tag: 'Key', key }
}
