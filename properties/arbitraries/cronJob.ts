import * as fc from 'fast-check'
import { defaultCronJob, formatInstant, type CronJob } from '../../core/api'

/** The knobs of a generated CronJob; the template is the seed's hello Job. */
export interface CronJobShape {
  readonly schedule: string
  readonly timeZone?: string
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace'
  readonly startingDeadlineSeconds?: number
  readonly suspend: boolean
  readonly successfulJobsHistoryLimit?: number
  readonly failedJobsHistoryLimit?: number
}

/** Where generated CronJobs start: created at this instant, as the seed's hello CronJob. */
export const cronJobEpoch = Date.parse('2026-01-01T00:00:00Z')

/** A CronJob of the given shape, created at `createdAt`, defaulted as the API server stores it. */
export const cronJobFromShape = (shape: CronJobShape, createdAt: number = cronJobEpoch): CronJob =>
  defaultCronJob({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'uid-hello', creationTimestamp: formatInstant(createdAt) },
    spec: {
      schedule: shape.schedule,
      ...(shape.timeZone !== undefined ? { timeZone: shape.timeZone } : {}),
      concurrencyPolicy: shape.concurrencyPolicy,
      ...(shape.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: shape.startingDeadlineSeconds } : {}),
      suspend: shape.suspend,
      ...(shape.successfulJobsHistoryLimit !== undefined ? { successfulJobsHistoryLimit: shape.successfulJobsHistoryLimit } : {}),
      ...(shape.failedJobsHistoryLimit !== undefined ? { failedJobsHistoryLimit: shape.failedJobsHistoryLimit } : {}),
      jobTemplate: {
        spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox', args: ['/bin/sh', '-c', 'date'] }], restartPolicy: 'OnFailure' } } },
      },
    },
  })

/** Schedules the controller properties use: minutes, hours, a zone with DST, `@every`, and one that never fires. */
export const controllerSchedules: ReadonlyArray<Pick<CronJobShape, 'schedule' | 'timeZone'>> = [
  { schedule: '*/1 * * * *' },
  { schedule: '*/2 * * * *' },
  { schedule: '0 * * * *' },
  { schedule: '30 2 * * *', timeZone: 'America/New_York' },
  { schedule: '@every 3m' },
  { schedule: '0 0 31 2 *' },
]

const optional = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb })

/** A CronJob's knobs, valid by construction. */
export const arbCronJobShape = (): fc.Arbitrary<CronJobShape> =>
  fc
    .record({
      at: fc.constantFrom(...controllerSchedules),
      concurrencyPolicy: fc.constantFrom('Allow' as const, 'Forbid' as const, 'Replace' as const),
      startingDeadlineSeconds: optional(fc.constantFrom(0, 5, 30, 90, 600)),
      // One CronJob in six starts suspended (a Suspend step may resume it).
      suspend: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      successfulJobsHistoryLimit: optional(fc.integer({ min: 0, max: 3 })),
      failedJobsHistoryLimit: optional(fc.integer({ min: 0, max: 2 })),
    })
    .map(({ at, suspend, startingDeadlineSeconds, successfulJobsHistoryLimit, failedJobsHistoryLimit, concurrencyPolicy }) => ({
      ...at,
      concurrencyPolicy,
      suspend,
      ...(startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds } : {}),
      ...(successfulJobsHistoryLimit !== undefined ? { successfulJobsHistoryLimit } : {}),
      ...(failedJobsHistoryLimit !== undefined ? { failedJobsHistoryLimit } : {}),
    }))

/**
 * What happens to a CronJob between two syncs; every step is followed by one sync at the new time.
 * - `Wake`: the controller's requeue fires (the last plan's `Requeue`, or a minute when there was none).
 * - `Advance`: the clock jumps (downtime, or an informer event at an arbitrary moment).
 * - `Finish`: a running Job (the `pick`-th, modulo) completes or fails a few seconds from now.
 * - `Delete`: someone deletes a running Job.
 * - `Suspend`: `spec.suspend` is edited.
 */
export type CronJobStep =
  | { readonly _tag: 'Wake' }
  | { readonly _tag: 'Advance'; readonly seconds: number }
  | { readonly _tag: 'Finish'; readonly pick: number; readonly condition: 'Complete' | 'Failed'; readonly seconds: number }
  | { readonly _tag: 'Delete'; readonly pick: number }
  | { readonly _tag: 'Suspend'; readonly suspend: boolean }

export const arbCronJobStep = (): fc.Arbitrary<CronJobStep> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant<CronJobStep>({ _tag: 'Wake' }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 * 3600 }).map((seconds): CronJobStep => ({ _tag: 'Advance', seconds })) },
    {
      weight: 4,
      arbitrary: fc
        .record({ pick: fc.nat(5), condition: fc.constantFrom('Complete' as const, 'Failed' as const), seconds: fc.integer({ min: 0, max: 50 }) })
        .map((r): CronJobStep => ({ _tag: 'Finish', ...r })),
    },
    { weight: 1, arbitrary: fc.nat(5).map((pick): CronJobStep => ({ _tag: 'Delete', pick })) },
    { weight: 1, arbitrary: fc.boolean().map((suspend): CronJobStep => ({ _tag: 'Suspend', suspend })) },
  )

/** A CronJob and what happens to it. */
export interface CronJobScenario {
  readonly shape: CronJobShape
  readonly steps: ReadonlyArray<CronJobStep>
}

export const arbCronJobScenario = (maxSteps = 30): fc.Arbitrary<CronJobScenario> =>
  fc.record({ shape: arbCronJobShape(), steps: fc.array(arbCronJobStep(), { minLength: 1, maxLength: maxSteps }) })

/**
 * For the machine-versus-reducer property: slots every `periodMinutes` (aligned to the hour), and what happens in
 * between. `Tick` wakes the controller `offsetSeconds` after the slot `slots` periods ahead (more than one: the
 * controller was down); `Finish`/`Delete` hit a running Job at a `fraction` of the time left before the next slot,
 * so the machine hears of every slot (through `schedule.due`) before anything happens after it.
 */
export type ConcurrencyStep =
  | { readonly _tag: 'Tick'; readonly slots: number; readonly offsetSeconds: number }
  | { readonly _tag: 'Finish'; readonly pick: number; readonly condition: 'Complete' | 'Failed'; readonly fraction: number }
  | { readonly _tag: 'Delete'; readonly pick: number; readonly fraction: number }

export interface ConcurrencyScenario {
  readonly periodMinutes: 1 | 2 | 5
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace'
  readonly startingDeadlineSeconds?: number
  readonly steps: ReadonlyArray<ConcurrencyStep>
}

const arbFraction = fc.integer({ min: 0, max: 90 }).map((n) => n / 100)

export const arbConcurrencyScenario = (maxSteps = 25): fc.Arbitrary<ConcurrencyScenario> =>
  fc
    .record({
      periodMinutes: fc.constantFrom(1 as const, 2 as const, 5 as const),
      concurrencyPolicy: fc.constantFrom('Allow' as const, 'Forbid' as const, 'Replace' as const),
      startingDeadlineSeconds: optional(fc.constantFrom(0, 1, 20, 45, 150)),
      steps: fc.array(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .record({ slots: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) }), offsetSeconds: fc.constantFrom(0.1, 0.1, 3, 25, 55) })
              .map((r): ConcurrencyStep => ({ _tag: 'Tick', ...r })),
          },
          {
            weight: 3,
            arbitrary: fc
              .record({ pick: fc.nat(3), condition: fc.constantFrom('Complete' as const, 'Failed' as const), fraction: arbFraction })
              .map((r): ConcurrencyStep => ({ _tag: 'Finish', ...r })),
          },
          { weight: 1, arbitrary: fc.record({ pick: fc.nat(3), fraction: arbFraction }).map((r): ConcurrencyStep => ({ _tag: 'Delete', ...r })) },
        ),
        { minLength: 1, maxLength: maxSteps },
      ),
    })
    .map(({ startingDeadlineSeconds, ...rest }) => ({ ...rest, ...(startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds } : {}) }))
