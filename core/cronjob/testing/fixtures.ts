import type { CronJob } from '../../api/cronJob'
import type { Job, JobSpec } from '../../api/job'
import { formatInstant } from '../../api/instant'
import { actionsOf, type Plan } from '../../plan'

/** Upstream's test clock: `justBeforeTheHour()` and friends of cronjob_controllerv2_test.go, as epoch ms. */
export const at = (iso: string): number => Date.parse(iso)
export const justBeforeThePriorHour = at('2016-05-19T08:59:00Z')
export const justAfterThePriorHour = at('2016-05-19T09:01:00Z')
export const justASecondBeforeTheHour = at('2016-05-19T09:59:59Z')
export const justBeforeTheHour = at('2016-05-19T09:59:00Z')
export const topOfTheHour = at('2016-05-19T10:00:00Z')
export const justAfterTheHour = at('2016-05-19T10:01:00Z')
export const justBeforeTheNextHour = at('2016-05-19T10:59:00Z')
export const weekAfterTheHour = at('2016-05-26T10:00:00Z')

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE

/** Upstream's `jobSpec()`: one completion, one pod, a labelled template. */
export const jobSpec = (): JobSpec => ({
  parallelism: 1,
  completions: 1,
  template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'foo/bar' }], restartPolicy: 'OnFailure' } },
})

/** Upstream's `cronJob()`: mycronjob in snazzycats, every minute, Allow, created just before the hour. */
export const cronJob = (spec: Partial<CronJob['spec']> = {}, status?: CronJob['status']): CronJob => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'mycronjob', namespace: 'snazzycats', uid: '1a2b3c', creationTimestamp: formatInstant(justBeforeTheHour) },
  spec: {
    schedule: '* * * * ?',
    concurrencyPolicy: 'Allow',
    jobTemplate: { metadata: { labels: { a: 'b' }, annotations: { x: 'y' } }, spec: jobSpec() },
    ...spec,
  },
  ...(status !== undefined ? { status } : {}),
})

/** A Job that finished with this condition at `completedAt`, started at `startedAt`. */
export const finished = (job: Job, condition: 'Complete' | 'Failed', completedAt: number, startedAt?: number): Job => ({
  ...job,
  status: {
    ...(startedAt !== undefined ? { startTime: formatInstant(startedAt) } : {}),
    ...(condition === 'Complete' ? { completionTime: formatInstant(completedAt) } : {}),
    conditions: [{ type: condition, status: 'True' }],
  },
})

/** The parts of a plan upstream's table asserts on. */
export const summary = (plan: Plan) => {
  const events = actionsOf(plan, 'RecordEvent')
  const status = actionsOf(plan, 'UpdateStatus')[0]?.status as CronJob['status'] | undefined
  return {
    creates: actionsOf(plan, 'CreateJob').map((a) => (a.job['metadata'] as { name: string }).name),
    deletes: actionsOf(plan, 'DeleteJob').map((a) => a.name),
    events: events.map((e) => e.reason),
    warnings: events.filter((e) => e.eventType === 'Warning').map((e) => e.reason),
    status,
    requeueMs: actionsOf(plan, 'Requeue').map((a) => Math.round(a.afterSeconds * 1000))[0],
  }
}
