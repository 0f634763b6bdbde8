export type { CronError } from './cronError'
export type { EverySchedule, Schedule, SpecSchedule } from './schedule'
export { parseSchedule } from './parseSchedule'
export { parseStandard } from './parseStandard'
export { DEFAULT_TIME_ZONE, nextAfter } from './nextAfter'
export { nextTimes } from './nextTimes'
export { loadLocation } from './loadLocation'
export { isValidTimeZone, validateTimeZone } from './validateTimeZone'
export {
  invalidScheduleError,
  mostRecentScheduleTime,
  type InvalidScheduleError,
  type MissedSchedules,
  type ScheduleInput,
  type ScheduleWindow,
} from './mostRecentScheduleTime'
export { nextScheduleTime, TOO_MANY_MISSED_MESSAGE, type NextSchedule } from './nextScheduleTime'
export { NEXT_SCHEDULE_DELTA_MS, nextScheduleTimeDuration } from './nextScheduleTimeDuration'
