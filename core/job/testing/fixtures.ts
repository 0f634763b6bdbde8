import { formatInstant, makeInstant, type Instant } from '../../api/instant'
import { JobKeys, type Job, type JobSpec, type JobStatus } from '../../api/job'
import type { Pod, PodCondition, PodPhase } from '../../api/pod'
import { actionsOf, type Plan } from '../../plan'

/** A fixed clock for tests: 2026-01-01T00:00:00Z. */
export const t0: Instant = makeInstant(Date.parse('2026-01-01T00:00:00Z'))
export const at = (seconds: number): Instant => makeInstant(t0 + seconds * 1000)
export const iso = (seconds: number): string => formatInstant(at(seconds))

/** `testFinishedAt` of upstream's tests: one second after Go's zero time, so no backoff applies. */
export const testFinishedAt = '0001-01-01T00:00:01Z'

export interface JobOptions extends Partial<JobSpec> {
  readonly name?: string
  readonly uid?: string
  readonly status?: JobStatus
  readonly deleting?: boolean
}

/** Upstream's `newJob(parallelism, completions, backoffLimit, mode)`; -1 leaves a field unset. */
export const aJob = (parallelism: number, completions: number, backoffLimit: number, options: JobOptions = {}): Job => {
  const { name = 'foobar', uid = 'job-uid', status, deleting, ...spec } = options
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, uid, namespace: 'default', ...(deleting === true ? { deletionTimestamp: iso(-1) } : {}) },
    spec: {
      selector: { matchLabels: { foo: 'bar' } },
      template: {
        metadata: { labels: { foo: 'bar' } },
        spec: { containers: [{ name: 'main-container', image: 'foo/bar' }], restartPolicy: 'Never' },
      },
      ...(parallelism >= 0 ? { parallelism } : {}),
      ...(completions >= 0 ? { completions } : {}),
      backoffLimit,
      completionMode: 'NonIndexed',
      ...spec,
    },
    ...(status !== undefined ? { status } : {}),
  }
}

export interface PodOptions {
  readonly phase?: PodPhase
  readonly uid?: string
  readonly name?: string
  readonly index?: string
  readonly finalizer?: boolean
  readonly deleting?: boolean | string
  readonly ready?: boolean
  readonly finishedAt?: string
  readonly failureCount?: string
  readonly ignoredCount?: string
  readonly exitCode?: number
  readonly restartCount?: number
  readonly conditions?: ReadonlyArray<PodCondition>
  readonly owned?: boolean
  readonly labels?: Readonly<Record<string, string>>
}

let podSeq = 0

/** A pod of the job: controlled by it, matching its selector, with the tracking finalizer by default. */
export const aPod = (job: Job, o: PodOptions = {}): Pod => {
  const n = podSeq++
  const name = o.name ?? o.uid ?? `pod-${n}`
  const phase = o.phase ?? 'Running'
  const terminated = phase === 'Succeeded' || phase === 'Failed' || o.exitCode !== undefined
  const containerStatus = {
    name: 'main-container',
    restartCount: o.restartCount ?? 0,
    state: terminated
      ? { terminated: { exitCode: o.exitCode ?? (phase === 'Failed' ? 1 : 0), finishedAt: o.finishedAt ?? testFinishedAt } }
      : { running: {} },
  }
  const annotations = {
    ...(o.index !== undefined ? { [JobKeys.completionIndex]: o.index } : {}),
    ...(o.failureCount !== undefined ? { [JobKeys.indexFailureCount]: o.failureCount } : {}),
    ...(o.ignoredCount !== undefined ? { [JobKeys.indexIgnoredFailureCount]: o.ignoredCount } : {}),
  }
  const conditions: PodCondition[] = [...(o.conditions ?? []), ...(o.ready === true ? [{ type: 'Ready', status: 'True' }] : [])]
  return {
    metadata: {
      name,
      uid: o.uid ?? name,
      namespace: 'default',
      labels: o.labels ?? job.spec.selector?.matchLabels ?? {},
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ...(o.owned === false
        ? {}
        : { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name ?? '', uid: job.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] }),
      ...(o.finalizer === false ? {} : { finalizers: [JobKeys.trackingFinalizer] }),
      ...(o.deleting !== undefined && o.deleting !== false ? { deletionTimestamp: typeof o.deleting === 'string' ? o.deleting : iso(-1) } : {}),
    },
    spec: { containers: [{ name: 'main-container', image: 'foo/bar' }] },
    status: { phase, containerStatuses: [containerStatus], ...(conditions.length > 0 ? { conditions } : {}) },
  }
}

/** `newPodList(count, phase, job)`. */
export const pods = (job: Job, count: number, o: PodOptions = {}): ReadonlyArray<Pod> => Array.from({ length: count }, () => aPod(job, o))

/** `setPodsStatuses`: pending, running (the first `ready` ready), succeeded, failed and terminating pods. */
export const podsByPhase = (
  job: Job,
  c: { pending?: number; active?: number; ready?: number; succeeded?: number; failed?: number; terminating?: number },
): ReadonlyArray<Pod> => [
  ...pods(job, c.pending ?? 0, { phase: 'Pending' }),
  ...Array.from({ length: c.active ?? 0 }, (_, i) => aPod(job, { phase: 'Running', ready: i < (c.ready ?? 0) })),
  ...pods(job, c.succeeded ?? 0, { phase: 'Succeeded' }),
  ...pods(job, c.failed ?? 0, { phase: 'Failed' }),
  ...pods(job, c.terminating ?? 0, { phase: 'Running', deleting: true }),
]

/** `setPodsStatusesWithIndexes`. */
export const indexedPods = (job: Job, list: ReadonlyArray<readonly [string, PodPhase]>): ReadonlyArray<Pod> =>
  list.map(([index, phase]) => aPod(job, { phase, ...(index !== '-' ? { index } : {}) }))

/** The status the last `UpdateStatus` of a plan writes (upstream's `actual`). */
export const finalStatus = (plan: Plan): JobStatus | undefined => {
  const writes = actionsOf(plan, 'UpdateStatus')
  return writes[writes.length - 1]?.status as JobStatus | undefined
}

export const statusWrites = (plan: Plan): ReadonlyArray<JobStatus> => actionsOf(plan, 'UpdateStatus').map((a) => a.status as JobStatus)

/** Conditions without their times, as upstream compares them. */
export const conditionsOf = (status: JobStatus | undefined): ReadonlyArray<{ type: string; status: string; reason: string; message: string }> =>
  (status?.conditions ?? []).map((c) => ({ type: c.type, status: c.status, reason: c.reason ?? '', message: c.message ?? '' }))

/** Finalizer-removal patches of a plan (upstream's `fakePodControl.Patches` for finalizers). */
export const finalizerPatches = (plan: Plan): number =>
  actionsOf(plan, 'UpdatePod').filter((a) => 'finalizers' in ((a.patch['metadata'] ?? {}) as object)).length
