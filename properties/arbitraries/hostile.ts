import * as fc from 'fast-check'
import { arbDaemonSet } from './daemonSet'
import { arbNode } from './node'
import { arbDaemonPod } from './pod'
import { arbRevisionHistory } from './revision'

/**
 * Hostile arbitraries, for decoder totality only: they build what a careless or malicious
 * manifest may hold (wrong types, missing fields, junk values). Unlike the other arbitraries,
 * nothing here is valid by construction.
 */

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A junk value: wrong-typed scalars, edge numbers, odd strings, empty or nested containers. */
export const arbJunk = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53),
    fc.constantFrom<unknown>('', ' ', '-1', '1.5', '1.5%', '101%', '-5%', '%', '0x10', 'NaN', 'Exists', '__proto__', 'constructor', '\u0000', 'ünïcödé'),
    fc.constantFrom<unknown>([], [null], {}, { '': '' }, [[]], { toString: 'x' }),
    // Own `__proto__` and `constructor` members, as JSON.parse makes them from a manifest.
    fc.constantFrom<unknown>(
      JSON.parse('{"__proto__":{"polluted":"yes"}}'),
      JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
      JSON.parse('{"__proto__":"x","labels":{"__proto__":"y"}}'),
    ),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double(),
    fc.anything({ maxDepth: 2, maxKeys: 3 }),
  )

const toJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

/** Every path into a JSON value (objects and arrays), the root included. */
const pathsOf = (value: unknown, prefix: ReadonlyArray<string | number> = []): ReadonlyArray<ReadonlyArray<string | number>> => {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))]
  if (isObject(value)) return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))]
  return [prefix]
}

const deleted = Symbol('deleted')

/** A copy of `value` with the member at `path` replaced (or removed when `replacement` is `deleted`). */
const replaceAt = (value: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown => {
  const [head, ...rest] = path
  if (head === undefined) return replacement
  if (Array.isArray(value) && typeof head === 'number') {
    const inner = replaceAt(value[head], rest, replacement)
    return inner === deleted ? value.filter((_, i) => i !== head) : value.map((v, i) => (i === head ? inner : v))
  }
  if (isObject(value) && typeof head === 'string') {
    const inner = replaceAt(value[head], rest, replacement)
    const out: Json = {}
    for (const [k, v] of Object.entries(value)) if (k !== head) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
    if (inner !== deleted) Object.defineProperty(out, head, { value: inner, enumerable: true, writable: true, configurable: true })
    return out
  }
  return value
}

/**
 * `valid` (as JSON) with one to three members replaced by junk or removed: a manifest that is
 * almost right, which is where decoders tend to break.
 */
export const arbMutated = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), fc.oneof(arbJunk(), fc.constant<unknown>(deleted))), { minLength: 1, maxLength: 3 }))
    .map(([object, edits]) =>
      edits.reduce<unknown>((acc, [pick, junk]) => {
        const paths = pathsOf(acc).filter((p) => p.length > 0)
        const path = paths[pick % Math.max(paths.length, 1)]
        return path === undefined ? acc : replaceAt(acc, path, junk)
      }, toJson(object)),
    )

/** A valid manifest of every kind the decoder knows, encoded as plain JSON. */
export const arbValidManifest = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    arbDaemonSet().map(toJson),
    arbNode().map(toJson),
    arbDaemonSet().chain((ds) => arbDaemonPod(ds, 'p-0', { nodeNames: ['node-0'], hashes: ['h'], now: 0 })).map(toJson),
    arbDaemonSet()
      .chain((ds) => arbRevisionHistory(ds))
      .filter((rs) => rs.length > 0)
      .map((rs) => toJson(rs[0])),
  )

const knownHeaders = [
  { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  { apiVersion: 'v1', kind: 'Node' },
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'apps/v1', kind: 'ControllerRevision' },
  { apiVersion: 'batch/v1', kind: 'Job' },
] as const

/** A known apiVersion/kind with junk (or nothing) where metadata, spec and status belong. */
export const arbJunkBody = (): fc.Arbitrary<unknown> =>
  fc
    .record({
      header: fc.constantFrom(...knownHeaders),
      metadata: fc.option(arbJunk(), { nil: undefined }),
      spec: fc.option(arbJunk(), { nil: undefined }),
      status: fc.option(arbJunk(), { nil: undefined }),
    })
    .map(({ header, ...body }) => ({ ...header, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) }))

/** A DaemonSet of the right shape with values validation must refuse (operators, percents, names, tolerations). */
export const arbInvalidDaemonSet = (): fc.Arbitrary<unknown> =>
  fc
    .record({
      ds: arbDaemonSet().map(toJson),
      maxUnavailable: fc.constantFrom<unknown>('abc', '-5%', '150%', -1, 1.5, '1.5%', '0', 0, '0%'),
      operator: fc.constantFrom('Foo', 'in', '', 'Gt'),
      name: fc.constantFrom('', 'UPPER', 'a_b', '-x', 'x'.repeat(300)),
      tolerationOperator: fc.constantFrom('Foo', 'Equal', ''),
      gtValue: fc.constantFrom('abc', '1.5', '', '99999999999999999999'),
    })
    .chain(({ ds, ...bad }) =>
      fc.subarray(['maxUnavailable', 'operator', 'name', 'toleration', 'affinity', 'restartPolicy'], { minLength: 1 }).map((which) => {
        let out: unknown = ds
        if (which.includes('maxUnavailable')) out = replaceAt(out, ['spec', 'updateStrategy'], { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: bad.maxUnavailable } })
        if (which.includes('operator')) out = replaceAt(out, ['spec', 'selector', 'matchExpressions'], [{ key: 'app', operator: bad.operator, values: ['x'] }])
        if (which.includes('name')) out = replaceAt(out, ['metadata', 'name'], bad.name)
        if (which.includes('toleration')) {
          out = replaceAt(out, ['spec', 'template', 'spec', 'tolerations'], [{ key: '', operator: bad.tolerationOperator, value: 'v', effect: 'NoSchedule', tolerationSeconds: 5 }])
        }
        if (which.includes('affinity')) {
          const terms = [{ matchExpressions: [{ key: 'cpu-count', operator: 'Gt', values: [bad.gtValue] }], matchFields: [{ key: 'metadata.uid', operator: 'Exists' }] }]
          out = replaceAt(out, ['spec', 'template', 'spec', 'affinity'], { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } })
        }
        if (which.includes('restartPolicy')) out = replaceAt(out, ['spec', 'template', 'spec', 'restartPolicy'], 'Never')
        return out
      }),
    )

/** Any hostile input: arbitrary values, junk bodies under known kinds, mutated valid manifests, invalid DaemonSets. */
export const arbHostileManifest = (): fc.Arbitrary<unknown> =>
  fc.oneof(fc.anything({ maxDepth: 3 }), arbJunkBody(), arbMutated(arbValidManifest()), arbInvalidDaemonSet())
