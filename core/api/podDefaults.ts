import type { Container, PodSpec, PodTemplateSpec } from './pod'

/** `SetDefaults_Container`'s pull policy: `Always` for `:latest` or untagged images, else `IfNotPresent`. */
const defaultPullPolicy = (image: string | undefined): string => {
  if (image === undefined || image.includes('@')) return 'IfNotPresent'
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : ''
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

const defaultContainer = (c: Container): Container => ({
  ...c,
  imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image),
  resources: c.resources ?? {},
  terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
  terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
})

/**
 * The API server's pod-spec defaults that appear on stored workload templates (`SetDefaults_PodSpec`
 * and `SetDefaults_Container`). Idempotent, so objects read from a real cluster are unchanged.
 */
export const defaultPodSpec = (spec: PodSpec): PodSpec => ({
  ...spec,
  containers: spec.containers.map(defaultContainer),
  ...(spec.initContainers !== undefined ? { initContainers: spec.initContainers.map(defaultContainer) } : {}),
  restartPolicy: spec.restartPolicy ?? 'Always',
  dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
  terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
  schedulerName: spec.schedulerName ?? 'default-scheduler',
  securityContext: spec.securityContext ?? {},
})

export const defaultPodTemplate = (template: PodTemplateSpec): PodTemplateSpec => ({
  ...template,
  spec: defaultPodSpec(template.spec),
})
