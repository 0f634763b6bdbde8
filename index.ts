/**
 * kuberules: the Kubernetes workload controllers as a declarative rules engine.
 *
 * The three reducers answer "given this desired and actual state, what must happen now?":
 *
 * ```ts
 * import { reconcileDaemonSet } from 'kuberules'
 * const plan = reconcileDaemonSet({ daemonSet, nodes, pods, revisions, now })
 * ```
 *
 * Each area is also exported as a namespace (`api`, `scheduling`, `history`, `daemonset`, `job`,
 * `cron`, `cronjob`, `plan`, `snapshot`, `machines`, `properties`, `memory`, `runtime`, `http`,
 * `kubernetes`): the embedded cluster, the controller loop, its Kubernetes-compatible HTTP API,
 * and the same loop on a real cluster through @kubernetes/client-node (loaded on first use).
 */
export { reconcileDaemonSet, decideDaemonSet, type DaemonSetInput } from './core/daemonset'
export { reconcileJob, nextJobBackoff, type JobInput } from './core/job'
export { reconcileCronJob } from './core/cronjob'
export { decodeManifest, formatManifestError, type Manifest } from './core/api'
export { planSnapshot, snapshotOf, applyPlan } from './core/snapshot'
export type { Action, Plan } from './core/plan'

export * as api from './core/api'
export * as labels from './core/labels'
export * as scheduling from './core/scheduling'
export * as history from './core/history'
export * as daemonset from './core/daemonset'
export * as job from './core/job'
export * as cron from './core/cron'
export * as cronjob from './core/cronjob'
export * as plan from './core/plan'
export * as snapshot from './core/snapshot'
export * as machines from './machines'
export * as properties from './properties'
export * as memory from './adapters/memory'
export * as runtime from './adapters/runtime'
export * as http from './adapters/http'
export * as kubernetes from './adapters/kubernetes'
