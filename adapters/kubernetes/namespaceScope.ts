import type { ClusterApi } from '../runtime/clusterApi'
import { isNamespaced } from './restPaths'

/**
 * Narrows every list and watch of a namespaced resource to `namespace` (Nodes stay cluster-wide),
 * so the informers, and through them the controllers, see one namespace: `--namespace`, for a
 * cluster where kuberules runs the controllers of some namespaces only.
 */
export const inNamespace = (api: ClusterApi, namespace: string): ClusterApi => ({
  ...api,
  list: (request) => api.list(isNamespaced(request.resource) ? { ...request, namespace } : request),
  watch: (request) => api.watch(isNamespaced(request.resource) ? { ...request, namespace } : request),
})
