import type { CronJob } from '../api/cronJob'
import type { Job } from '../api/job'
import { controllerOf, namespaceOf, nameOf } from '../api/meta'

/**
 * Mirrors `getJobsToBeReconciled`: the Jobs of the CronJob's namespace whose controller ownerReference names it.
 * QUIRK (kept): kind and UID are not compared and labels play no part, so a Job of a deleted-and-recreated
 * CronJob of the same name is still a child.
 */
export const childrenOf = (cronJob: CronJob, jobs: ReadonlyArray<Job>): ReadonlyArray<Job> => {
  const ns = namespaceOf(cronJob)
  const name = nameOf(cronJob)
  return jobs.filter((job) => namespaceOf(job) === ns && controllerOf(job)?.name === name)
}

/**
 * Mirrors `jobutil.FinishedCondition` / `getFinishedStatus`: the type of the first `Complete=True` or `Failed=True`
 * condition, or undefined for a Job still running (or suspended).
 */
export const finishedConditionOf = (job: Job): 'Complete' | 'Failed' | undefined => {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type
  }
  return undefined
}

/** Mirrors `jobutil.IsJobSucceeded`: some `Complete=True` condition. */
export const isJobSucceeded = (job: Job): boolean =>
  (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True')
