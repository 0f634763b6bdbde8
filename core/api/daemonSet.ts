import * as t from 'io-ts'
import { IntOrString } from './intOrString'
import { LabelSelector, ObjectMeta } from './meta'
import { PodTemplateSpec } from './pod'

export const RollingUpdateDaemonSet = t.partial({
  maxUnavailable: t.union([IntOrString, t.null]),
  maxSurge: t.union([IntOrString, t.null]),
})
export type RollingUpdateDaemonSet = t.TypeOf<typeof RollingUpdateDaemonSet>

export const DaemonSetUpdateStrategy = t.partial({
  type: t.string,
  rollingUpdate: t.union([RollingUpdateDaemonSet, t.null]),
})
export type DaemonSetUpdateStrategy = t.TypeOf<typeof DaemonSetUpdateStrategy>

export const DaemonSetSpec = t.intersection([
  t.type({ template: PodTemplateSpec }),
  t.partial({
    selector: t.union([LabelSelector, t.null]),
    updateStrategy: DaemonSetUpdateStrategy,
    minReadySeconds: t.number,
    revisionHistoryLimit: t.union([t.number, t.null]),
  }),
])
export type DaemonSetSpec = t.TypeOf<typeof DaemonSetSpec>

export const DaemonSetStatus = t.partial({
  currentNumberScheduled: t.number,
  numberMisscheduled: t.number,
  desiredNumberScheduled: t.number,
  numberReady: t.number,
  observedGeneration: t.number,
  updatedNumberScheduled: t.number,
  numberAvailable: t.number,
  numberUnavailable: t.number,
  collisionCount: t.number,
  conditions: t.array(t.UnknownRecord),
})
export type DaemonSetStatus = t.TypeOf<typeof DaemonSetStatus>

/** apps/v1 `DaemonSet`. */
export const DaemonSet = t.intersection([
  t.type({ metadata: ObjectMeta, spec: DaemonSetSpec }),
  t.partial({ apiVersion: t.string, kind: t.string, status: DaemonSetStatus }),
])
export type DaemonSet = t.TypeOf<typeof DaemonSet>

export const DaemonSetKind = { apiVersion: 'apps/v1', kind: 'DaemonSet' } as const

/** Well-known keys of the DaemonSet controller and kubectl. */
export const DaemonSetKeys = {
  revisionHash: 'controller-revision-hash',
  templateGeneration: 'pod-template-generation',
  templateGenerationAnnotation: 'deprecated.daemonset.template.generation',
  changeCause: 'kubernetes.io/change-cause',
  restartedAt: 'kubectl.kubernetes.io/restartedAt',
  lastApplied: 'kubectl.kubernetes.io/last-applied-configuration',
} as const
