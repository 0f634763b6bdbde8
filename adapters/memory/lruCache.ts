interface Entry<V> {
  readonly key: string
  value: V
  newer: Entry<V> | undefined
  older: Entry<V> | undefined
}

/**
 * A least-recently-used cache as groupcache's `lru.Cache` (which client-go's event caches use):
 * `get` and `add` make a key the most recent, and adding beyond `capacity` evicts the least
 * recent. A map to the entries of a doubly linked list: making a key the most recent relinks its
 * entry, where deleting and re-inserting a `Map` key (to move it last) churned the map's table.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>()
  private newest: Entry<V> | undefined
  private oldest: Entry<V> | undefined

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    this.touch(entry)
    return entry.value
  }

  add(key: string, value: V): void {
    const entry = this.entries.get(key)
    if (entry !== undefined) {
      entry.value = value
      this.touch(entry)
      return
    }
    const fresh: Entry<V> = { key, value, newer: undefined, older: this.newest }
    if (this.newest !== undefined) this.newest.newer = fresh
    this.newest = fresh
    this.oldest ??= fresh
    this.entries.set(key, fresh)
    if (this.entries.size > this.capacity && this.oldest !== undefined) {
      const evicted = this.oldest
      this.unlink(evicted)
      this.entries.delete(evicted.key)
    }
  }

  private touch(entry: Entry<V>): void {
    if (entry === this.newest) return
    this.unlink(entry)
    entry.older = this.newest
    entry.newer = undefined
    if (this.newest !== undefined) this.newest.newer = entry
    this.newest = entry
    this.oldest ??= entry
  }

  private unlink(entry: Entry<V>): void {
    if (entry.newer !== undefined) entry.newer.older = entry.older
    else this.newest = entry.older
    if (entry.older !== undefined) entry.older.newer = entry.newer
    else this.oldest = entry.newer
    entry.newer = undefined
    entry.older = undefined
  }
}
