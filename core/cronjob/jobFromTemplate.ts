import { CronJobKeys, CronJobKind, type CronJob } from '../api/cronJob'
import { JobKind, type Job } from '../api/job'
import { controllerRef, namespaceOf, nameOf } from '../api/meta'
import { jobName } from './jobName'
import { formatRfc3339InZone } from './scheduledTimestamp'

/**
 * Mirrors `getJobFromTemplate2`: the Job for one slot, named `<cronjob>-<unix minutes>`, with the template's labels
 * and annotations, the `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation (the slot in `spec.timeZone`,
 * UTC when unset), the CronJob as controller owner, and a deep copy of the template's JobSpec, not defaulted (the
 * API server defaults it). Deviation: no `creationTimestamp` (upstream sends the slot; the server overwrites it).
 */
export const jobFromTemplate = (cj: CronJob, scheduledTime: number): Job => {
  const template = cj.spec.jobTemplate
  const labels = template.metadata?.labels ?? {}
  const annotations = {
    ...(template.metadata?.annotations ?? {}),
    [CronJobKeys.scheduledTimestamp]: formatRfc3339InZone(scheduledTime, cj.spec.timeZone ?? undefined),
  }
  return {
    apiVersion: JobKind.apiVersion,
    kind: JobKind.kind,
    metadata: {
      name: jobName(nameOf(cj), scheduledTime),
      namespace: namespaceOf(cj),
      // Go's omitempty: an empty label map is not sent.
      ...(Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
      annotations,
      ownerReferences: [controllerRef(CronJobKind.apiVersion, CronJobKind.kind, cj)],
    },
    spec: structuredClone(template.spec),
  }
}
