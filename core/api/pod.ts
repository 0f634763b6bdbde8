import * as t from 'io-ts'
import { ObjectMeta } from './meta'
import { Affinity, StringMap, Toleration } from './scheduling'

export const Container = t.intersection([
  t.type({ name: t.string }),
  t.partial({
    image: t.string,
    command: t.array(t.string),
    args: t.array(t.string),
    imagePullPolicy: t.string,
    terminationMessagePath: t.string,
    terminationMessagePolicy: t.string,
    env: t.array(t.UnknownRecord),
    ports: t.array(t.UnknownRecord),
    resources: t.UnknownRecord,
  }),
])
export type Container = t.TypeOf<typeof Container>

/** `v1.PodSpec`, the fields the controllers and the simulated kubelet read. */
export const PodSpec = t.intersection([
  t.type({ containers: t.array(Container) }),
  t.partial({
    initContainers: t.array(Container),
    ephemeralContainers: t.array(t.UnknownRecord),
    restartPolicy: t.string,
    nodeName: t.string,
    nodeSelector: t.union([StringMap, t.null]),
    affinity: t.union([Affinity, t.null]),
    tolerations: t.union([t.array(Toleration), t.null]),
    hostNetwork: t.boolean,
    hostname: t.string,
    subdomain: t.string,
    activeDeadlineSeconds: t.number,
    terminationGracePeriodSeconds: t.number,
    dnsPolicy: t.string,
    schedulerName: t.string,
    securityContext: t.UnknownRecord,
  }),
])
export type PodSpec = t.TypeOf<typeof PodSpec>

export const PodTemplateSpec = t.intersection([t.type({ spec: PodSpec }), t.partial({ metadata: ObjectMeta })])
export type PodTemplateSpec = t.TypeOf<typeof PodTemplateSpec>

export const PodCondition = t.intersection([
  t.type({ type: t.string, status: t.string }),
  t.partial({ lastTransitionTime: t.union([t.string, t.null]), reason: t.string, message: t.string }),
])
export type PodCondition = t.TypeOf<typeof PodCondition>

export const PodPhase = t.keyof({ Pending: null, Running: null, Succeeded: null, Failed: null, Unknown: null })
export type PodPhase = t.TypeOf<typeof PodPhase>

export const PodStatus = t.partial({
  phase: PodPhase,
  conditions: t.array(PodCondition),
  containerStatuses: t.array(t.UnknownRecord),
  reason: t.string,
  message: t.string,
  startTime: t.union([t.string, t.null]),
})
export type PodStatus = t.TypeOf<typeof PodStatus>

export const Pod = t.intersection([
  t.type({ metadata: ObjectMeta, spec: PodSpec }),
  t.partial({ apiVersion: t.string, kind: t.string, status: PodStatus }),
])
export type Pod = t.TypeOf<typeof Pod>
