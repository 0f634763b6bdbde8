import * as fc from 'fast-check'
import type { Job } from '../../core/api'
import type { JobRound, JobStep } from '../invariants/jobSteps'
import { arbJob, type JobConstraints } from './job'

export interface JobHistoryConstraints extends JobConstraints {
  /** Let the controller crash part-way through some syncs (default true). */
  readonly crashes?: boolean
  readonly maxRounds?: number
  readonly maxStepsPerRound?: number
  /** Include suspend/resume edits (default true). */
  readonly suspends?: boolean
}

/** A Job and what happens to its pods, round by round. */
export interface JobHistory {
  readonly job: Job
  readonly rounds: ReadonlyArray<JobRound>
}

const pick = fc.nat({ max: 7 })

/**
 * One pod outcome (or spec edit), weighted like a busy cluster: pods mostly start and finish,
 * some fail or crash (restarts under OnFailure), a few are deleted by someone else; now and then
 * the Job is suspended, resumed or scaled.
 */
export const arbJobStep = (suspends = true): fc.Arbitrary<JobStep> =>
  fc.oneof(
    { weight: 4, arbitrary: pick.map((p): JobStep => ({ _tag: 'Start', pick: p })) },
    { weight: 3, arbitrary: pick.map((p): JobStep => ({ _tag: 'Succeed', pick: p })) },
    { weight: 2, arbitrary: pick.map((p): JobStep => ({ _tag: 'Fail', pick: p })) },
    { weight: 2, arbitrary: pick.map((p): JobStep => ({ _tag: 'Crash', pick: p })) },
    { weight: 1, arbitrary: pick.map((p): JobStep => ({ _tag: 'Delete', pick: p })) },
    { weight: 2, arbitrary: pick.map((p): JobStep => ({ _tag: 'Terminate', pick: p })) },
    { weight: suspends ? 1 : 0, arbitrary: fc.constant<JobStep>({ _tag: 'Suspend' }) },
    { weight: suspends ? 2 : 0, arbitrary: fc.constant<JobStep>({ _tag: 'Resume' }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }).map((n): JobStep => ({ _tag: 'Scale', parallelism: n })) },
  )

/** Seconds between syncs: mostly the 1 s batch period or a few seconds, sometimes long enough to outlast a backoff, a deadline or a TTL. */
export const arbAdvanceSeconds: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 15 }) },
  { weight: 2, arbitrary: fc.integer({ min: 16, max: 120 }) },
  { weight: 1, arbitrary: fc.integer({ min: 121, max: 700 }) },
)

/** How many actions of a sync's plan go through before a crash: one round in ten crashes. */
const arbCrashAfter: fc.Arbitrary<number | undefined> = fc.oneof(
  { weight: 9, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.nat({ max: 8 }) },
)

export const arbJobRound = (c: JobHistoryConstraints = {}): fc.Arbitrary<JobRound> =>
  fc
    .record({
      steps: fc.array(arbJobStep(c.suspends ?? true), { maxLength: c.maxStepsPerRound ?? 4 }),
      advanceSeconds: arbAdvanceSeconds,
      crashAfter: c.crashes === false ? fc.constant(undefined) : arbCrashAfter,
    })
    .map(({ crashAfter, ...round }): JobRound => (crashAfter === undefined ? round : { ...round, crashAfter }))

/** A generated Job with a sequence of pod-outcome rounds. */
export const arbJobHistory = (c: JobHistoryConstraints = {}): fc.Arbitrary<JobHistory> =>
  fc.record({ job: arbJob(c), rounds: fc.array(arbJobRound(c), { minLength: Math.min(5, c.maxRounds ?? 30), maxLength: c.maxRounds ?? 30 }) })
