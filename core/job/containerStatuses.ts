import type { Pod } from '../api/pod'

/** The parts of `v1.ContainerStatus` the Job controller reads; the Pod codec keeps them as records. */
export interface ContainerStatusView {
  readonly name: string
  readonly restartCount: number
  readonly terminated?: { readonly exitCode: number; readonly finishedAt?: string }
}

const record = (v: unknown): Readonly<Record<string, unknown>> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Readonly<Record<string, unknown>>) : undefined

const view = (raw: unknown): ContainerStatusView => {
  const r = record(raw) ?? {}
  const terminated = record(record(r['state'])?.['terminated'])
  const finishedAt = terminated?.['finishedAt']
  return {
    name: typeof r['name'] === 'string' ? r['name'] : '',
    restartCount: typeof r['restartCount'] === 'number' ? r['restartCount'] : 0,
    ...(terminated !== undefined
      ? {
          terminated: {
            exitCode: typeof terminated['exitCode'] === 'number' ? terminated['exitCode'] : 0,
            ...(typeof finishedAt === 'string' ? { finishedAt } : {}),
          },
        }
      : {}),
  }
}

const list = (v: unknown): ReadonlyArray<ContainerStatusView> => (Array.isArray(v) ? v.map(view) : [])

/** `status.containerStatuses` of the app containers. */
export const containerStatusesOf = (pod: Pod): ReadonlyArray<ContainerStatusView> => list(pod.status?.containerStatuses)

/** `status.initContainerStatuses`, carried by the Pod codec as an unknown field. */
export const initContainerStatusesOf = (pod: Pod): ReadonlyArray<ContainerStatusView> =>
  list((pod.status as Readonly<Record<string, unknown>> | undefined)?.['initContainerStatuses'])
