import { controllerOf, JobKeys, type Job, type JobStatus, type Pod } from '../../core/api'
import { actionsOf } from '../../core/plan'
import type { JobSyncRecord } from './jobWorld'

/**
 * Readers of Jobs and pods for the Job invariants, written from the reference (job.md §1.4,
 * §10) rather than taken from core/job, so that a reducer bug cannot hide in a shared helper.
 */

export const statusOf = (job: Job): JobStatus => job.status ?? {}
export const isTrue = (status: JobStatus, type: string): boolean => (status.conditions ?? []).some((c) => c.type === type && c.status === 'True')
export const conditionOf = (status: JobStatus, type: string) => (status.conditions ?? []).find((c) => c.type === type && c.status === 'True')
export const isFinished = (status: JobStatus): boolean => isTrue(status, 'Complete') || isTrue(status, 'Failed')
export const phaseOf = (pod: Pod): string => pod.status?.phase ?? 'Pending'
export const isTerminal = (pod: Pod): boolean => phaseOf(pod) === 'Succeeded' || phaseOf(pod) === 'Failed'
export const isActivePod = (pod: Pod): boolean => !isTerminal(pod) && pod.metadata.deletionTimestamp == null
export const holdsFinalizer = (pod: Pod): boolean => (pod.metadata.finalizers ?? []).includes(JobKeys.trackingFinalizer)
export const uid = (pod: Pod): string => pod.metadata.uid ?? ''
export const ownedPods = (job: Job, pods: ReadonlyArray<Pod>): ReadonlyArray<Pod> => pods.filter((p) => controllerOf(p)?.uid === job.metadata.uid)
export const isIndexed = (job: Job): boolean => job.spec.completionMode === 'Indexed'
/** `uncountedTerminatedPods` as sets. */
export const listsOf = (status: JobStatus) => ({
  succeeded: new Set(status.uncountedTerminatedPods?.succeeded ?? []),
  failed: new Set(status.uncountedTerminatedPods?.failed ?? []),
})
/** The statuses one sync goes through: the one it read, then each write that took effect. */
export const statusSequence = (r: JobSyncRecord): ReadonlyArray<JobStatus> => [
  statusOf(r.input.job),
  ...actionsOf(r.applied, 'UpdateStatus').map((a) => a.status as JobStatus),
]
/** Reference §1.4: failed for accounting. Only phase Failed when only failed pods are replaced. */
export const isFailedForAccounting = (job: Job, pod: Pod): boolean => {
  if (phaseOf(pod) === 'Failed') return true
  const onlyFailed = job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy != null
  return !onlyFailed && pod.metadata.deletionTimestamp != null && phaseOf(pod) !== 'Succeeded'
}
/** Indexes listed in a completedIndexes string (small Jobs only). */
export const completedIndexSet = (text: string | undefined): ReadonlySet<number> =>
  new Set(
    (text ?? '')
      .split(',')
      .filter((p) => p !== '')
      .flatMap((part) => {
        const [a = '', b = a] = part.split('-')
        return Array.from({ length: Number(b) - Number(a) + 1 }, (_, k) => Number(a) + k)
      }),
  )
export const indexOf = (pod: Pod): number => Number(pod.metadata.annotations?.[JobKeys.completionIndex] ?? NaN)

