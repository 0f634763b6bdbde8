/**
 * A Kubernetes-compatible HTTP API over the embedded cluster's store, for real kubectl and
 * @kubernetes/client-node: version, discovery, OpenAPI stub, REST, watch, Tables, Status errors.
 */
export { startApiServer, type ApiServer, type ApiServerOptions } from './server'
export { servedResources, versionInfo, type ServedResource } from './discovery'
export { startRealTimeClock, type RealTimeClock } from './realTime'
export { kubeconfigYaml } from './kubeconfig'
