import { formatInstant, type Instant } from '../../api/instant'
import type { Job, JobStatus } from '../../api/job'
import { namespaceOf, nameOf } from '../../api/meta'
import type { Pod } from '../../api/pod'
import type { Plan } from '../../plan'

const key = (namespace: string, name: string): string => `${namespace}/${name}`

/**
 * Emulates the API server between syncs for tests: status writes replace the status, created pods
 * get a name and uid (Pending), deletes set `deletionTimestamp` (or remove pods without
 * finalizers), merge patches replace the patched metadata fields, and a deleting pod whose last
 * finalizer goes is removed. Pure: returns the next job and pods.
 */
export const applyJobPlan = (job: Job, pods: ReadonlyArray<Pod>, plan: Plan, now: Instant, seq: number): { job: Job; pods: Pod[] } => {
  let status: JobStatus | undefined = job.status
  let next: Pod[] = [...pods]
  let created = 0
  const replace = (ns: string, name: string, f: (p: Pod) => Pod | undefined): void => {
    next = next.flatMap((p) => {
      if (key(namespaceOf(p), nameOf(p)) !== key(ns, name)) return [p]
      const q = f(p)
      return q === undefined ? [] : [q]
    })
  }
  for (const action of plan.actions) {
    switch (action.type) {
      case 'UpdateStatus':
        status = action.status as JobStatus
        break
      case 'CreatePod': {
        const name = `${action.pod.metadata.generateName ?? ''}s${seq}x${created++}`
        next.push({
          ...action.pod,
          metadata: { ...action.pod.metadata, name, uid: name, creationTimestamp: formatInstant(now) },
          status: { phase: 'Pending' },
        })
        break
      }
      case 'DeletePod':
        replace(action.namespace, action.name, (p) =>
          (p.metadata.finalizers ?? []).length === 0 ? undefined : { ...p, metadata: { ...p.metadata, deletionTimestamp: formatInstant(now) } },
        )
        break
      case 'UpdatePod':
        replace(action.namespace, action.name, (p) => {
          const patch = (action.patch['metadata'] ?? {}) as Record<string, unknown>
          const metadata = { ...p.metadata } as Record<string, unknown>
          for (const [k, v] of Object.entries(patch)) {
            if (v === null) delete metadata[k]
            else metadata[k] = v
          }
          const q = { ...p, metadata: metadata as Pod['metadata'] }
          return q.metadata.deletionTimestamp != null && (q.metadata.finalizers ?? []).length === 0 ? undefined : q
        })
        break
      default:
        break
    }
  }
  return { job: { ...job, ...(status !== undefined ? { status } : {}) }, pods: next }
}
