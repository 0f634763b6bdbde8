import type { KubeObject } from '../runtime/clusterApi'

const ownerUidsOf = (object: KubeObject): ReadonlyArray<string> => (object.metadata.ownerReferences ?? []).map((ref) => ref.uid)

/** The ownership graph by uid (the garbage collector's `uidToNode`): who owns whom, kept up to date from changes. */
export class OwnerIndex {
  private readonly owners = new Map<string, ReadonlyArray<string>>()
  private readonly dependents = new Map<string, Set<string>>()
  /** The `ownerReferences` each object was last indexed from: stored objects are immutable, so the same array means no change. */
  private readonly indexedFrom = new Map<string, unknown>()

  /** Records an object's current owners; returns the owners it no longer references. */
  set(object: KubeObject): ReadonlyArray<string> {
    const uid = object.metadata.uid ?? ''
    const refs = object.metadata.ownerReferences
    if (refs === undefined ? !this.owners.has(uid) : this.indexedFrom.get(uid) === refs) return []
    const next = ownerUidsOf(object)
    const previous = this.owners.get(uid) ?? []
    const dropped = previous.filter((o) => !next.includes(o))
    for (const owner of dropped) this.forget(owner, uid)
    for (const owner of next) {
      const set = this.dependents.get(owner) ?? new Set<string>()
      this.dependents.set(owner, set)
      set.add(uid)
    }
    if (next.length > 0) this.owners.set(uid, next)
    else this.owners.delete(uid)
    if (refs !== undefined) this.indexedFrom.set(uid, refs)
    else this.indexedFrom.delete(uid)
    return dropped
  }

  /** Forgets a removed object as a dependent; returns the owners it referenced. Its own dependents stay indexed. */
  remove(uid: string): ReadonlyArray<string> {
    const previous = this.owners.get(uid) ?? []
    for (const owner of previous) this.forget(owner, uid)
    this.owners.delete(uid)
    this.indexedFrom.delete(uid)
    return previous
  }

  private forget(owner: string, dependent: string): void {
    const set = this.dependents.get(owner)
    set?.delete(dependent)
    if (set?.size === 0) this.dependents.delete(owner)
  }

  dependentsOf(owner: string): ReadonlyArray<string> {
    return [...(this.dependents.get(owner) ?? [])]
  }

  ownersOf(uid: string): ReadonlyArray<string> {
    return this.owners.get(uid) ?? []
  }
}
