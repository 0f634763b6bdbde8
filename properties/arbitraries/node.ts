import * as fc from 'fast-check'
import type { Node, NodeCondition, Taint } from '../../core/api'
import { nodeLabelVocabulary, nodeNames, taintEffects, taintKeys, taintValues } from './vocabulary'

/** A node name from the shared vocabulary. */
export const arbNodeName = (): fc.Arbitrary<string> => fc.constantFrom(...nodeNames)

/** A label set drawn from the shared vocabulary: some keys, each with one of its values. */
export const arbNodeLabels = (): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc
    .subarray(Object.keys(nodeLabelVocabulary))
    .chain((keys) =>
      fc.tuple(...keys.map((key) => fc.constantFrom(...(nodeLabelVocabulary[key] ?? [''])).map((value) => [key, value] as const))),
    )
    .map((pairs) => Object.fromEntries(pairs))

/** A taint with a well-known or user key, any of the three effects, and sometimes a value. */
export const arbTaint = (): fc.Arbitrary<Taint> =>
  fc
    .record({ key: fc.constantFrom(...taintKeys), effect: fc.constantFrom(...taintEffects), value: fc.constantFrom(...taintValues) })
    .map(({ key, effect, value }) => (value === '' ? { key, effect } : { key, value, effect }))

/** Up to three taints with distinct key:effect pairs (the API server refuses duplicates). */
export const arbTaints = (): fc.Arbitrary<ReadonlyArray<Taint>> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 2, arbitrary: fc.uniqueArray(arbTaint(), { minLength: 1, maxLength: 3, selector: (t) => `${t.key}:${t.effect}` }) },
  )

const conditionTypes = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'] as const

/** Node conditions: always `Ready` (True, False or Unknown), plus some pressure conditions. The controller ignores them. */
export const arbNodeConditions = (): fc.Arbitrary<ReadonlyArray<NodeCondition>> =>
  fc
    .tuple(fc.constantFrom('True', 'True', 'False', 'Unknown'), fc.subarray([...conditionTypes]), fc.boolean())
    .map(([ready, others, pressured]) => [
      { type: 'Ready', status: ready, reason: ready === 'True' ? 'KubeletReady' : 'KubeletNotReady' },
      ...others.map((type) => ({ type, status: pressured ? 'True' : 'False' })),
    ])

/** A node: the hostname label plus vocabulary labels, taints, conditions, sometimes cordoned. */
export const arbNode = (name?: string): fc.Arbitrary<Node> =>
  fc
    .record({
      name: name !== undefined ? fc.constant(name) : arbNodeName(),
      labels: arbNodeLabels(),
      taints: arbTaints(),
      conditions: arbNodeConditions(),
      unschedulable: fc.boolean(),
    })
    .map(({ name: n, labels, taints, conditions, unschedulable }) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n, uid: `uid-node-${n}`, labels: { 'kubernetes.io/hostname': n, ...labels } },
      spec: { taints: [...taints], ...(unschedulable ? { unschedulable } : {}) },
      status: { conditions: [...conditions] },
    }))

/** Nodes with distinct names from the vocabulary, in a random order. */
export const arbNodes = (constraints: { readonly minLength?: number; readonly maxLength?: number } = {}): fc.Arbitrary<ReadonlyArray<Node>> =>
  fc
    .shuffledSubarray([...nodeNames], { minLength: constraints.minLength ?? 0, maxLength: constraints.maxLength ?? 6 })
    .chain((names): fc.Arbitrary<ReadonlyArray<Node>> => (names.length === 0 ? fc.constant([]) : fc.tuple(...names.map((n) => arbNode(n)))))
