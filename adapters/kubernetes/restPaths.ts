import type { GroupVersionResource, ResourceScope } from '../runtime/clusterApi'

/** Cluster-scoped resources among those kuberules reads or writes; every other resource is namespaced. */
const clusterScoped: ReadonlySet<string> = new Set(['nodes', 'namespaces', 'persistentvolumes', 'storageclasses', 'priorityclasses'])

export const isNamespaced = (r: GroupVersionResource): boolean => !(r.group === '' && clusterScoped.has(r.resource))

const groupVersionPath = (r: GroupVersionResource): string => (r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`)

/**
 * The REST path of a collection (no name) or of one object, as the apiserver lays them out. An
 * object of a namespaced resource without a namespace is in `default`; a collection without one
 * spans every namespace.
 */
export const restPath = (scope: ResourceScope, name?: string, subresource?: string): string => {
  const { resource } = scope
  const namespace = isNamespaced(resource) ? (scope.namespace ?? (name !== undefined ? 'default' : undefined)) : undefined
  const parts = [
    groupVersionPath(resource),
    ...(namespace !== undefined && namespace !== '' ? ['namespaces', encodeURIComponent(namespace)] : []),
    resource.resource,
    ...(name !== undefined ? [encodeURIComponent(name)] : []),
    ...(subresource !== undefined ? [subresource] : []),
  ]
  return parts.join('/')
}
