import { defaultContainer as withContainerDefaults, withEach, type Json } from './containerDefaults'
import type { Container, Pod, PodSpec, PodTemplateSpec } from './pod'
import { defaultVolume } from './volumeDefaults'

/** `SetDefaults_Container`'s pull policy: `Always` for `:latest` or untagged images, else `IfNotPresent`. */
const defaultPullPolicy = (image: string | undefined): string => {
  if (image === undefined || image.includes('@')) return 'IfNotPresent'
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : ''
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

/**
 * The API server's pod-spec defaults that appear on stored workload templates (`SetDefaults_PodSpec`
 * and `SetDefaults_Container`). Idempotent, so objects read from a real cluster are unchanged.
 */
export const defaultPodSpec = (spec: PodSpec): PodSpec => {
  const out: PodSpec = {
    ...spec,
    containers: spec.containers.map(defaultContainer),
    ...(spec.initContainers !== undefined ? { initContainers: spec.initContainers.map(defaultContainer) } : {}),
    restartPolicy: spec.restartPolicy ?? 'Always',
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    securityContext: spec.securityContext ?? {},
  }
  const withVolumes = withEach(out as Json, 'volumes', defaultVolume)
  // v1's conversion keeps the deprecated `serviceAccount` equal to `serviceAccountName` (either one given fills both).
  const account = withVolumes['serviceAccountName'] ?? withVolumes['serviceAccount']
  return (typeof account === 'string' && account !== '' ? { ...withVolumes, serviceAccountName: account, serviceAccount: account } : withVolumes) as PodSpec
}

const defaultContainer = (c: Container): Container => withContainerDefaults(c, defaultPullPolicy)

/** With host networking every container port is also a host port (`defaultHostNetworkPorts`). */
const hostPorts = (c: Container): Container => withEach(c as Json, 'ports', (p) => (p['hostPort'] === undefined || p['hostPort'] === 0 ? { ...p, hostPort: p['containerPort'] } : p)) as Container

/** Requests default to limits for the resources that have a limit and no request (pods only, not templates). */
const requestsFromLimits = (c: Container): Container => {
  const resources = (c.resources ?? {}) as { readonly limits?: Json; readonly requests?: Json }
  if (resources.limits === undefined || resources.limits === null) return c
  return { ...c, resources: { ...resources, requests: { ...resources.limits, ...resources.requests } } }
}

/**
 * `SetDefaults_Pod` on top of the pod-spec defaults: what only a Pod gets, not a workload's
 * template (upstream keeps new defaults here so that templates, and their hashes, do not change).
 */
export const defaultPod = (pod: Pod): Pod => {
  const spec = defaultPodSpec(pod.spec)
  const hostNetwork = spec.hostNetwork === true
  const perContainer = (c: Container): Container => requestsFromLimits(hostNetwork ? hostPorts(c) : c)
  const initContainers = spec.initContainers?.map(perContainer)
  return {
    ...pod,
    spec: {
      ...spec,
      containers: spec.containers.map(perContainer),
      ...(initContainers !== undefined ? { initContainers } : {}),
      ...((spec as Json)['enableServiceLinks'] === undefined ? { enableServiceLinks: true } : {}),
    } as PodSpec,
  }
}

export const defaultPodTemplate = (template: PodTemplateSpec): PodTemplateSpec => ({
  ...template,
  spec: defaultPodSpec(template.spec),
})
