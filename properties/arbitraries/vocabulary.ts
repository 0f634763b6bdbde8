import { NodeTaintKeys } from '../../core/scheduling'

/**
 * The small shared vocabularies the arbitraries draw from. Node labels, selectors, affinities and
 * tolerations all use them, so generated DaemonSets and nodes meet often enough to be interesting.
 */

/** Label keys with the values nodes carry; `cpu-count` values are integers for `Gt`/`Lt`. */
export const nodeLabelVocabulary: Readonly<Record<string, ReadonlyArray<string>>> = {
  'topology.kubernetes.io/zone': ['zone-a', 'zone-b', 'zone-c'],
  disktype: ['ssd', 'hdd'],
  'kubernetes.io/os': ['linux', 'windows'],
  'node-role.kubernetes.io/control-plane': [''],
  tier: ['frontend', 'backend'],
  'cpu-count': ['2', '4', '8', '16'],
}

/** Bounds compared against `cpu-count` by `Gt`/`Lt` requirements. */
export const integerBounds: ReadonlyArray<string> = ['1', '3', '6', '12', '20']

/** Node names; generated node sets are drawn from these, so the others act as vanished nodes. */
export const nodeNames: ReadonlyArray<string> = ['node-0', 'node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6', 'node-7']

/** Names no generated node has: pods targeting them sit on vanished nodes. */
export const vanishedNodeNames: ReadonlyArray<string> = ['gone-0', 'gone-1']

/** Taint keys: the well-known ones the node lifecycle controller sets, plus two user keys. */
export const taintKeys: ReadonlyArray<string> = [
  NodeTaintKeys.networkUnavailable,
  NodeTaintKeys.notReady,
  NodeTaintKeys.unreachable,
  NodeTaintKeys.diskPressure,
  NodeTaintKeys.memoryPressure,
  NodeTaintKeys.pidPressure,
  NodeTaintKeys.unschedulable,
  'node-role.kubernetes.io/control-plane',
  'dedicated',
  'gpu',
]

export const taintEffects = ['NoSchedule', 'NoExecute', 'PreferNoSchedule'] as const

/** Taint and toleration values (label values; `''` is a value too). */
export const taintValues: ReadonlyArray<string> = ['', 'true', 'infra']

/** DaemonSet names; each is also the `app` label of its template. */
export const daemonSetNames: ReadonlyArray<string> = ['fluentd', 'node-exporter', 'kube-proxy']

/** Container images; a template change in generated histories is an image change. */
export const images: ReadonlyArray<string> = [
  'registry.k8s.io/fluentd:v1',
  'registry.k8s.io/fluentd:v2',
  'registry.k8s.io/fluentd:v3',
  'registry.k8s.io/fluentd:v4',
  'registry.k8s.io/fluentd:v5',
]

/** 2026-01-01T00:00:00Z: generated clocks start near it, on whole seconds (Kubernetes times have second precision). */
export const epoch = Date.parse('2026-01-01T00:00:00Z')
