import * as E from 'fp-ts/Either'
import { Resources, type ObjectBody } from '../runtime/clusterApi'
import { kubectlMessage } from './errors'
import type { MemoryStore } from './memoryStore'
import type { ResourceInfo } from './resources'

/** An object the cluster would not take, with kubectl's message for it. */
export interface ApplyFailure {
  readonly object: ObjectBody
  readonly message: string
}

/** The namespaces every cluster starts with. */
export const clusterNamespaces: ReadonlyArray<ObjectBody> = ['default', 'kube-system'].map((name) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
}))

/** Ready worker nodes `node-1`..`node-<count>`, as `--nodes N` adds them. */
export const readyNodes = (count: number): ReadonlyArray<ObjectBody> =>
  Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `node-${i + 1}`, labels: { 'kubernetes.io/hostname': `node-${i + 1}`, 'kubernetes.io/os': 'linux' } },
    status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
  }))

// Namespaces before what lives in them, nodes before the pods that may be bound to them.
const rank = (o: ObjectBody): number => (o.kind === 'Namespace' ? 0 : o.kind === 'Node' ? 1 : 2)

const describe = (o: ObjectBody): string => `${o.kind ?? 'object'} ${JSON.stringify(o.metadata?.name ?? o.metadata?.generateName ?? '')}`

/**
 * Creates objects in the store as `kubectl create -f` would, namespaces first, then nodes, then
 * the rest in the order given; namespaces that objects name but nobody created are added, and
 * namespaces that exist already are left alone. Every object is first tried as a dry run, so an
 * invalid one means nothing is stored. Returns the failures (empty: all stored).
 */
export const applyObjects = (store: MemoryStore, objects: ReadonlyArray<ObjectBody>): ReadonlyArray<ApplyFailure> => {
  const located: Array<{ readonly object: ObjectBody; readonly info: ResourceInfo }> = []
  const failures: ApplyFailure[] = []
  const exists = (ns: string): boolean => E.isRight(store.get({ resource: Resources.namespaces, name: ns }))
  const wanted = new Set<string>()
  const ordered = objects.map((o, i) => [o, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([o]) => o)
  for (const object of ordered) {
    const info = store.resourceForKind(object.kind ?? '', object.apiVersion)
    if (info === undefined) {
      failures.push({ object, message: `error: resource mapping not found for ${describe(object)}: no matches for kind "${object.kind ?? ''}" in version "${object.apiVersion ?? ''}"` })
      continue
    }
    if (object.kind === 'Namespace' && exists(object.metadata?.name ?? '')) continue
    if (object.kind === 'Namespace') wanted.add(object.metadata?.name ?? '')
    const ns = object.metadata?.namespace ?? ''
    if (info.namespaced && ns !== '' && !wanted.has(ns) && !exists(ns)) {
      wanted.add(ns)
      located.push({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, info: store.resourceForKind('Namespace', 'v1') ?? info })
    }
    located.push({ object, info })
  }
  const create = (object: ObjectBody, info: ResourceInfo, dryRun: boolean) =>
    store.create({ resource: info, ...(info.namespaced && object.metadata?.namespace !== undefined ? { namespace: object.metadata.namespace } : {}), body: object, dryRun })
  for (const { object, info } of located) {
    const tried = create(object, info, true)
    if (E.isLeft(tried)) failures.push({ object, message: kubectlMessage(tried.left) })
  }
  if (failures.length > 0) return failures
  for (const { object, info } of located) {
    const created = create(object, info, false)
    if (E.isLeft(created)) failures.push({ object, message: kubectlMessage(created.left) })
  }
  return failures
}
