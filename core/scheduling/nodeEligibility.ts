import type { Taint } from '../api'

/** A daemon pod should be created here if missing, and may stay: upstream `(true, true)`. */
export interface Eligible {
  readonly _tag: 'Eligible'
  readonly shouldRun: true
  readonly shouldContinueRunning: true
}

/** No new daemon pod, but a running one may stay: an untolerated `NoSchedule` taint, `(false, true)`. */
export interface ContinueOnly {
  readonly _tag: 'ContinueOnly'
  readonly shouldRun: false
  readonly shouldContinueRunning: true
  readonly taint: Taint
  readonly reason: string
}

/** Which check turned a node down. */
export type IneligibleCause = 'NodeName' | 'NodeSelector' | 'NodeAffinity' | 'Taint'

/** No daemon pod belongs here, and a running one must go: upstream `(false, false)`. */
export interface Ineligible {
  readonly _tag: 'Ineligible'
  readonly shouldRun: false
  readonly shouldContinueRunning: false
  readonly cause: IneligibleCause
  readonly reason: string
}

/** Whether a DaemonSet's pod belongs on a node, with a human reason for every "no". */
export type NodeEligibility = Eligible | ContinueOnly | Ineligible

/** The one `Eligible` value (shared, so eligible nodes cost no allocation). */
export const eligible: Eligible = Object.freeze({ _tag: 'Eligible', shouldRun: true, shouldContinueRunning: true })

/** Builds a `ContinueOnly` decision for the untolerated `NoSchedule` taint. */
export const continueOnly = (taint: Taint, reason: string): ContinueOnly => ({
  _tag: 'ContinueOnly',
  shouldRun: false,
  shouldContinueRunning: true,
  taint,
  reason,
})

/** Builds an `Ineligible` decision. */
export const ineligible = (cause: IneligibleCause, reason: string): Ineligible => ({
  _tag: 'Ineligible',
  shouldRun: false,
  shouldContinueRunning: false,
  cause,
  reason,
})
