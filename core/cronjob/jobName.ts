/**
 * Mirrors `getJobName`/`getTimeHashInMinutes` in kubernetes pkg/controller/cronjob: `<cronjob>-<unix minutes of the
 * slot>`, in UTC whatever the time zone. The name is the lock against a second Job for the same slot.
 */
export const jobName = (cronJobName: string, scheduledTime: number): string =>
  // Go: Unix() floors to seconds, then integer division truncates toward zero (matters only before 1970).
  `${cronJobName}-${Math.trunc(Math.floor(scheduledTime / 1000) / 60)}`
