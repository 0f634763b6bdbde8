import type { ObjectBody } from '../../adapters/runtime/clusterApi'
import { simAnnotations } from '../../machines/pod/podLifecycle'
import { namespace, taintKey, type ConcurrencyPolicy } from './world'

export const nodeManifest = (name: string): ObjectBody => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
  status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
})

export interface DaemonSetShape {
  readonly image: string
  /** Tolerates the model's taint key (both effects), so tainted nodes stay eligible. */
  readonly tolerant: boolean
  /** maxSurge 1 / maxUnavailable 0 instead of the default maxSurge 0 / maxUnavailable 1. */
  readonly surge: boolean
}

export const daemonSetManifest = (name: string, shape: DaemonSetShape): ObjectBody => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name, namespace },
  spec: {
    selector: { matchLabels: { ds: name } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: shape.surge ? { maxSurge: 1, maxUnavailable: 0 } : { maxSurge: 0, maxUnavailable: 1 } },
    template: {
      metadata: { labels: { ds: name } },
      spec: {
        containers: [{ name: 'main', image: shape.image }],
        ...(shape.tolerant ? { tolerations: [{ key: taintKey, operator: 'Exists' }] } : {}),
      },
    },
  },
})

export interface JobShape {
  readonly parallelism: number
  readonly completions: number
  /** Seconds each pod runs (the simulated kubelet's run-seconds annotation). */
  readonly runSeconds: number
}

const jobSpec = (shape: JobShape, labels: Readonly<Record<string, string>>) => ({
  parallelism: shape.parallelism,
  completions: shape.completions,
  backoffLimit: 6,
  template: {
    metadata: { labels, annotations: { [simAnnotations.runSeconds]: String(shape.runSeconds) } },
    spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox' }] },
  },
})

export const jobManifest = (name: string, shape: JobShape): ObjectBody => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace },
  spec: jobSpec(shape, { job: name }),
})

export const cronJobManifest = (name: string, policy: ConcurrencyPolicy, runSeconds: number): ObjectBody => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name, namespace },
  spec: {
    // Every minute, with runs that may outlast the minute, so the concurrency policy matters.
    schedule: '*/1 * * * *',
    concurrencyPolicy: policy,
    successfulJobsHistoryLimit: 2,
    failedJobsHistoryLimit: 1,
    jobTemplate: { spec: jobSpec({ parallelism: 1, completions: 1, runSeconds }, { cron: name }) },
  },
})
