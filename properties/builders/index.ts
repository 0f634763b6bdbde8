export { aNode, aDaemonSet, aDaemonPod, type DaemonSetOptions, type PodOptions } from './objects'
