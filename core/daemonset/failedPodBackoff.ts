import type { DaemonSet, Instant } from '../api'

/** One entry of client-go's `flowcontrol.Backoff`: the current delay and when it last grew. */
export interface BackoffEntry {
  readonly delayMs: number
  readonly lastUpdate: Instant
}

/** The failed-pod backoff memory, keyed `<ds uid>/<observedGeneration>/<node>`. */
export type FailedPodBackoff = Readonly<Record<string, BackoffEntry>>

/** kube-controller-manager's settings: 1 s doubling to 15 min. */
export const backoffInitialMs = 1000
export const backoffMaxMs = 15 * 60 * 1000

/** Mirrors `failedPodsBackoffKey`: a new observedGeneration starts a fresh backoff. */
export const failedPodsBackoffKey = (ds: DaemonSet, nodeName: string): string =>
  `${ds.metadata.uid ?? ''}/${ds.status?.observedGeneration ?? 0}/${nodeName}`

const expired = (entry: BackoffEntry, now: Instant): boolean => now - entry.lastUpdate > 2 * backoffMaxMs

/** `IsInBackOffSinceUpdate`: still waiting iff less than the current delay passed since the last failure. */
export const isInBackoff = (backoff: FailedPodBackoff, key: string, now: Instant): boolean => {
  const entry = backoff[key]
  return entry !== undefined && !expired(entry, now) && now - entry.lastUpdate < entry.delayMs
}

export const backoffDelayMs = (backoff: FailedPodBackoff, key: string): number => backoff[key]?.delayMs ?? 0

/** `Backoff.Next`: a new or expired entry starts at the initial delay, otherwise the delay doubles up to the cap. */
export const nextBackoff = (backoff: FailedPodBackoff, key: string, now: Instant): FailedPodBackoff => {
  const entry = backoff[key]
  const delayMs =
    entry === undefined || expired(entry, now) ? backoffInitialMs : Math.min(entry.delayMs * 2, backoffMaxMs)
  return { ...backoff, [key]: { delayMs, lastUpdate: now } }
}
