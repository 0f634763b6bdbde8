import type { PodSpec, Toleration } from '../api'

/** Taint keys the node lifecycle controller derives from node conditions (`v1.TaintNode*`). */
export const NodeTaintKeys = {
  notReady: 'node.kubernetes.io/not-ready',
  unreachable: 'node.kubernetes.io/unreachable',
  diskPressure: 'node.kubernetes.io/disk-pressure',
  memoryPressure: 'node.kubernetes.io/memory-pressure',
  pidPressure: 'node.kubernetes.io/pid-pressure',
  unschedulable: 'node.kubernetes.io/unschedulable',
  networkUnavailable: 'node.kubernetes.io/network-unavailable',
} as const

const exists = (key: string, effect: 'NoSchedule' | 'NoExecute'): Toleration => Object.freeze({ key, operator: 'Exists', effect })

// No tolerationSeconds: daemon pods are never evicted for these conditions.
const alwaysAdded: ReadonlyArray<Toleration> = Object.freeze([
  exists(NodeTaintKeys.notReady, 'NoExecute'),
  exists(NodeTaintKeys.unreachable, 'NoExecute'),
  exists(NodeTaintKeys.diskPressure, 'NoSchedule'),
  exists(NodeTaintKeys.memoryPressure, 'NoSchedule'),
  exists(NodeTaintKeys.pidPressure, 'NoSchedule'),
  exists(NodeTaintKeys.unschedulable, 'NoSchedule'),
])
const withHostNetwork: ReadonlyArray<Toleration> = Object.freeze([
  ...alwaysAdded,
  exists(NodeTaintKeys.networkUnavailable, 'NoSchedule'),
])

/** The default daemon tolerations in the order upstream adds them; network-unavailable only for hostNetwork. */
export const daemonTolerations = (hostNetwork: boolean): ReadonlyArray<Toleration> =>
  hostNetwork ? withHostNetwork : alwaysAdded

// `Toleration.MatchToleration`: tolerations are identified by key, effect, operator and value.
const sameIdentity = (a: Toleration, b: Toleration): boolean =>
  (a.key ?? '') === (b.key ?? '') &&
  (a.effect ?? '') === (b.effect ?? '') &&
  (a.operator ?? '') === (b.operator ?? '') &&
  (a.value ?? '') === (b.value ?? '')

/**
 * Adds a toleration, or replaces in place every one with the same key/effect/operator/value (dropping
 * its `tolerationSeconds`); unchanged (same array) when an identical one is present.
 * Mirrors `AddOrUpdateTolerationInPodSpec` in pkg/apis/core/v1/helper.
 */
export const addOrUpdateToleration = (
  tolerations: ReadonlyArray<Toleration>,
  toleration: Toleration,
): ReadonlyArray<Toleration> => {
  const out: Toleration[] = []
  let replaced = false
  for (const existing of tolerations) {
    if (!sameIdentity(toleration, existing)) {
      out.push(existing)
      continue
    }
    // Semantic.DeepEqual: with the identity equal, only tolerationSeconds can still differ.
    if ((existing.tolerationSeconds ?? null) === (toleration.tolerationSeconds ?? null)) return tolerations
    out.push(toleration)
    replaced = true
  }
  if (!replaced) out.push(toleration)
  return out
}

/**
 * The spec with the default daemon tolerations merged in, as both the eligibility check and every
 * created daemon pod use it. Mirrors `AddOrUpdateDaemonPodTolerations` in pkg/controller/daemon/util.
 */
export const withDaemonTolerations = (spec: PodSpec): PodSpec => {
  const current = spec.tolerations ?? []
  const merged = daemonTolerations(spec.hostNetwork === true).reduce<ReadonlyArray<Toleration>>(addOrUpdateToleration, current)
  return merged === current ? spec : { ...spec, tolerations: [...merged] }
}
