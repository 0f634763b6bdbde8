import * as E from 'fp-ts/Either'
import { absurd } from 'fp-ts/function'
import { formatInstant, type ObjectRef } from '../../core/api'
import type { Action, RecordEvent, Requeue } from '../../core/plan'
import { targetNodeOf } from '../../core/scheduling'
import type { Snapshot, SnapshotPlan } from '../../core/snapshot'

/** An action that changes the cluster: what `diff` counts as a difference (events and requeues only follow from these). */
export type ChangeAction = Exclude<Action, RecordEvent | Requeue>

/** One controller object whose next sync would change the cluster, and the notes that explain its plan. */
export interface ObjectDifference {
  readonly object: ObjectRef
  readonly actions: ReadonlyArray<ChangeAction>
  readonly notes: ReadonlyArray<string>
}

const isChange = (a: Action): a is ChangeAction => a.type !== 'RecordEvent' && a.type !== 'Requeue'

/** The objects of a plan whose sync would write something, with only those writes. */
export const differencesOf = (plan: SnapshotPlan): ReadonlyArray<ObjectDifference> =>
  plan.objects.flatMap((o) => {
    const actions = o.actions.filter(isChange)
    return actions.length === 0 ? [] : [{ object: o.object, actions, notes: o.notes }]
  })

const refText = (namespace: string, name: string): string => `${namespace}/${name}`

const show = (value: unknown): string => (value === undefined ? '<none>' : JSON.stringify(value))

/** `field a → b` for each top-level status field the write would change. */
const statusChanges = (current: Readonly<Record<string, unknown>> | undefined, next: Readonly<Record<string, unknown>>): string => {
  const keys = [...new Set([...Object.keys(current ?? {}), ...Object.keys(next)])]
  const changed = keys.filter((k) => JSON.stringify(current?.[k]) !== JSON.stringify(next[k]))
  return changed.length === 0 ? 'rewrite it unchanged' : changed.map((k) => `${k} ${show(current?.[k])} → ${show(next[k])}`).join(', ')
}

const statusOf = (snapshot: Snapshot, target: ObjectRef): Readonly<Record<string, unknown>> | undefined => {
  const same = (o: { readonly metadata: { readonly namespace?: string; readonly name?: string } }): boolean =>
    (o.metadata.namespace ?? 'default') === target.namespace && o.metadata.name === target.name
  const found =
    target.kind === 'DaemonSet' ? snapshot.daemonSets.find(same) : target.kind === 'Job' ? snapshot.jobs.find(same) : target.kind === 'CronJob' ? snapshot.cronJobs.find(same) : undefined
  return (found as { readonly status?: Readonly<Record<string, unknown>> } | undefined)?.status
}

const nodeOfPod = (snapshot: Snapshot, namespace: string, name: string): string | undefined =>
  snapshot.pods.find((p) => (p.metadata.namespace ?? 'default') === namespace && p.metadata.name === name)?.spec.nodeName

/** One line for people: what the controller would change, and for a missing daemon pod, on which node. */
export const describeChange = (a: ChangeAction, snapshot: Snapshot): string => {
  switch (a.type) {
    case 'CreatePod': {
      const name = refText(a.pod.metadata.namespace ?? a.owner.namespace, a.pod.metadata.name ?? `${a.pod.metadata.generateName ?? ''}*`)
      const node = a.owner.kind === 'DaemonSet' ? E.getOrElse(() => '')(targetNodeOf(a.pod)) : ''
      return node !== '' ? `node ${node} has no daemon pod: would create pod ${name}` : `would create pod ${name}`
    }
    case 'DeletePod': {
      const node = nodeOfPod(snapshot, a.namespace, a.name)
      return `would delete pod ${refText(a.namespace, a.name)}${node !== undefined && node !== '' ? ` on node ${node}` : ''} (${a.reason})`
    }
    case 'UpdatePod':
      return `would patch pod ${refText(a.namespace, a.name)} with ${JSON.stringify(a.patch)}`
    case 'CreateJob': {
      const meta = (a.job['metadata'] ?? {}) as { readonly namespace?: string; readonly name?: string }
      return `would create job ${refText(meta.namespace ?? a.owner.namespace, meta.name ?? '')}`
    }
    case 'DeleteJob':
      return `would delete job ${refText(a.namespace, a.name)} (${a.reason})`
    case 'CreateRevision':
    case 'UpdateRevision':
      return `would ${a.type === 'CreateRevision' ? 'create' : 'update'} controllerrevision ${refText(a.revision.metadata.namespace ?? '', a.revision.metadata.name ?? '')} (revision ${a.revision.revision})`
    case 'DeleteRevision':
      return `would delete controllerrevision ${refText(a.namespace, a.name)}`
    case 'UpdateStatus':
      return `would update status: ${statusChanges(statusOf(snapshot, a.target), a.status)}`
    default:
      return absurd(a)
  }
}

/** `kuberules diff -o text`: `<kind> <ns>/<name>: <change>` per change, the plan's notes under each object; nothing when in step. */
export const diffText = (differences: ReadonlyArray<ObjectDifference>, snapshot: Snapshot): string =>
  differences
    .map((d) => {
      const head = `${d.object.kind.toLowerCase()} ${refText(d.object.namespace, d.object.name)}`
      return [...d.actions.map((a) => `${head}: ${describeChange(a, snapshot)}`), ...d.notes.map((n) => `  # ${n}`)].map((l) => `${l}\n`).join('')
    })
    .join('')

/** `kuberules diff -o json`: the plan's time and, per object that differs, its writes (contracts §2 action shapes) and notes. */
export const diffDocument = (plan: SnapshotPlan, differences: ReadonlyArray<ObjectDifference>) => ({
  now: formatInstant(plan.now),
  differences,
})
