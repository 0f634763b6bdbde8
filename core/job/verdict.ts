import type { DeletePodReason } from '../plan'

/**
 * A terminal decision of one sync. `FailureTarget` ends in `Failed`, `SuccessCriteriaMet` in
 * `Complete`, both with the same reason and message once no pod is left terminating.
 */
export interface Verdict {
  readonly _tag: 'FailureTarget' | 'SuccessCriteriaMet'
  readonly reason: string
  readonly message: string
  /** The interim condition is already in the Job's status (decided by an earlier sync). */
  readonly recorded: boolean
}

export const failureVerdict = (reason: string, message: string, recorded = false): Verdict => ({
  _tag: 'FailureTarget',
  reason,
  message,
  recorded,
})

export const successVerdict = (reason: string, message: string, recorded = false): Verdict => ({
  _tag: 'SuccessCriteriaMet',
  reason,
  message,
  recorded,
})

/** The `DeletePod` reason when a verdict deletes the remaining active pods. */
export const deleteReasonFor = (verdict: Verdict): DeletePodReason => {
  if (verdict._tag === 'SuccessCriteriaMet') return verdict.reason === 'SuccessPolicy' ? 'SuccessPolicy' : 'Succeeded'
  switch (verdict.reason) {
    case 'BackoffLimitExceeded':
    case 'DeadlineExceeded':
    case 'PodFailurePolicy':
    case 'MaxFailedIndexesExceeded':
      return verdict.reason
    case 'FailedIndexes':
      return 'FailedIndex'
    default:
      return 'Failed'
  }
}
