import type { KubeObject } from '../runtime/clusterApi'
import { ageOf } from '../cli/printers/humanDuration'
import { printerOf } from '../cli/printers/kindPrinters'
import { podColumns } from '../cli/printers/podColumns'

/** kubectl asks for server-side printing with this Accept; without a Table it prints only NAME and AGE. */
export const tableMediaType = 'application/json;as=Table;v=v1;g=meta.k8s.io'

export const wantsTable = (accept: string): boolean => accept.includes('as=Table') && accept.includes('g=meta.k8s.io')

interface Column {
  readonly name: string
  readonly type: string
  readonly format: string
  readonly description: string
  readonly priority: number
}

const col = (name: string, priority = 0, format = ''): Column => ({ name, type: 'string', format, description: '', priority })

interface KindTable {
  readonly columns: ReadonlyArray<Column>
  readonly cells: (o: KubeObject, now: number) => ReadonlyArray<string>
}

type Json = Readonly<Record<string, unknown>>
const field = (o: unknown, ...path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Json)[key] : undefined), o)

/** Reuses the CLI printers' columns (the same kubectl 1.32 printers) after NAME. */
const fromPrinter = (kind: string): KindTable | undefined => {
  const p = printerOf(kind)
  if (p === undefined) return undefined
  const names = p.headers.map((h) => h.split(/[ -]/).map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(h.includes('-') ? '-' : ' '))
  return {
    columns: [col('Name', 0, 'name'), ...names.map((n) => col(n))],
    cells: (o, now) => [o.metadata.name ?? '', ...p.columns(o, now)],
  }
}

/** Pods as printPod does, with the `-o wide` columns in kubectl's order (IP before NODE). */
const pod: KindTable = {
  columns: [col('Name', 0, 'name'), col('Ready'), col('Status'), col('Restarts'), col('Age'), col('IP', 1), col('Node', 1), col('Nominated Node', 1), col('Readiness Gates', 1)],
  cells: (o, now) => {
    const [ready = '', status = '', restarts = '', age = '', node = '<none>'] = podColumns(o, now)
    const ip = field(o, 'status', 'podIP')
    const nominated = field(o, 'status', 'nominatedNodeName')
    return [o.metadata.name ?? '', ready, status, restarts, age, typeof ip === 'string' && ip !== '' ? ip : '<none>', node, typeof nominated === 'string' && nominated !== '' ? nominated : '<none>', '<none>']
  },
}

const controllerRevision: KindTable = {
  columns: [col('Name', 0, 'name'), col('Controller'), col('Revision'), col('Age')],
  cells: (o, now) => {
    const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true)
    const group = owner?.apiVersion.includes('/') === true ? `.${owner.apiVersion.split('/')[0] ?? ''}` : ''
    const controller = owner === undefined ? '<none>' : `${owner.kind.toLowerCase()}${group}/${owner.name}`
    return [o.metadata.name ?? '', controller, String(field(o, 'revision') ?? ''), ageOf(o.metadata.creationTimestamp, now)]
  },
}

const namespace: KindTable = {
  columns: [col('Name', 0, 'name'), col('Status'), col('Age')],
  cells: (o, now) => [o.metadata.name ?? '', String(field(o, 'status', 'phase') ?? ''), ageOf(o.metadata.creationTimestamp, now)],
}

/** `kubectl get events` (printEvent): ages from the last occurrence, the object as `kind/name`. */
const event: KindTable = {
  columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Message')],
  cells: (o, now) => {
    const last = field(o, 'lastTimestamp') ?? field(o, 'eventTime') ?? o.metadata.creationTimestamp
    const kind = String(field(o, 'involvedObject', 'kind') ?? '').toLowerCase()
    return [ageOf(last, now), String(field(o, 'type') ?? ''), String(field(o, 'reason') ?? ''), `${kind}/${String(field(o, 'involvedObject', 'name') ?? '')}`, String(field(o, 'message') ?? '')]
  },
}

// The apiserver's default table for kinds without a printer.
const generic: KindTable = {
  columns: [col('Name', 0, 'name'), col('Age')],
  cells: (o, now) => [o.metadata.name ?? '', ageOf(o.metadata.creationTimestamp, now)],
}

const tables: ReadonlyMap<string, KindTable> = new Map(
  [
    ['Pod', pod],
    ['Node', fromPrinter('Node')],
    ['DaemonSet', fromPrinter('DaemonSet')],
    ['Job', fromPrinter('Job')],
    ['CronJob', fromPrinter('CronJob')],
    ['ControllerRevision', controllerRevision],
    ['Namespace', namespace],
    ['Event', event],
  ].flatMap(([k, t]) => (t === undefined ? [] : [[k as string, t as KindTable] as const])),
)

const tableOf = (kind: string): KindTable => tables.get(kind) ?? generic

/** `row.object`: kubectl needs the metadata for `-A`'s NAMESPACE, `--show-labels` and `-L`. */
const rowObject = (o: KubeObject, includeObject: string): unknown =>
  includeObject === 'Object'
    ? o
    : includeObject === 'None'
      ? undefined
      : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata }

export interface TableOptions {
  readonly kind: string
  readonly now: number
  readonly resourceVersion: string
  readonly includeObject: string
  /** Watches send the definitions only with their first event, as the apiserver does. */
  readonly withColumns: boolean
}

/** A `meta.k8s.io/v1` Table of `objects`, cells formatted as kubectl prints them. */
export const toTable = (objects: ReadonlyArray<KubeObject>, options: TableOptions): unknown => {
  const t = tableOf(options.kind)
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion },
    columnDefinitions: options.withColumns ? t.columns : [],
    rows: objects.map((o) => {
      const object = rowObject(o, options.includeObject)
      return { cells: t.cells(o, options.now), ...(object !== undefined ? { object } : {}) }
    }),
  }
}
