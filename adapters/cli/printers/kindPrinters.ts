import type { KubeObject } from '../../runtime/clusterApi'
import { ageOf, humanDuration } from './humanDuration'
import { podColumns, podHeaders } from './podColumns'

/** How `kubectl get` prints one kind: the resource name it shows (`job.batch/pi`) and the columns after NAME. */
export interface KindPrinter {
  readonly kind: string
  /** As `kubectl get` names the resource in mixed listings and commands: `daemonset.apps`. */
  readonly resource: string
  /** The plural used in a summary's `kubectl get <plural>` line. */
  readonly plural: string
  readonly namespaced: boolean
  readonly headers: ReadonlyArray<string>
  readonly columns: (object: KubeObject, now: number) => ReadonlyArray<string>
}

type Json = Readonly<Record<string, unknown>>
const field = (o: unknown, ...path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Json)[key] : undefined), o)
const num = (v: unknown): number => (typeof v === 'number' ? v : 0)
const conditionTrue = (o: KubeObject, type: string): boolean =>
  ((field(o, 'status', 'conditions') as ReadonlyArray<{ type?: string; status?: string }> | undefined) ?? []).some((c) => c.type === type && c.status === 'True')

/** `labels.FormatLabels`: `k=v` pairs sorted by key, or `<none>`. */
const formatLabels = (labels: unknown): string => {
  const entries = Object.entries((labels ?? {}) as Readonly<Record<string, string>>).sort(([a], [b]) => (a < b ? -1 : 1))
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',')
}

const nodePrinter: KindPrinter = {
  kind: 'Node',
  resource: 'node',
  plural: 'nodes',
  namespaced: false,
  headers: ['STATUS', 'ROLES', 'AGE', 'VERSION'],
  columns: (o, now) => {
    const ready = ((field(o, 'status', 'conditions') as ReadonlyArray<{ type?: string; status?: string }> | undefined) ?? []).find((c) => c.type === 'Ready')
    let status = ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown'
    if (field(o, 'spec', 'unschedulable') === true) status += ',SchedulingDisabled'
    const roles = Object.keys(o.metadata.labels ?? {})
      .flatMap((k) => (k.startsWith('node-role.kubernetes.io/') ? [k.slice('node-role.kubernetes.io/'.length)] : []))
      .concat(typeof o.metadata.labels?.['kubernetes.io/role'] === 'string' ? [o.metadata.labels['kubernetes.io/role']] : [])
      .filter((r) => r !== '')
      .sort()
    const version = field(o, 'status', 'nodeInfo', 'kubeletVersion')
    return [status, roles.length === 0 ? '<none>' : roles.join(','), ageOf(o.metadata.creationTimestamp, now), typeof version === 'string' ? version : '']
  },
}

const daemonSetPrinter: KindPrinter = {
  kind: 'DaemonSet',
  resource: 'daemonset.apps',
  plural: 'daemonsets',
  namespaced: true,
  headers: ['DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  columns: (o, now) => [
    ...['desiredNumberScheduled', 'currentNumberScheduled', 'numberReady', 'updatedNumberScheduled', 'numberAvailable'].map((k) => String(num(field(o, 'status', k)))),
    formatLabels(field(o, 'spec', 'template', 'spec', 'nodeSelector')),
    ageOf(o.metadata.creationTimestamp, now),
  ],
}

/** The STATUS column of `kubectl get jobs` (1.32): terminal conditions first, then deletion, suspension, interim conditions. */
const jobStatus = (o: KubeObject): string => {
  if (conditionTrue(o, 'Complete')) return 'Complete'
  if (conditionTrue(o, 'Failed')) return 'Failed'
  if (o.metadata.deletionTimestamp != null) return 'Terminating'
  if (conditionTrue(o, 'Suspended')) return 'Suspended'
  if (conditionTrue(o, 'FailureTarget')) return 'FailureTarget'
  if (conditionTrue(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet'
  return 'Running'
}

const jobPrinter: KindPrinter = {
  kind: 'Job',
  resource: 'job.batch',
  plural: 'jobs',
  namespaced: true,
  headers: ['STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  columns: (o, now) => {
    const succeeded = num(field(o, 'status', 'succeeded'))
    const completions = field(o, 'spec', 'completions')
    const parallelism = field(o, 'spec', 'parallelism')
    const done =
      typeof completions === 'number'
        ? `${succeeded}/${completions}`
        : typeof parallelism === 'number' && parallelism > 1
          ? `${succeeded}/1 of ${parallelism}`
          : `${succeeded}/1`
    const start = field(o, 'status', 'startTime')
    const end = field(o, 'status', 'completionTime')
    const duration = typeof start !== 'string' ? '' : humanDuration((typeof end === 'string' ? Date.parse(end) : now) - Date.parse(start))
    return [jobStatus(o), done, duration, ageOf(o.metadata.creationTimestamp, now)]
  },
}

const cronJobPrinter: KindPrinter = {
  kind: 'CronJob',
  resource: 'cronjob.batch',
  plural: 'cronjobs',
  namespaced: true,
  headers: ['SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  columns: (o, now) => {
    const suspend = field(o, 'spec', 'suspend')
    const timeZone = field(o, 'spec', 'timeZone')
    const last = field(o, 'status', 'lastScheduleTime')
    return [
      String(field(o, 'spec', 'schedule') ?? ''),
      typeof timeZone === 'string' ? timeZone : '<none>',
      typeof suspend === 'boolean' ? (suspend ? 'True' : 'False') : '<unset>',
      String(((field(o, 'status', 'active') as ReadonlyArray<unknown> | undefined) ?? []).length),
      typeof last === 'string' ? ageOf(last, now) : '<none>',
      ageOf(o.metadata.creationTimestamp, now),
    ]
  },
}

const podPrinter: KindPrinter = { kind: 'Pod', resource: 'pod', plural: 'pods', namespaced: true, headers: podHeaders, columns: podColumns }

/** The kinds a timeline and a summary show, in the summary's order. */
export const kindPrinters: ReadonlyArray<KindPrinter> = [nodePrinter, daemonSetPrinter, jobPrinter, cronJobPrinter, podPrinter]

export const printerOf = (kind: string): KindPrinter | undefined => kindPrinters.find((p) => p.kind === kind)
