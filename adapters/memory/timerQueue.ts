/** One pending timer: due `at` (virtual ms); `seq` breaks ties in insertion order. */
export interface TimerEntry {
  readonly id: number
  readonly at: number
  readonly seq: number
  readonly fn: () => void
}

const before = (a: TimerEntry, b: TimerEntry): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq)

/**
 * A binary min-heap of timers ordered by (due time, insertion order). Cancelled timers are removed
 * lazily: `cancel` forgets the id and `peek`/`pop` skip entries whose id is no longer live.
 */
export class TimerQueue {
  private readonly heap: TimerEntry[] = []
  private readonly live = new Set<number>()

  get size(): number {
    return this.live.size
  }

  push(entry: TimerEntry): void {
    this.live.add(entry.id)
    this.heap.push(entry)
    this.up(this.heap.length - 1)
  }

  cancel(id: number): boolean {
    return this.live.delete(id)
  }

  peek(): TimerEntry | undefined {
    this.dropCancelled()
    return this.heap[0]
  }

  pop(): TimerEntry | undefined {
    this.dropCancelled()
    const top = this.removeTop()
    if (top !== undefined) this.live.delete(top.id)
    return top
  }

  private dropCancelled(): void {
    for (let top = this.heap[0]; top !== undefined && !this.live.has(top.id); top = this.heap[0]) this.removeTop()
  }

  private removeTop(): TimerEntry | undefined {
    const top = this.heap[0]
    const last = this.heap.pop()
    if (top !== undefined && last !== undefined && this.heap.length > 0) {
      this.heap[0] = last
      this.down(0)
    }
    return top
  }

  private up(index: number): void {
    let i = index
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(index: number): void {
    let i = index
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let smallest = i
      if (left < this.heap.length && this.less(left, smallest)) smallest = left
      if (right < this.heap.length && this.less(right, smallest)) smallest = right
      if (smallest === i) return
      this.swap(i, smallest)
      i = smallest
    }
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i]
    const b = this.heap[j]
    return a !== undefined && b !== undefined && before(a, b)
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i]
    const b = this.heap[j]
    if (a === undefined || b === undefined) return
    this.heap[i] = b
    this.heap[j] = a
  }
}
