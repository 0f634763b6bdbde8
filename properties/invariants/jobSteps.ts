import { addSeconds, formatInstant, type Instant, type Job, type Pod, type PodCondition } from '../../core/api'

/**
 * What happens to a Job's pods between two syncs, as the kubelet, users and the eviction API
 * do it. `pick` chooses among the pods a step applies to (modulo their number), so any step
 * sequence is valid whatever pods exist; with no candidate a step does nothing.
 */
export type JobStep =
  | { readonly _tag: 'Start'; readonly pick: number }
  | { readonly _tag: 'Succeed'; readonly pick: number }
  | { readonly _tag: 'Fail'; readonly pick: number }
  /** The container exits non-zero: restartPolicy OnFailure restarts it (restartCount + 1), Never fails the pod. */
  | { readonly _tag: 'Crash'; readonly pick: number }
  /** Someone other than the controller deletes the pod (kubectl delete, eviction, preemption). */
  | { readonly _tag: 'Delete'; readonly pick: number }
  /** The kubelet (or PodGC for an unbound pod) finishes a terminating pod: Failed, exit 143. */
  | { readonly _tag: 'Terminate'; readonly pick: number }
  | { readonly _tag: 'Suspend' }
  | { readonly _tag: 'Resume' }
  /** Someone edits `spec.parallelism` (mutable on a running Job). */
  | { readonly _tag: 'Scale'; readonly parallelism: number }

/** A round of the history: steps, then the clock moves on, then the controller syncs. */
export interface JobRound {
  readonly steps: ReadonlyArray<JobStep>
  readonly advanceSeconds: number
  /**
   * The controller crashes during this round's sync after this many of its plan's actions went
   * through (the rest never happen), and restarts with no backoff record.
   */
  readonly crashAfter?: number
}

const phaseOf = (pod: Pod): string => pod.status?.phase ?? 'Pending'
const isDeleting = (pod: Pod): boolean => pod.metadata.deletionTimestamp != null
const isTerminalPod = (pod: Pod): boolean => phaseOf(pod) === 'Succeeded' || phaseOf(pod) === 'Failed'

const candidates: Readonly<Record<Exclude<JobStep['_tag'], 'Suspend' | 'Resume' | 'Scale'>, (pod: Pod) => boolean>> = {
  Start: (p) => phaseOf(p) === 'Pending' && !isDeleting(p),
  // A short pod may finish before any sync saw it Running.
  Succeed: (p) => !isTerminalPod(p),
  Fail: (p) => !isTerminalPod(p),
  Crash: (p) => phaseOf(p) === 'Running' && !isDeleting(p),
  Delete: (p) => !isTerminalPod(p) && !isDeleting(p),
  Terminate: (p) => !isTerminalPod(p) && isDeleting(p),
}

const readyCondition = (status: 'True' | 'False', at: Instant): PodCondition => ({ type: 'Ready', status, lastTransitionTime: formatInstant(at) })

const containerName = (pod: Pod): string => pod.spec.containers[0]?.name ?? 'main'
const restartsOf = (pod: Pod): number => {
  const n = pod.status?.containerStatuses?.[0]?.['restartCount']
  return typeof n === 'number' ? n : 0
}

const finish = (pod: Pod, phase: 'Succeeded' | 'Failed', exitCode: number, at: Instant): Pod => ({
  ...pod,
  spec: { ...pod.spec, nodeName: pod.spec.nodeName ?? 'node-1' },
  status: {
    ...pod.status,
    phase,
    conditions: [readyCondition('False', at)],
    containerStatuses: [
      {
        name: containerName(pod),
        restartCount: restartsOf(pod),
        ready: false,
        state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', finishedAt: formatInstant(at) } },
      },
    ],
  },
})

const run = (pod: Pod, at: Instant, restartCount: number): Pod => ({
  ...pod,
  spec: { ...pod.spec, nodeName: pod.spec.nodeName ?? 'node-1' },
  status: {
    ...pod.status,
    phase: 'Running',
    conditions: [readyCondition('True', at)],
    containerStatuses: [{ name: containerName(pod), restartCount, ready: true, state: { running: { startedAt: formatInstant(at) } } }],
  },
})

/** Deletion as the pod registry does it: a grace period for bound pods, at once for unbound ones unless finalizers hold them. */
const deleteByUser = (pod: Pod, at: Instant): Pod | undefined => {
  const grace = (pod.spec.nodeName ?? '') === '' ? 0 : (pod.spec.terminationGracePeriodSeconds ?? 30)
  if (grace === 0 && (pod.metadata.finalizers ?? []).length === 0) return undefined
  return { ...pod, metadata: { ...pod.metadata, deletionTimestamp: formatInstant(addSeconds(at, grace)), deletionGracePeriodSeconds: grace } }
}

const changePod = (pod: Pod, step: JobStep, job: Job, at: Instant): Pod | undefined => {
  switch (step._tag) {
    case 'Start':
      return run(pod, at, 0)
    case 'Succeed':
      return finish(pod, 'Succeeded', 0, at)
    case 'Fail':
      return finish(pod, 'Failed', 1, at)
    case 'Crash':
      return job.spec.template.spec.restartPolicy === 'OnFailure' ? run(pod, at, restartsOf(pod) + 1) : finish(pod, 'Failed', 1, at)
    case 'Delete':
      return deleteByUser(pod, at)
    case 'Terminate':
      return finish(pod, 'Failed', 143, at)
    default:
      return pod
  }
}

/** The API server's end of a deletion: a deleting pod without finalizers goes once it is terminal or was never bound. */
export const collectDeletedPods = (pods: ReadonlyArray<Pod>): ReadonlyArray<Pod> =>
  pods.filter((p) => !(isDeleting(p) && (p.metadata.finalizers ?? []).length === 0 && (isTerminalPod(p) || (p.spec.nodeName ?? '') === '')))

/** Applies one step at `at` to the Job and its pods. Pure. */
export const applyJobStep = (job: Job, pods: ReadonlyArray<Pod>, step: JobStep, at: Instant): { readonly job: Job; readonly pods: ReadonlyArray<Pod> } => {
  if (step._tag === 'Suspend' || step._tag === 'Resume') {
    return { job: { ...job, spec: { ...job.spec, suspend: step._tag === 'Suspend' } }, pods }
  }
  if (step._tag === 'Scale') return { job: { ...job, spec: { ...job.spec, parallelism: step.parallelism } }, pods }
  const eligible = pods.filter(candidates[step._tag])
  const chosen = eligible[step.pick % Math.max(1, eligible.length)]
  if (chosen === undefined) return { job, pods }
  const next = pods.flatMap((p) => {
    if (p !== chosen) return [p]
    const changed = changePod(p, step, job, at)
    return changed === undefined ? [] : [changed]
  })
  return { job, pods: collectDeletedPods(next) }
}

/** A one-line description of a step, for counterexamples. */
export const describeJobStep = (step: JobStep): string =>
  'pick' in step ? `${step._tag}#${step.pick}` : step._tag === 'Scale' ? `Scale(${step.parallelism})` : step._tag
