import type { Instant } from '../api/instant'
import type { Pod } from '../api/pod'
import { indexAbsoluteFailureCountOf } from './completionIndex'
import { finishedTimeOf } from './finishedTime'

/** `DefaultJobPodFailureBackOff` and `MaxJobPodFailureBackOff` (the docs' 6 min is the pre-1.28 cap). */
export const podFailureBackoffBaseSeconds = 10
export const podFailureBackoffMaxSeconds = 600

/**
 * The controller's in-memory `backoffRecord`: consecutive failures since the last success and
 * when the latest of them finished. Not part of the Job; the caller keeps it between syncs.
 */
export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number
  readonly lastFailureTime?: Instant
}

export const emptyBackoffRecord: BackoffRecord = { failuresAfterLastSuccess: 0 }

const sortedFinishTimes = (pods: ReadonlyArray<Pod>): ReadonlyArray<Instant> =>
  pods.map(finishedTimeOf).sort((a, b) => a - b)

/**
 * Mirrors `backoffStore.newBackoffRecord`: failures extend the record, any success resets it,
 * and with both only failures strictly after the latest success count (ties favour success).
 */
export const nextBackoffRecord = (
  previous: BackoffRecord,
  newSucceeded: ReadonlyArray<Pod>,
  newFailed: ReadonlyArray<Pod>,
): BackoffRecord => {
  const failures = sortedFinishTimes(newFailed)
  const lastFailure = failures[failures.length - 1]
  if (newSucceeded.length === 0) {
    if (lastFailure === undefined) return previous
    return { failuresAfterLastSuccess: previous.failuresAfterLastSuccess + failures.length, lastFailureTime: lastFailure }
  }
  const successes = sortedFinishTimes(newSucceeded)
  const lastSuccess = successes[successes.length - 1] ?? (0 as Instant)
  const after = failures.filter((t) => t > lastSuccess)
  const latest = after[after.length - 1]
  return latest === undefined ? emptyBackoffRecord : { failuresAfterLastSuccess: after.length, lastFailureTime: latest }
}

/** `getRemainingTimeForFailuresCount`: min(base·2^(n−1), cap) minus the time since the last failure, in ms. */
export const remainingBackoffMs = (
  failures: number,
  lastFailureTime: Instant | undefined,
  now: Instant,
  baseMs = podFailureBackoffBaseSeconds * 1000,
  maxMs = podFailureBackoffMaxSeconds * 1000,
): number => {
  if (failures <= 0 || lastFailureTime === undefined) return 0
  let delay = baseMs
  for (let i = 1; i < failures; i++) {
    delay *= 2
    if (delay >= maxMs) {
      delay = maxMs
      break
    }
  }
  const elapsed = now - lastFailureTime
  return delay < elapsed ? 0 : delay - elapsed
}

/** `backoffRecord.getRemainingTime`: how long pod creation stays deferred, in ms. */
export const remainingBackoffOf = (record: BackoffRecord, now: Instant): number =>
  remainingBackoffMs(record.failuresAfterLastSuccess, record.lastFailureTime, now)

/** `getRemainingTimePerIndex`: the delay before an index's replacement, from its last failed pod. */
export const remainingIndexBackoffMs = (lastFailedPod: Pod | undefined, now: Instant): number =>
  lastFailedPod === undefined
    ? 0
    : remainingBackoffMs(indexAbsoluteFailureCountOf(lastFailedPod) + 1, finishedTimeOf(lastFailedPod), now)
