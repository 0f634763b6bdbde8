/**
 * A parsed CronJob schedule: robfig/cron's `SpecSchedule` (field sets) or `ConstantDelaySchedule` (`@every`).
 * Plain readonly data, so it can be logged, compared and serialised.
 */
export type Schedule = SpecSchedule | EverySchedule

/** Mirrors robfig/cron v3 `SpecSchedule`: the allowed values of each field, ascending. */
export interface SpecSchedule {
  readonly _tag: 'SpecSchedule'
  /** The expression as written. */
  readonly source: string
  /** Always `[0]` for the five-field dialect; kept so robfig's own six-field tests can be ported. */
  readonly seconds: ReadonlyArray<number>
  readonly minutes: ReadonlyArray<number>
  readonly hours: ReadonlyArray<number>
  readonly daysOfMonth: ReadonlyArray<number>
  readonly months: ReadonlyArray<number>
  /** 0 = Sunday … 6 = Saturday. */
  readonly daysOfWeek: ReadonlyArray<number>
  /**
   * robfig's star bit: the field was written with `*` or `?` (unstepped or step 1, alone or in a list).
   * If either day field has it, a day must match both fields; otherwise either field suffices.
   */
  readonly daysOfMonthStar: boolean
  readonly daysOfWeekStar: boolean
  /** Zone from a `TZ=`/`CRON_TZ=` prefix; it overrides the zone passed to `nextAfter`. */
  readonly location?: string
}

/** Mirrors robfig/cron v3 `ConstantDelaySchedule` (`@every <duration>`): fires `delaySeconds` after the reference time. */
export interface EverySchedule {
  readonly _tag: 'EverySchedule'
  readonly source: string
  /** Whole seconds, at least 1 (robfig rounds shorter delays up and drops sub-second parts). */
  readonly delaySeconds: number
}
