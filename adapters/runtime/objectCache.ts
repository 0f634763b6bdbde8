import type { Named } from '../../core/api'

/** Index functions: the values an object is filed under (client-go `cache.Indexers`). */
export type Indexers<A> = Readonly<Record<string, (object: A) => ReadonlyArray<string>>>

/** client-go's `MetaNamespaceKeyFunc`: `namespace/name`, or `name` for cluster-scoped objects. */
export const objectKey = (o: Named): string => {
  const ns = o.metadata.namespace ?? ''
  return ns === '' ? (o.metadata.name ?? '') : `${ns}/${o.metadata.name ?? ''}`
}

export const keyOf = (namespace: string, name: string): string => (namespace === '' ? name : `${namespace}/${name}`)

/**
 * An informer's indexed store of decoded objects (client-go `cache.Indexer`). Objects are
 * immutable and decoded once, when their watch event arrives; reads hand out the stored
 * references. `list()` is memoised until the next change, and each index keeps its own buckets,
 * so a sync reads what it needs in time proportional to the answer, not to the cache.
 */
export class ObjectCache<A extends Named> {
  private readonly objects = new Map<string, A>()
  // `filed`: the values each key is filed under now, so a replaced or removed object's values are
  // read back instead of recomputed (index functions are pure, objects immutable; this runs on every watch event).
  private readonly indexes: ReadonlyArray<{
    readonly name: string
    readonly fn: (object: A) => ReadonlyArray<string>
    // Buckets hold keys, not objects: a new version of an object filed under the same values (most
    // watch events) then leaves them untouched, and reads look the objects up.
    readonly buckets: Map<string, Set<string>>
    readonly filed: Map<string, ReadonlyArray<string>>
  }>
  private sorted: ReadonlyArray<A> | undefined

  constructor(indexers: Indexers<A> = {}) {
    this.indexes = Object.entries(indexers).map(([name, fn]) => ({ name, fn, buckets: new Map(), filed: new Map() }))
  }

  get size(): number {
    return this.objects.size
  }

  get(key: string): A | undefined {
    return this.objects.get(key)
  }

  /** Every object, in key order; the same array until the cache changes. */
  list(): ReadonlyArray<A> {
    this.sorted ??= [...this.objects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o)
    return this.sorted
  }

  keys(): ReadonlyArray<string> {
    return [...this.objects.keys()]
  }

  /** The objects filed under `value` by the named index, in the order they were first filed under it. */
  byIndex(index: string, value: string): ReadonlyArray<A> {
    const bucket = this.indexes.find((i) => i.name === index)?.buckets.get(value)
    if (bucket === undefined) return []
    const out: A[] = []
    for (const key of bucket) {
      const object = this.objects.get(key)
      if (object !== undefined) out.push(object)
    }
    return out
  }

  /** Stores the object and returns the version it replaced. */
  put(object: A): A | undefined {
    const key = objectKey(object)
    const old = this.objects.get(key)
    this.objects.set(key, object)
    for (const { fn, buckets, filed } of this.indexes) {
      const values = fn(object)
      const before = filed.get(key)
      if (before !== undefined && sameValues(before, values)) continue
      filed.set(key, values)
      // Filing again under a value it already had keeps the object's place in that bucket.
      for (const value of values) {
        let bucket = buckets.get(value)
        if (bucket === undefined) buckets.set(value, (bucket = new Set()))
        bucket.add(key)
      }
      if (before !== undefined) for (const value of before) if (!values.includes(value)) unfile(buckets, value, key)
    }
    this.sorted = undefined
    return old
  }

  remove(key: string): A | undefined {
    const old = this.objects.get(key)
    if (old === undefined) return undefined
    for (const { buckets, filed } of this.indexes) {
      for (const value of filed.get(key) ?? []) unfile(buckets, value, key)
      filed.delete(key)
    }
    this.objects.delete(key)
    this.sorted = undefined
    return old
  }
}

const sameValues = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const unfile = (buckets: Map<string, Set<string>>, value: string, key: string): void => {
  const bucket = buckets.get(value)
  bucket?.delete(key)
  if (bucket?.size === 0) buckets.delete(value)
}
