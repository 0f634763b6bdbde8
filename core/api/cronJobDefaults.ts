import type { CronJob } from './cronJob'
import { syntheticUid, withIdentity } from './identity'
import { defaultPodTemplate } from './podDefaults'

/**
 * batch/v1 `SetDefaults_CronJob` (Allow, not suspended, keep 3 succeeded and 1 failed Job) plus the
 * pod-template defaults of the Job template. The Job's own defaults are applied when a Job is made.
 */
/** Active references written without a uid name Jobs that got their uid from `syntheticUid`; give them the same. */
const withActiveUids = (status: NonNullable<CronJob['status']>, cj: CronJob): NonNullable<CronJob['status']> => {
  const active = status.active
  if (active == null || active.every((ref) => ref.uid !== undefined)) return status
  const ns = cj.metadata.namespace ?? 'default'
  return { ...status, active: active.map((ref) => (ref.uid !== undefined ? ref : { ...ref, uid: syntheticUid(ref.namespace ?? ns, ref.name ?? '') })) }
}

export const defaultCronJob = (cj: CronJob): CronJob => ({
  ...cj,
  ...(cj.status !== undefined ? { status: withActiveUids(cj.status, cj) } : {}),
  apiVersion: cj.apiVersion ?? 'batch/v1',
  kind: cj.kind ?? 'CronJob',
  metadata: withIdentity(cj.metadata),
  spec: {
    ...cj.spec,
    concurrencyPolicy: cj.spec.concurrencyPolicy === undefined || cj.spec.concurrencyPolicy === '' ? 'Allow' : cj.spec.concurrencyPolicy,
    suspend: cj.spec.suspend ?? false,
    successfulJobsHistoryLimit: cj.spec.successfulJobsHistoryLimit ?? 3,
    failedJobsHistoryLimit: cj.spec.failedJobsHistoryLimit ?? 1,
    jobTemplate: {
      ...cj.spec.jobTemplate,
      spec: { ...cj.spec.jobTemplate.spec, template: defaultPodTemplate(cj.spec.jobTemplate.spec.template) },
    },
  },
})
