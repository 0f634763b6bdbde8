import { merge, type Observable } from 'rxjs'
import type { CronJob, Job } from '../../../core/api'
import { reconcileCronJob } from '../../../core/cronjob'
import { flatMapArray } from '../flatMapArray'
import { defineController, enqueue, type Trigger } from '../controller'
import type { InformerEvent } from '../informer'
import { objectKey } from '../objectCache'
import { controlledByName, IndexNames } from '../sharedInformers'
import { controllerKeyOf, controllerRefChanged, isReplay } from './ownership'

/**
 * The CronJob controller (pkg/controller/cronjob, v2) on the loop: CronJob events queue the
 * CronJob, a Job's events queue the CronJob that controls it (orphans are not adopted), and
 * `reconcileCronJob` runs; its Requeue for the next slot + 100 ms is the delaying queue's
 * `AddAfter`. It keeps no memory between syncs. The reducer is given the Jobs whose controller
 * has the CronJob's name (an index), not every Job of the namespace: those are all it reads
 * (`getJobsToBeReconciled` picks by that name), so a sync costs what one CronJob owns. The one
 * difference: a Job of someone else that already has a slot's name is met as the create's
 * AlreadyExists (and retried with backoff) rather than skipped.
 */
export const cronJobController = defineController<undefined>({
  name: 'cronjob-controller',
  kind: 'CronJob',
  workers: 5,
  podControlEvents: { created: false, deleted: false },
  create: ({ informers, now }) => {
    const cronJobs = informers.cronJobs()
    const jobs = informers.jobs()
    const cache = cronJobs.cache

    const onCronJob = (e: InformerEvent<CronJob>): ReadonlyArray<Trigger> =>
      e.type === 'Updated' && isReplay(e.old, e.object) ? [] : [enqueue(objectKey(e.object))]

    const ownerOf = (job: Job): string | undefined => controllerKeyOf(job, 'CronJob', cache)
    const onJob = (e: InformerEvent<Job>): ReadonlyArray<Trigger> => {
      const owner = ownerOf(e.object)
      if (e.type !== 'Updated') return owner === undefined ? [] : [enqueue(owner)]
      if (isReplay(e.old, e.object)) return []
      const out: Trigger[] = []
      const before = ownerOf(e.old)
      if (before !== undefined && controllerRefChanged(e.old, e.object)) out.push(enqueue(before))
      if (owner !== undefined) out.push(enqueue(owner))
      return out
    }

    const triggers$: Observable<Trigger> = merge(cronJobs.events$.pipe(flatMapArray(onCronJob)), jobs.events$.pipe(flatMapArray(onJob)))

    return {
      triggers$,
      keys: () => cache.list().map(objectKey),
      sync: (key) => {
        const cronJob = cache.get(key)
        if (cronJob === undefined) return { _tag: 'Gone' }
        const children = jobs.cache.byIndex(IndexNames.controllerName, controlledByName(cronJob.metadata.namespace ?? '', cronJob.metadata.name ?? ''))
        return { _tag: 'Planned', plan: reconcileCronJob({ cronJob, jobs: children, now: now() }), memory: undefined }
      },
    }
  },
})
