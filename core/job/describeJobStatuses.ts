import type { Job } from '../api/job'
import type { Pod } from '../api/pod'

/**
 * The value of kubectl describe's `Pods Statuses:` line (describe.go): `<a> Active (<r> Ready) /
 * <s> Succeeded / <f> Failed`, or without the Ready part when `status.ready` is unset. Like
 * kubectl it reads the Job's status only; the pods are accepted for callers that have them.
 */
export const describeJobStatuses = (job: Job, _pods: ReadonlyArray<Pod> = []): string => {
  const status = job.status ?? {}
  const active = status.active ?? 0
  const tail = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`
  return status.ready == null ? `${active} Active / ${tail}` : `${active} Active (${status.ready} Ready) / ${tail}`
}
