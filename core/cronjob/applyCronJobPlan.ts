import { formatInstant } from '../api/instant'
import type { CronJob, CronJobStatus } from '../api/cronJob'
import type { Job } from '../api/job'
import { syntheticUid } from '../api/identity'
import { namespaceOf, nameOf } from '../api/meta'
import type { Plan } from '../plan'

/** A CronJob and the Jobs of its namespace, as an API server holds them between syncs. */
export interface CronJobWorld {
  readonly cronJob: CronJob
  readonly jobs: ReadonlyArray<Job>
}

/**
 * Applies a CronJob plan as an API server would, for simulations and tests: `CreateJob` stores the Job (uid from
 * the manifest, else `syntheticUid` as for any object created without one; creationTimestamp `now`; empty status)
 * unless the name is taken, `DeleteJob` removes it at once (background propagation leaves the Pods to the garbage
 * collector), `UpdateStatus` of this CronJob replaces its status. Events and requeues change nothing. Pure.
 */
export const applyCronJobPlan = (world: CronJobWorld, plan: Plan, now: number): CronJobWorld => {
  let { cronJob, jobs } = world
  const key = (namespace: string, name: string): string => `${namespace}/${name}`
  for (const action of plan.actions) {
    switch (action.type) {
      case 'CreateJob': {
        const job = action.job as Job
        const ns = job.metadata.namespace ?? action.owner.namespace
        const name = nameOf(job)
        if (jobs.some((j) => key(namespaceOf(j), nameOf(j)) === key(ns, name))) break
        const metadata = { ...job.metadata, namespace: ns, uid: job.metadata.uid ?? syntheticUid(ns, name), creationTimestamp: formatInstant(now) }
        jobs = [...jobs, { ...job, metadata, status: {} }]
        break
      }
      case 'DeleteJob':
        jobs = jobs.filter((j) => key(namespaceOf(j), nameOf(j)) !== key(action.namespace, action.name))
        break
      case 'UpdateStatus':
        if (action.target.kind === 'CronJob' && action.target.name === nameOf(cronJob) && action.target.namespace === namespaceOf(cronJob)) {
          cronJob = { ...cronJob, status: action.status as CronJobStatus }
        }
        break
      default:
        break
    }
  }
  return { cronJob, jobs }
}
