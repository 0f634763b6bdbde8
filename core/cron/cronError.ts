/**
 * Why Kubernetes refuses a schedule, with its exact texts.
 * - `Required`: the schedule is empty (API validation).
 * - `Unparseable`: robfig/cron's `ParseStandard` failed; `message` is robfig's error.
 * - `TimeZoneInSchedule`: the schedule contains `TZ` (API validation forbids `TZ=`/`CRON_TZ=` on create).
 */
export interface CronError {
  readonly _tag: 'CronError'
  readonly reason: 'Required' | 'Unparseable' | 'TimeZoneInSchedule'
  readonly schedule: string
  /** The first problem's detail text, e.g. `end of range (7) above maximum (6): 7`. */
  readonly message: string
  /** Every problem as kubectl prints it, e.g. `spec.schedule: Invalid value: "0 0 * * 7": end of range …`. */
  readonly fieldErrors: ReadonlyArray<string>
}

/** Builds a {@link CronError}. */
export const cronError = (
  reason: CronError['reason'],
  schedule: string,
  message: string,
  fieldErrors: ReadonlyArray<string>,
): CronError => ({ _tag: 'CronError', reason, schedule, message, fieldErrors })
