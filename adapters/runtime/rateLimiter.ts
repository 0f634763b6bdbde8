/** How long a failed key waits before its next attempt (client-go's `workqueue.RateLimiter`). */
export interface RateLimiter {
  /** The delay for the key's next retry; each call counts one more failure. */
  when(key: string): number
  /** Clears the key's failures (after a successful sync). */
  forget(key: string): void
  /** Failures counted since the last `forget`. */
  retries(key: string): number
}

/** The controllers' per-item backoff: 5 ms doubling to 1000 s (`DefaultControllerRateLimiter`). */
export const defaultBaseDelayMs = 5
export const defaultMaxDelayMs = 1000 * 1000

/**
 * `ItemExponentialFailureRateLimiter`: base · 2^failures, capped. Upstream combines it with an
 * overall 10 qps token bucket; in virtual time that bucket only spreads retry storms, which the
 * per-item backoff already bounds, so it is left out.
 */
export const itemExponentialRateLimiter = (baseMs = defaultBaseDelayMs, maxMs = defaultMaxDelayMs): RateLimiter => {
  const failures = new Map<string, number>()
  return {
    when: (key) => {
      const n = failures.get(key) ?? 0
      failures.set(key, n + 1)
      // 2^n overflows to Infinity long after the cap is reached; Math.min keeps the cap.
      return Math.min(baseMs * 2 ** n, maxMs)
    },
    forget: (key) => {
      failures.delete(key)
    },
    retries: (key) => failures.get(key) ?? 0,
  }
}
