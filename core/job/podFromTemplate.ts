import { JobKeys, JobKind, type Job } from '../api/job'
import { controllerRef, namespaceOf, nameOf } from '../api/meta'
import type { Container, Pod } from '../api/pod'
import { generateNameWithIndex } from './completionIndex'

/** Index-specific parts of a pod: the index and, with backoffLimitPerIndex, the inherited counts. */
export interface PodIndexing {
  readonly index: number
  readonly failureCounts?: { readonly failures: number; readonly ignored: number }
}

const indexEnv = {
  name: JobKeys.completionIndexEnv,
  valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JobKeys.completionIndex}']` } },
}

/** `addCompletionIndexEnvVariable`: appended unless the container already defines it. */
const withIndexEnv = (c: Container): Container =>
  (c.env ?? []).some((e) => e['name'] === JobKeys.completionIndexEnv) ? c : { ...c, env: [...(c.env ?? []), indexEnv] }

const indexAnnotations = (indexing: PodIndexing): Readonly<Record<string, string>> => {
  const counts = indexing.failureCounts
  return {
    [JobKeys.completionIndex]: String(indexing.index),
    ...(counts !== undefined ? { [JobKeys.indexFailureCount]: String(counts.failures) } : {}),
    ...(counts !== undefined && counts.ignored > 0 ? { [JobKeys.indexIgnoredFailureCount]: String(counts.ignored) } : {}),
  }
}

/**
 * The pod `manageJob` creates (`GetPodFromTemplate` plus the Job additions): template labels,
 * annotations and spec, the tracking finalizer, a controller owner reference to the Job, and
 * `generateName` `<job>-` (the API server appends five random characters). Indexed pods also get
 * the index annotation and label, `JOB_COMPLETION_INDEX`, hostname `<job>-<index>` and
 * `generateName` `<job>-<index>-`.
 */
export const podFromTemplate = (job: Job, indexing?: PodIndexing): Pod => {
  const template = job.spec.template
  const meta = template.metadata ?? {}
  const finalizers = meta.finalizers ?? []
  const spec = indexing === undefined
    ? template.spec
    : {
        ...template.spec,
        containers: template.spec.containers.map(withIndexEnv),
        ...(template.spec.initContainers !== undefined ? { initContainers: template.spec.initContainers.map(withIndexEnv) } : {}),
        hostname: `${nameOf(job)}-${indexing.index}`,
      }
  const labels = { ...meta.labels, ...(indexing !== undefined ? { [JobKeys.completionIndex]: String(indexing.index) } : {}) }
  const annotations = { ...meta.annotations, ...(indexing !== undefined ? indexAnnotations(indexing) : {}) }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: indexing === undefined ? `${nameOf(job)}-` : generateNameWithIndex(nameOf(job), indexing.index),
      namespace: namespaceOf(job),
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      finalizers: finalizers.includes(JobKeys.trackingFinalizer) ? finalizers : [...finalizers, JobKeys.trackingFinalizer],
      ownerReferences: [controllerRef(JobKind.apiVersion, JobKind.kind, job)],
    },
    spec,
  }
}
