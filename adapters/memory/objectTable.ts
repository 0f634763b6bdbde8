import type { KubeObject } from '../runtime/clusterApi'
import { infoKey, resourceKey, type ResourceInfo } from './resources'

/** An object together with the resource it is stored under. */
export interface StoredEntry {
  readonly resource: ResourceInfo
  readonly object: KubeObject
}

const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The store's current objects: per resource, by namespace and name (as etcd keys them), plus a uid index.
 * Lookups go through nested maps (namespace, then name) rather than a `namespace/name` string:
 * building and hashing that string on every read and write showed in profiles. `list` still
 * orders by the `namespace/name` key, as before.
 */
export class ObjectTable {
  private readonly byResource = new Map<string, Map<string, Map<string, KubeObject>>>()
  private readonly byUid = new Map<string, StoredEntry>()

  get(info: ResourceInfo, namespace: string, name: string): KubeObject | undefined {
    return this.byResource.get(infoKey(info))?.get(namespace)?.get(name)
  }

  has(info: ResourceInfo, namespace: string, name: string): boolean {
    return this.get(info, namespace, name) !== undefined
  }

  set(info: ResourceInfo, object: KubeObject): void {
    const key = infoKey(info)
    let table = this.byResource.get(key)
    if (table === undefined) this.byResource.set(key, (table = new Map()))
    const namespace = object.metadata.namespace ?? ''
    let names = table.get(namespace)
    if (names === undefined) table.set(namespace, (names = new Map()))
    names.set(object.metadata.name ?? '', object)
    if (object.metadata.uid !== undefined) this.byUid.set(object.metadata.uid, { resource: info, object })
  }

  remove(info: ResourceInfo, object: KubeObject): void {
    const table = this.byResource.get(infoKey(info))
    const namespace = object.metadata.namespace ?? ''
    const names = table?.get(namespace)
    if (names !== undefined) {
      names.delete(object.metadata.name ?? '')
      if (names.size === 0) table?.delete(namespace)
    }
    if (object.metadata.uid !== undefined) this.byUid.delete(object.metadata.uid)
  }

  byUidOf(uid: string): StoredEntry | undefined {
    return this.byUid.get(uid)
  }

  /** The objects of one resource in key order (namespace, then name). */
  list(info: ResourceInfo): ReadonlyArray<KubeObject> {
    const table = this.byResource.get(infoKey(info))
    if (table === undefined) return []
    const keyed: Array<readonly [string, KubeObject]> = []
    for (const [namespace, names] of table) for (const [name, object] of names) keyed.push([keyOf(namespace, name), object])
    return keyed.sort(([a], [b]) => compareKeys(a, b)).map(([, object]) => object)
  }

  /** Every stored object, by resource key and then in key order. */
  entries(resources: ReadonlyArray<ResourceInfo>): ReadonlyArray<StoredEntry> {
    return [...resources]
      .sort((a, b) => compareKeys(resourceKey(a), resourceKey(b)))
      .flatMap((resource) => this.list(resource).map((object) => ({ resource, object })))
  }
}
