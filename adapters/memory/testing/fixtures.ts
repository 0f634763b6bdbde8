import * as E from 'fp-ts/Either'
import type { Status } from '../status'
import { Resources, type KubeObject, type ObjectBody } from '../../runtime/clusterApi'
import type { MemoryStore, MemoryStoreOptions } from '../memoryStore'
import { createMemoryStore } from '../store'
import { createVirtualClock, type VirtualClock } from '../virtualClock'

/** 2026-01-01T00:00:00Z, the fixtures' start of time. */
export const t0 = Date.UTC(2026, 0, 1)

export interface World {
  readonly clock: VirtualClock
  readonly store: MemoryStore
}

export const newWorld = (options: Omit<MemoryStoreOptions, 'clock'> = {}): World => {
  const clock = createVirtualClock({ start: t0 })
  return { clock, store: createMemoryStore({ clock, ...options }) }
}

export const right = <A>(result: E.Either<Status, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected success, got ${result.left.code}: ${result.left.message}`)
  return result.right
}

export const left = <A>(result: E.Either<Status, A>): Status => {
  if (E.isRight(result)) throw new Error('expected a failure')
  return result.left
}

export const daemonSet = (name: string, labels: Readonly<Record<string, string>> = { app: name }, image = 'img:1'): ObjectBody => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name },
  spec: {
    selector: { matchLabels: labels },
    template: { metadata: { labels }, spec: { containers: [{ name: 'c', image }] } },
  },
})

export const pod = (name: string, options: { readonly nodeName?: string; readonly owner?: KubeObject; readonly labels?: Readonly<Record<string, string>> } = {}): ObjectBody => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    ...(options.labels !== undefined ? { labels: { ...options.labels } } : {}),
    ...(options.owner !== undefined
      ? {
          ownerReferences: [
            {
              apiVersion: options.owner.apiVersion,
              kind: options.owner.kind,
              name: options.owner.metadata.name ?? '',
              uid: options.owner.metadata.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        }
      : {}),
  },
  spec: { containers: [{ name: 'c', image: 'img:1' }], ...(options.nodeName !== undefined ? { nodeName: options.nodeName } : {}) },
})

export const createDaemonSet = (store: MemoryStore, name: string): KubeObject =>
  right(store.create({ resource: Resources.daemonSets, namespace: 'default', body: daemonSet(name) }))

export const createPod = (store: MemoryStore, name: string, options: Parameters<typeof pod>[1] = {}): KubeObject =>
  right(store.create({ resource: Resources.pods, namespace: 'default', body: pod(name, options) }))

export const names = (objects: ReadonlyArray<KubeObject>): ReadonlyArray<string> => objects.map((o) => o.metadata.name ?? '')
