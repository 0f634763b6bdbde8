import * as fc from 'fast-check'
import {
  defaultDaemonSet,
  type Affinity,
  type DaemonSet,
  type DaemonSetStatus,
  type DaemonSetUpdateStrategy,
  type IntOrString,
  type LabelSelector,
  type LabelSelectorRequirement,
  type NodeSelectorRequirement,
  type NodeSelectorTerm,
  type PodSpec,
  type Toleration,
} from '../../core/api'
import { sometimes } from './internal/sometimes'
import { daemonSetNames, images, integerBounds, nodeLabelVocabulary, nodeNames, taintEffects, taintKeys, taintValues } from './vocabulary'

const vocabularyKeys = Object.keys(nodeLabelVocabulary)
const valuesOf = (key: string): ReadonlyArray<string> => nodeLabelVocabulary[key] ?? ['']

/** Template labels: `app: <name>`, sometimes `tier` and `track` as well. */
export const arbTemplateLabels = (name: string): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc
    .record({ tier: fc.option(fc.constantFrom('frontend', 'backend'), { nil: undefined }), track: fc.option(fc.constant('stable'), { nil: undefined }) })
    .map(({ tier, track }) => ({ app: name, ...(tier !== undefined ? { tier } : {}), ...(track !== undefined ? { track } : {}) }))

/** One selector requirement that `labels` satisfy, over one of its keys or an absent one. */
const arbSatisfiedRequirement = (labels: Readonly<Record<string, string>>): fc.Arbitrary<LabelSelectorRequirement> => {
  const entries = Object.entries(labels)
  return fc.constantFrom(...entries).chain(([key, value]) =>
    fc.constantFrom<LabelSelectorRequirement>(
      { key, operator: 'In', values: [value] },
      { key, operator: 'In', values: [value, 'canary'] },
      { key, operator: 'NotIn', values: [`not-${value}`] },
      { key, operator: 'Exists' },
      { key: 'canary', operator: 'DoesNotExist' },
    ),
  )
}

/**
 * A non-empty selector that matches `labels` by construction: matchLabels drawn from them and
 * matchExpressions (In, NotIn, Exists, DoesNotExist) they satisfy.
 */
export const arbSelectorFor = (labels: Readonly<Record<string, string>>): fc.Arbitrary<LabelSelector> =>
  fc
    .record({
      keys: fc.subarray(Object.keys(labels)),
      expressions: fc.array(arbSatisfiedRequirement(labels), { maxLength: 2 }),
    })
    .map(({ keys, expressions }) => {
      const chosen = keys.length === 0 && expressions.length === 0 ? Object.keys(labels).slice(0, 1) : keys
      const matchLabels = Object.fromEntries(chosen.map((k) => [k, labels[k] ?? '']))
      return {
        ...(chosen.length > 0 ? { matchLabels } : {}),
        ...(expressions.length > 0 ? { matchExpressions: expressions } : {}),
      }
    })

/** A `nodeSelector` of one or two vocabulary labels. */
export const arbNodeSelector = (): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc
    .shuffledSubarray(vocabularyKeys, { minLength: 1, maxLength: 2 })
    .chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...valuesOf(k)).map((v) => [k, v] as const))))
    .map((pairs) => Object.fromEntries(pairs))

/** A node-affinity `matchExpressions` requirement with any of the six operators, valid by construction. */
export const arbNodeSelectorRequirement = (): fc.Arbitrary<NodeSelectorRequirement> =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...vocabularyKeys), fc.constantFrom('In', 'NotIn'))
      .chain(([key, operator]) => fc.subarray([...valuesOf(key)], { minLength: 1 }).map((values) => ({ key, operator, values }))),
    fc.record({ key: fc.constantFrom(...vocabularyKeys, 'gpu'), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
    fc.record({ key: fc.constant('cpu-count'), operator: fc.constantFrom('Gt', 'Lt'), values: fc.constantFrom(...integerBounds).map((v) => [v]) }),
  )

/** A `matchFields` requirement: `metadata.name` In or NotIn exactly one node name. */
export const arbNodeFieldRequirement = (): fc.Arbitrary<NodeSelectorRequirement> =>
  fc.record({ key: fc.constant('metadata.name'), operator: fc.constantFrom('In', 'NotIn'), values: fc.constantFrom(...nodeNames).map((n) => [n]) })

/** A node selector term with expressions, fields or both (never empty: an empty term matches nothing). */
export const arbNodeSelectorTerm = (): fc.Arbitrary<NodeSelectorTerm> =>
  fc
    .record({
      matchExpressions: fc.array(arbNodeSelectorRequirement(), { maxLength: 2 }),
      matchFields: fc.array(arbNodeFieldRequirement(), { maxLength: 1 }),
    })
    .filter((t) => t.matchExpressions.length + t.matchFields.length > 0)
    .map((t) => ({
      ...(t.matchExpressions.length > 0 ? { matchExpressions: t.matchExpressions } : {}),
      ...(t.matchFields.length > 0 ? { matchFields: t.matchFields } : {}),
    }))

/** Required node affinity with one or two ORed terms. */
export const arbRequiredNodeAffinity = (): fc.Arbitrary<Affinity> =>
  fc
    .array(arbNodeSelectorTerm(), { minLength: 1, maxLength: 2 })
    .map((nodeSelectorTerms) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } }))

const arbEffect = fc.option(fc.constantFrom(...taintEffects), { nil: undefined })

/** One valid toleration: tolerate-everything (empty key, Exists), by key with Exists or Equal, or NoExecute with seconds. */
export const arbToleration = (): fc.Arbitrary<Toleration> =>
  fc.oneof(
    arbEffect.map((effect): Toleration => ({ operator: 'Exists', ...(effect !== undefined ? { effect } : {}) })),
    fc
      .tuple(fc.constantFrom(...taintKeys), arbEffect)
      .map(([key, effect]): Toleration => ({ key, operator: 'Exists', ...(effect !== undefined ? { effect } : {}) })),
    fc
      .tuple(fc.constantFrom(...taintKeys), fc.constantFrom(...taintValues), arbEffect, fc.boolean())
      .map(([key, value, effect, explicit]): Toleration => ({
        key,
        ...(explicit ? { operator: 'Equal' } : {}),
        value,
        ...(effect !== undefined ? { effect } : {}),
      })),
    fc
      .tuple(fc.constantFrom(...taintKeys), fc.integer({ min: 0, max: 600 }))
      .map(([key, tolerationSeconds]): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds })),
  )

/** A valid pod template spec: one container, sometimes a nodeSelector, required affinity, tolerations, hostNetwork. */
export const arbDaemonPodSpec = (): fc.Arbitrary<PodSpec> =>
  fc
    .record({
      image: fc.constantFrom(...images),
      nodeSelector: sometimes(arbNodeSelector(), 1, 3),
      affinity: sometimes(arbRequiredNodeAffinity(), 1, 3),
      tolerations: fc.array(arbToleration(), { maxLength: 3 }),
      hostNetwork: fc.boolean(),
    })
    .map(({ image, nodeSelector, affinity, tolerations, hostNetwork }) => ({
      containers: [{ name: 'main', image }],
      ...(nodeSelector !== undefined ? { nodeSelector } : {}),
      ...(affinity !== undefined ? { affinity } : {}),
      ...(tolerations.length > 0 ? { tolerations } : {}),
      ...(hostNetwork ? { hostNetwork } : {}),
    }))

const arbPercent = (min: number): fc.Arbitrary<string> => fc.integer({ min, max: 100 }).map((n) => `${n}%`)
const arbIntOrPercent = (min: number): fc.Arbitrary<IntOrString> => fc.oneof(fc.integer({ min, max: 3 }), arbPercent(min))
const arbZero: fc.Arbitrary<IntOrString> = fc.constantFrom(0, '0%')

/** Which update strategy an arbitrary DaemonSet uses; `Surge` is RollingUpdate with maxSurge > 0. */
export type StrategyKind = 'OnDelete' | 'RollingUpdate' | 'Surge' | 'Defaulted'

/**
 * An update strategy that passes validation: OnDelete; RollingUpdate with a positive maxUnavailable
 * and a zero maxSurge; with a zero maxUnavailable and a positive maxSurge (ints or percents ≤ 100%);
 * or left empty for the defaults (RollingUpdate, maxUnavailable 1).
 */
export const arbUpdateStrategy = (kind?: StrategyKind): fc.Arbitrary<DaemonSetUpdateStrategy> => {
  const byKind: Record<StrategyKind, fc.Arbitrary<DaemonSetUpdateStrategy>> = {
    OnDelete: fc.constant({ type: 'OnDelete' }),
    RollingUpdate: fc
      .tuple(arbIntOrPercent(1), fc.option(arbZero, { nil: undefined }))
      .map(([maxUnavailable, maxSurge]) => ({
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable, ...(maxSurge !== undefined ? { maxSurge } : {}) },
      })),
    Surge: fc.tuple(arbZero, arbIntOrPercent(1)).map(([maxUnavailable, maxSurge]) => ({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } })),
    Defaulted: fc.constantFrom<DaemonSetUpdateStrategy>({}, { type: 'RollingUpdate' }),
  }
  return kind !== undefined ? byKind[kind] : fc.oneof(byKind.OnDelete, byKind.RollingUpdate, byKind.Surge, byKind.Defaulted)
}

/** A stored status: absent, or counters and observedGeneration as an earlier sync may have left them. */
export const arbDaemonSetStatus = (generation: number): fc.Arbitrary<DaemonSetStatus | undefined> => {
  const count = fc.integer({ min: 0, max: 4 })
  return sometimes(
    fc
      .record({
        currentNumberScheduled: count,
        numberMisscheduled: count,
        desiredNumberScheduled: count,
        numberReady: count,
        updatedNumberScheduled: count,
        numberAvailable: count,
        numberUnavailable: count,
        observedGeneration: fc.integer({ min: 0, max: generation }),
        collisionCount: sometimes(fc.integer({ min: 0, max: 2 }), 1, 5),
      })
      .map(({ collisionCount, ...rest }): DaemonSetStatus => ({ ...rest, ...(collisionCount !== undefined ? { collisionCount } : {}) })),
    1,
    1,
  )
}

export interface DaemonSetConstraints {
  readonly name?: string
  readonly namespace?: string
  readonly strategy?: StrategyKind
}

/**
 * A defaulted DaemonSet that passes `validateDaemonSet` by construction: a selector matching the
 * template labels, scheduling constraints from the shared vocabulary, a valid strategy,
 * minReadySeconds, revisionHistoryLimit 0..12, and sometimes the template-generation annotation.
 */
export const arbDaemonSet = (constraints: DaemonSetConstraints = {}): fc.Arbitrary<DaemonSet> =>
  fc
    .record({
      name: constraints.name !== undefined ? fc.constant(constraints.name) : fc.constantFrom(...daemonSetNames),
      namespace: constraints.namespace !== undefined ? fc.constant(constraints.namespace) : fc.constantFrom('default', 'kube-system'),
      generation: fc.integer({ min: 1, max: 4 }),
      templateGeneration: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    })
    .chain(({ name, namespace, generation, templateGeneration }) =>
      arbTemplateLabels(name).chain((labels) =>
        fc
          .record({
            selector: arbSelectorFor(labels),
            podSpec: arbDaemonPodSpec(),
            strategy: arbUpdateStrategy(constraints.strategy),
            minReadySeconds: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) }),
            revisionHistoryLimit: fc.integer({ min: 0, max: 12 }),
            status: arbDaemonSetStatus(generation),
          })
          .map(({ selector, podSpec, strategy, minReadySeconds, revisionHistoryLimit, status }) =>
            defaultDaemonSet({
              apiVersion: 'apps/v1',
              kind: 'DaemonSet',
              metadata: {
                name,
                namespace,
                uid: `uid-ds-${namespace}-${name}`,
                generation,
                ...(templateGeneration !== undefined
                  ? { annotations: { 'deprecated.daemonset.template.generation': String(templateGeneration) } }
                  : {}),
              },
              spec: {
                selector,
                template: { metadata: { labels }, spec: podSpec },
                updateStrategy: strategy,
                ...(minReadySeconds > 0 ? { minReadySeconds } : {}),
                revisionHistoryLimit,
              },
              ...(status !== undefined ? { status } : {}),
            }),
          ),
      ),
    )
