/**
 * The real-cluster adapter: `ClusterApi` over @kubernetes/client-node 1.x, the write guard the
 * controllers use against a cluster they share, and what `kuberules control` and `diff` build on.
 *
 *   const connection = connect('~/.kube/config', 'kube-system')      // Either<string, Connection>
 *   const manager = await startClusterControllers({ api, controllers: builtinControllers, log })
 */
export { kubernetesClusterApi, type KubernetesClusterApiOptions } from './kubernetesClusterApi'
export { loadKubeConfig, type LoadedKubeConfig } from './kubeConfig'
export { connect, defaultKubeconfigPath, type Connection } from './connect'
export { inNamespace } from './namespaceScope'
export { guardWrites } from './guardWrites'
export { decideChildWrite, decideCreate, decideStatusWrite, isKnownOwner, type ChildWrite, type OwnershipView, type WriteVerdict } from './ownership'
export { loggedWrites } from './loggedWrites'
export { apiEventSink, type ApiEventSinkOptions } from './apiEventSink'
export { startClusterControllers, type ClusterControllersOptions } from './clusterControllers'
export { readSnapshot, type ReadSnapshot } from './readSnapshot'
export { differencesOf, describeChange, diffText, diffDocument, type ChangeAction, type ObjectDifference } from './clusterDiff'
