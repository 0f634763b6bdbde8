import { formatInstant } from '../../../core/api'
import type { KubeObject } from '../../runtime/clusterApi'
import { alignColumns } from './alignColumns'
import { humanDuration } from './humanDuration'
import { printerOf, type KindPrinter } from './kindPrinters'

/** The closing tables, in the order the seed's story reads them. */
const summaryKinds = ['Node', 'DaemonSet', 'Job', 'CronJob', 'Pod'] as const

const byNamespaceAndName = (a: KubeObject, b: KubeObject): number => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** One `kubectl get <plural> -A` table, or kubectl's "No resources found" line. */
const table = (printer: KindPrinter, objects: ReadonlyArray<KubeObject>, now: number): string => {
  const command = `$ kubectl get ${printer.plural}${printer.namespaced ? ' -A' : ''}${printer.kind === 'Pod' ? ' -o wide' : ''}`
  const mine = objects.filter((o) => o.kind === printer.kind).sort(byNamespaceAndName)
  if (mine.length === 0) return `${command}\nNo resources found\n`
  const head = [...(printer.namespaced ? ['NAMESPACE'] : []), 'NAME', ...printer.headers]
  const rows = mine.map((o) => [...(printer.namespaced ? [o.metadata.namespace ?? ''] : []), o.metadata.name ?? '', ...printer.columns(o, now)])
  return `${command}\n${alignColumns([head, ...rows]).join('\n')}\n`
}

/**
 * The cluster at the end of a run, as `kubectl get` tables of nodes, DaemonSets, Jobs, CronJobs
 * and pods (all namespaces; pods with the `-o wide` NODE column), ages at the final virtual time.
 */
export const printSummary = (objects: ReadonlyArray<KubeObject>, start: number, now: number): string => {
  const title = `# cluster at ${formatInstant(now)}, after ${humanDuration(now - start)} of virtual time`
  const tables = summaryKinds.flatMap((kind) => {
    const printer = printerOf(kind)
    return printer === undefined ? [] : [table(printer, objects, now)]
  })
  return [title, ...tables].join('\n')
}
