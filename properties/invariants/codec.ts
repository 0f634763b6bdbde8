import * as E from 'fp-ts/Either'
import type * as t from 'io-ts'
import { stringify } from 'fast-check'
import { decodeManifest, formatManifestError, makeInstant, type Node } from '../../core/api'
import { reconcileDaemonSet } from '../../core/daemonset'
import { allOf, check, holds, violated, type Verdict } from './verdict'

type Path = ReadonlyArray<string | number>
const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v)
const show = (path: Path): string => (path.length === 0 ? '(root)' : path.join('.'))

/** The first place two JSON-like values differ, as `path: left vs right`, or undefined when they are equal. */
export const firstDifference = (left: unknown, right: unknown, path: Path = []): string | undefined => {
  if (Object.is(left, right)) return undefined
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return `${show(path)}: ${left.length} items vs ${right.length}`
    for (let i = 0; i < left.length; i++) {
      const d = firstDifference(left[i], right[i], [...path, i])
      if (d !== undefined) return d
    }
    return undefined
  }
  if (isRecord(left) && isRecord(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()
    for (const k of keys) {
      if (!(k in left) || !(k in right)) return `${show([...path, k])}: ${k in left ? 'present' : 'absent'} vs ${k in right ? 'present' : 'absent'}`
      const d = firstDifference(left[k], right[k], [...path, k])
      if (d !== undefined) return d
    }
    return undefined
  }
  return `${show(path)}: ${stringify(left)} vs ${stringify(right)}`
}

/** What a value looks like on the wire: JSON text parsed back (how manifests reach the decoder). */
export const wireForm = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

/** (f) decode ∘ encode is the identity: the wire form of `value` decodes with `codec` to a deep-equal value. */
export const roundTrips = <A, O>(codec: t.Type<A, O, unknown>, value: A): Verdict => {
  const decoded = codec.decode(wireForm(codec.encode(value)))
  if (E.isLeft(decoded)) return violated(`${codec.name} refused its own encoding of ${stringify(value)}`)
  const diff = firstDifference(decoded.right, value)
  return check(diff === undefined, () => `${codec.name} round trip changed the value at ${diff ?? ''}`)
}

/** Extra members for `withUnknownFields`: where (a path to an object) and what. */
export interface UnknownField {
  readonly at: Path
  readonly key: string
  readonly value: unknown
}

/** `value` with members the codecs do not model added at the given paths (where an object is found). */
export const withUnknownFields = (value: unknown, fields: ReadonlyArray<UnknownField>): unknown =>
  fields.reduce<unknown>((acc, field) => addAt(acc, field.at, field.key, field.value), wireForm(value))

const addAt = (value: unknown, path: Path, key: string, extra: unknown): unknown => {
  if (!isRecord(value)) return value
  const [head, ...rest] = path
  if (head === undefined) return { ...value, [key]: extra }
  return { ...value, [String(head)]: addAt(value[String(head)], rest, key, extra) }
}

/** (f) Unknown fields survive: decoding `withUnknownFields(value, fields)` keeps every added member as it was. */
export const keepsUnknownFields = <A, O>(codec: t.Type<A, O, unknown>, value: A, fields: ReadonlyArray<UnknownField>): Verdict => {
  const raw = withUnknownFields(codec.encode(value), fields)
  const decoded = codec.decode(raw)
  if (E.isLeft(decoded)) return violated(`${codec.name} refused ${stringify(raw)} once unknown fields were added`)
  const diff = firstDifference(codec.encode(decoded.right), raw)
  return check(diff === undefined, () => `${codec.name} dropped or changed an unknown field: ${diff ?? ''}`)
}

/**
 * (f) A valid, defaulted object read from a manifest comes back unchanged: `decodeManifest` accepts
 * its wire form (validation passes, defaulting is idempotent) and returns a deep-equal object.
 */
export const decodesManifestUnchanged = (object: unknown): Verdict => {
  const decoded = decodeManifest(wireForm(object))
  if (E.isLeft(decoded)) return violated(`decodeManifest refused a valid object:\n${formatManifestError(decoded.left).join('\n')}`)
  const diff = firstDifference(decoded.right.object, wireForm(object))
  return check(diff === undefined, () => `decodeManifest changed a valid ${decoded.right._tag} at ${diff ?? ''}`)
}

const briefly = (raw: unknown): string => {
  const text = stringify(raw)
  return text.length > 400 ? `${text.slice(0, 400)}…` : text
}

/**
 * (g) Decoding is total: `decodeManifest` never throws, answers Left (with at least one
 * kubectl-style line) or Right; and a DaemonSet it accepts reconciles against `nodes` without throwing.
 */
export const decodesTotally = (raw: unknown, nodes: ReadonlyArray<Node> = []): Verdict => {
  let result: ReturnType<typeof decodeManifest>
  try {
    result = decodeManifest(raw)
  } catch (e) {
    return violated(`decodeManifest threw ${String(e)} on ${briefly(raw)}`)
  }
  if (E.isLeft(result)) {
    try {
      const lines = formatManifestError(result.left)
      return allOf([
        check(lines.length > 0, () => `decodeManifest refused ${briefly(raw)} without saying why`),
        check(lines.every((l) => typeof l === 'string' && l.length > 0), () => `empty error line for ${briefly(raw)}`),
      ])
    } catch (e) {
      return violated(`formatManifestError threw ${String(e)} on ${briefly(raw)}`)
    }
  }
  if (!E.isRight(result)) return violated(`decodeManifest returned neither Left nor Right for ${briefly(raw)}`)
  if (result.right._tag !== 'DaemonSet') return holds
  try {
    reconcileDaemonSet({ daemonSet: result.right.object, nodes, pods: [], revisions: [], now: makeInstant(0) })
    return holds
  } catch (e) {
    return violated(`reconcileDaemonSet threw ${String(e)} on an accepted DaemonSet ${briefly(raw)}`)
  }
}
