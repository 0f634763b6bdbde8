import type { KubeObject } from '../../runtime/clusterApi'
import { elapsed } from './humanDuration'
import { printerOf, type KindPrinter } from './kindPrinters'

/** One change, at the virtual time it happened. */
export interface TimelineEvent {
  readonly time: number
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
  readonly object: KubeObject
}

const padding = 3
const lead = ['TIME', 'EVENT', 'NAMESPACE', 'NAME'] as const
/** Columns that move with the clock alone; a change only to these is not a change worth a line. */
const clockColumns: ReadonlySet<string> = new Set(['AGE', 'DURATION', 'LAST SCHEDULE'])

interface Row {
  readonly printer: KindPrinter
  readonly cells: ReadonlyArray<string>
}

const signatureOf = (printer: KindPrinter, type: string, cells: ReadonlyArray<string>): string =>
  JSON.stringify([type === 'DELETED', ...cells.filter((_, i) => !clockColumns.has(printer.headers[i] ?? '')).map((c) => c.replace(/ \(.* ago\)$/, ''))])

const width = (s: string): number => [...s].length

/**
 * `kubectl get -A -w --output-watch-events` over several kinds at once, with the virtual time
 * (since `start`) in front: one line per change of a Node, DaemonSet, Job, CronJob or Pod, named
 * `kind/name` as mixed listings name them, and a header for each kind where it first appears.
 * A MODIFIED event that changes none of the printed columns (only ages, or fields not shown,
 * such as a status' observedGeneration) prints no line; `-o json` has every event.
 */
export const printTimeline = (events: ReadonlyArray<TimelineEvent>, start: number): string => {
  const rows: Row[] = []
  const seenKinds = new Set<string>()
  const last = new Map<string, string>()
  for (const event of events) {
    const printer = printerOf(event.object.kind)
    if (printer === undefined) continue
    const [name = '', ...rest] = [event.object.metadata.name ?? '', ...printer.columns(event.object, event.time)]
    const id = event.object.metadata.uid ?? `${event.object.kind}/${event.object.metadata.namespace ?? ''}/${name}`
    const signature = signatureOf(printer, event.type, rest)
    if (event.type === 'MODIFIED' && last.get(id) === signature) continue
    last.set(id, signature)
    if (!seenKinds.has(printer.kind)) {
      seenKinds.add(printer.kind)
      rows.push({ printer, cells: [...lead, ...printer.headers] })
    }
    rows.push({ printer, cells: [elapsed(event.time - start), event.type, event.object.metadata.namespace ?? '', `${printer.resource}/${name}`, ...rest] })
  }
  const leadWidths = lead.map((_, i) => Math.max(...rows.map((r) => width(r.cells[i] ?? ''))))
  const kindWidths = new Map<string, number[]>()
  for (const r of rows) {
    const widths = kindWidths.get(r.printer.kind) ?? []
    r.cells.slice(lead.length).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))))
    kindWidths.set(r.printer.kind, widths)
  }
  const lines = rows.map((r) =>
    r.cells
      .map((cell, i) => {
        if (i === r.cells.length - 1) return cell
        const w = i < lead.length ? (leadWidths[i] ?? 0) : (kindWidths.get(r.printer.kind)?.[i - lead.length] ?? 0)
        return cell + ' '.repeat(w - width(cell) + padding)
      })
      .join('')
      .trimEnd(),
  )
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}
