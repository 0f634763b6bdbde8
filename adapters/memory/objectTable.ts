import type { KubeObject } from '../runtime/clusterApi'
import { resourceKey, type ResourceInfo } from './resources'

/** An object together with the resource it is stored under. */
export interface StoredEntry {
  readonly resource: ResourceInfo
  readonly object: KubeObject
}

const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The store's current objects: per resource, by namespace and name (as etcd keys them), plus a uid index. */
export class ObjectTable {
  private readonly byResource = new Map<string, Map<string, KubeObject>>()
  private readonly byUid = new Map<string, StoredEntry>()

  get(info: ResourceInfo, namespace: string, name: string): KubeObject | undefined {
    return this.byResource.get(resourceKey(info))?.get(keyOf(namespace, name))
  }

  has(info: ResourceInfo, namespace: string, name: string): boolean {
    return this.get(info, namespace, name) !== undefined
  }

  set(info: ResourceInfo, object: KubeObject): void {
    const key = resourceKey(info)
    const table = this.byResource.get(key) ?? new Map<string, KubeObject>()
    this.byResource.set(key, table)
    table.set(keyOf(object.metadata.namespace ?? '', object.metadata.name ?? ''), object)
    if (object.metadata.uid !== undefined) this.byUid.set(object.metadata.uid, { resource: info, object })
  }

  remove(info: ResourceInfo, object: KubeObject): void {
    this.byResource.get(resourceKey(info))?.delete(keyOf(object.metadata.namespace ?? '', object.metadata.name ?? ''))
    if (object.metadata.uid !== undefined) this.byUid.delete(object.metadata.uid)
  }

  byUidOf(uid: string): StoredEntry | undefined {
    return this.byUid.get(uid)
  }

  /** The objects of one resource in key order (namespace, then name). */
  list(info: ResourceInfo): ReadonlyArray<KubeObject> {
    const table = this.byResource.get(resourceKey(info))
    if (table === undefined) return []
    return [...table.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, object]) => object)
  }

  /** Every stored object, by resource key and then in key order. */
  entries(resources: ReadonlyArray<ResourceInfo>): ReadonlyArray<StoredEntry> {
    return [...resources]
      .sort((a, b) => compareKeys(resourceKey(a), resourceKey(b)))
      .flatMap((resource) => this.list(resource).map((object) => ({ resource, object })))
  }
}
