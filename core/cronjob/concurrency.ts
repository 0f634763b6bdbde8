import type { ObjectReference } from '../api/cronJob'
import type { CronJob } from '../api/cronJob'

/** `spec.concurrencyPolicy` after defaulting (`Allow` when unset). */
export const concurrencyPolicyOf = (cj: CronJob): string => cj.spec.concurrencyPolicy ?? 'Allow'

/**
 * Whether a due slot may start a Job while `activeCount` Jobs run: only `Forbid` with a running Job says no.
 * Mirrors the guard of step (k) in `syncCronJob`; any value other than Forbid and Replace acts as Allow, as upstream.
 */
export const allowsNewRun = (policy: string, activeCount: number): boolean => policy !== 'Forbid' || activeCount === 0

/** Whether starting a Job first deletes the running ones: `Replace` with a running Job (step (l)). */
export const replacesActive = (policy: string, activeCount: number): boolean => policy === 'Replace' && activeCount > 0

/** What concurrencyPolicy makes of a due, unprocessed slot. */
export type ConcurrencyDecision =
  | { readonly _tag: 'Create' }
  | { readonly _tag: 'Skip' }
  | { readonly _tag: 'Replace'; readonly jobs: ReadonlyArray<ObjectReference> }

/** Reference §5's table: Allow creates, Forbid skips while a Job runs, Replace deletes every running Job first. */
export const decideConcurrency = (policy: string, active: ReadonlyArray<ObjectReference>): ConcurrencyDecision => {
  if (!allowsNewRun(policy, active.length)) return { _tag: 'Skip' }
  return replacesActive(policy, active.length) ? { _tag: 'Replace', jobs: active } : { _tag: 'Create' }
}

/**
 * Whether a slot can still start at `now` under `startingDeadlineSeconds`: the window is (now − deadline, now], so
 * a slot starts only while `now < slot + deadline` (a deadline of 0 never starts anything). No deadline: always.
 */
export const isWithinStartingDeadline = (scheduledTime: number, startingDeadlineSeconds: number | null | undefined, now: number): boolean =>
  startingDeadlineSeconds == null || now < scheduledTime + startingDeadlineSeconds * 1000
