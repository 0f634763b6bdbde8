import type { Instant } from '../../core/api'

/** `containerBackOffPeriod` in pkg/kubelet/kubelet.go: the first CrashLoopBackOff delay. */
export const containerBackOffPeriodSeconds = 10
/** `MaxContainerBackOff` (pkg/kubelet/apis/config/v1beta1): the cap on the delay. */
export const maxContainerBackOffSeconds = 300

/**
 * The kubelet's per-container entry in its `flowcontrol.Backoff`: the current delay and when it
 * was last moved (which is when the container was last started).
 */
export interface BackOffEntry {
  readonly seconds: number
  readonly updatedAt: Instant
}

/**
 * `hasExpired` in client-go flowcontrol: an entry not moved for more than twice the cap (10 min)
 * counts as stable, so the next failure starts over at 10 s.
 */
const hasExpired = (eventTime: Instant, entry: BackOffEntry): boolean =>
  eventTime - entry.updatedAt > 2 * maxContainerBackOffSeconds * 1000

/**
 * `Backoff.IsInBackOffSince(key, finishedAt)` as `doBackOff` in pkg/kubelet/kuberuntime calls it:
 * true while fewer than `entry.seconds` have passed since the container finished. With no entry
 * yet (the first crash) it is false, so the kubelet restarts a container at once after its first
 * exit and backs off only from the second (kubernetes/kubernetes#133472).
 */
export const isInBackOff = (entry: BackOffEntry | undefined, finishedAt: Instant, now: Instant): boolean =>
  entry !== undefined && !hasExpired(finishedAt, entry) && now - finishedAt < entry.seconds * 1000

/** `Backoff.Next(key, finishedAt)` at a restart: 10 s for a new or expired entry, else doubled up to 300 s. */
export const nextBackOff = (entry: BackOffEntry | undefined, finishedAt: Instant, now: Instant): BackOffEntry =>
  entry === undefined || hasExpired(finishedAt, entry)
    ? { seconds: containerBackOffPeriodSeconds, updatedAt: now }
    : { seconds: Math.min(entry.seconds * 2, maxContainerBackOffSeconds), updatedAt: now }

/** Go's `time.Duration.String()` for whole seconds: `10s`, `1m20s`, `5m0s`, `1h0m0s`. */
export const formatGoDuration = (totalSeconds: number): string => {
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  if (h > 0) return `${h}h${m}m${s}s`
  if (m > 0) return `${m}m${s}s`
  return `${s}s`
}
