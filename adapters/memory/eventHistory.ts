import type { KubeObject } from '../runtime/clusterApi'
import type { ResourceInfo } from './resources'

/** One committed write, as the store publishes it to watches and the garbage collector. */
export interface StoreChange {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
  readonly resource: ResourceInfo
  /** The object after the change; for DELETED its last state, stamped with the deletion's resourceVersion. */
  readonly object: KubeObject
  readonly previous: KubeObject | undefined
  readonly resourceVersion: number
}

/**
 * The bounded window of recent changes a watch can resume from (the watch cache's ring). Every
 * resourceVersion after `evictedUpTo` is still here; a watch from an older one gets 410 Expired.
 */
export class EventHistory {
  private readonly ring: Array<StoreChange | undefined>
  private start = 0
  private count = 0
  private evicted = 0

  constructor(limit: number) {
    this.ring = new Array<StoreChange | undefined>(Math.max(1, limit))
  }

  /** The newest resourceVersion no longer kept (0 while nothing was dropped). */
  get evictedUpTo(): number {
    return this.evicted
  }

  push(change: StoreChange): void {
    const capacity = this.ring.length
    if (this.count === capacity) {
      this.evicted = this.ring[this.start]?.resourceVersion ?? this.evicted
      this.ring[this.start] = change
      this.start = (this.start + 1) % capacity
    } else {
      this.ring[(this.start + this.count) % capacity] = change
      this.count++
    }
  }

  /** The kept changes after `resourceVersion`, oldest first; undefined when some of them were already dropped. */
  since(resourceVersion: number): ReadonlyArray<StoreChange> | undefined {
    if (resourceVersion < this.evicted) return undefined
    const out: StoreChange[] = []
    for (let i = this.count - 1; i >= 0; i--) {
      const change = this.ring[(this.start + i) % this.ring.length]
      if (change === undefined || change.resourceVersion <= resourceVersion) break
      out.push(change)
    }
    return out.reverse()
  }
}
