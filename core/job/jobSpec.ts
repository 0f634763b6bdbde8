import { JobKeys, JobKind, maxInt32, type Job } from '../api/job'
import { nameOf, namespaceOf, type ObjectRef, type OwnerRef } from '../api/meta'

/** Reads of a Job's spec with the API server's defaults applied, so undefaulted input still reconciles. */
export const parallelismOf = (job: Job): number => job.spec.parallelism ?? 1

/** `spec.completions`; undefined means work-queue mode (an unset pair defaults to 1/1). */
export const completionsOf = (job: Job): number | undefined =>
  job.spec.completions ?? (job.spec.parallelism == null ? 1 : undefined)

export const backoffLimitOf = (job: Job): number =>
  job.spec.backoffLimit ?? (job.spec.backoffLimitPerIndex != null ? maxInt32 : 6)

export const isIndexedJob = (job: Job): boolean => job.spec.completionMode === 'Indexed'

/** The completions an Indexed job indexes against (validation guarantees they are set). */
export const indexedCompletionsOf = (job: Job): number => job.spec.completions ?? 0

export const hasBackoffLimitPerIndex = (job: Job): boolean => isIndexedJob(job) && job.spec.backoffLimitPerIndex != null

export const isSuspended = (job: Job): boolean => job.spec.suspend === true

export const isJobBeingDeleted = (job: Job): boolean => job.metadata.deletionTimestamp != null

/** `onlyReplaceFailedPods`: podReplacementPolicy Failed, which a podFailurePolicy forces. */
export const onlyReplaceFailedPods = (job: Job): boolean =>
  job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy != null

/** `managedByExternalController`: a managedBy other than the built-in controller. */
export const isManagedExternally = (job: Job): boolean =>
  job.spec.managedBy != null && job.spec.managedBy !== JobKeys.jobControllerName

export const jobRef = (job: Job): ObjectRef => ({ kind: JobKind.kind, namespace: namespaceOf(job), name: nameOf(job) })

export const jobOwner = (job: Job): OwnerRef => ({ ...jobRef(job), uid: job.metadata.uid ?? '' })
