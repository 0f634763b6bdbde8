export { settleCluster, type Settled } from './kubelet'
export { runDaemonSet, syncInterval, type Round, type RunOptions, type DaemonSetController } from './runDaemonSet'
