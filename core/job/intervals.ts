/** A closed run of completion indexes `[first, last]`. */
export interface Interval {
  readonly first: number
  readonly last: number
}

/** Sorted, disjoint, non-adjacent intervals: the form of `completedIndexes` and `failedIndexes`. */
export type OrderedIntervals = ReadonlyArray<Interval>

/** Parses one decimal field as Go's `strconv.Atoi` would accept it; NaN where Atoi fails. */
const atoi = (text: string, from: number, to: number): number => {
  let k = from
  let sign = 1
  const c0 = text.charCodeAt(k)
  if (c0 === 43 /* + */ || c0 === 45 /* - */) {
    sign = c0 === 45 ? -1 : 1
    k++
  }
  if (k >= to) return Number.NaN
  let n = 0
  for (; k < to; k++) {
    const d = text.charCodeAt(k) - 48
    if (d < 0 || d > 9) return Number.NaN
    n = n * 10 + d
  }
  return sign * n
}

/**
 * Mirrors `parseIndexesFromString`: unparsable parts are skipped, parsing stops at the first part
 * starting at or above completions, upper bounds are clamped to completions−1 and adjacent parts
 * merge. A single scan without splitting, so a long status string costs little.
 */
export const parseIndexes = (text: string | null | undefined, completions: number): OrderedIntervals => {
  if (text == null || text === '') return []
  const out: Interval[] = []
  let start = 0
  while (start <= text.length) {
    // One scan for the part's end and its first two '-': Go splits on '-' and reads two fields.
    let end = start
    let dash = -1
    let dash2 = -1
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end)
      if (c === 44 /* , */) break
      if (c === 45 /* - */) {
        if (dash < 0) dash = end
        else if (dash2 < 0) dash2 = end
      }
    }
    const first = atoi(text, start, dash < 0 ? end : dash)
    const last = dash < 0 ? first : atoi(text, dash + 1, dash2 < 0 ? end : dash2)
    start = end + 1
    if (Number.isNaN(first)) continue
    if (first >= completions) break
    if (Number.isNaN(last)) continue
    const clamped = Math.min(last, completions - 1)
    const prev = out[out.length - 1]
    if (prev !== undefined && prev.last === first - 1) out[out.length - 1] = { first: prev.first, last: clamped }
    else out.push({ first, last: clamped })
  }
  return out
}

/** `orderedIntervals.String`: `i`, a run of two as `a,b`, three or more as `a-b`, comma separated. */
export const formatIntervals = (intervals: OrderedIntervals): string => {
  let text = ''
  for (const { first, last } of intervals) {
    if (text !== '') text += ','
    text += first
    if (last > first) text += (last === first + 1 ? ',' : '-') + last
  }
  return text
}

/** `orderedIntervals.total`: how many indexes the intervals hold. */
export const intervalsTotal = (intervals: OrderedIntervals): number =>
  intervals.reduce((n, { first, last }) => n + last - first + 1, 0)

/** `orderedIntervals.has`: binary search for the interval that could hold `index`. */
export const intervalsHas = (intervals: OrderedIntervals, index: number): boolean => {
  let lo = 0
  let hi = intervals.length
  while (hi > lo) {
    const mid = (lo + hi) >>> 1
    if ((intervals[mid]?.last ?? 0) >= index) hi = mid
    else lo = mid + 1
  }
  const found = intervals[hi]
  return found !== undefined && found.first <= index
}

/** `orderedIntervals.merge`: the union of two ordered lists, in one pass over both. */
export const mergeIntervals = (a: OrderedIntervals, b: OrderedIntervals): OrderedIntervals => {
  if (b.length === 0) return a
  if (a.length === 0) return b
  const out: Interval[] = []
  const push = (iv: Interval): void => {
    const prev = out[out.length - 1]
    if (prev === undefined || iv.first > prev.last + 1) out.push(iv)
    else if (prev.last < iv.last) out[out.length - 1] = { first: prev.first, last: iv.last }
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval
    const y = b[j] as Interval
    if (x.first < y.first) {
      push(x)
      i++
    } else {
      push(y)
      j++
    }
  }
  for (; i < a.length; i++) push(a[i] as Interval)
  for (; j < b.length; j++) push(b[j] as Interval)
  return out
}

/** Runs of an increasing (duplicates allowed) index list, without building one object per index. */
const runsOfSorted = (sorted: ArrayLike<number>): Interval[] => {
  const out: Interval[] = []
  let start = sorted[0] ?? 0
  let end = start
  for (let k = 1; k < sorted.length; k++) {
    const v = sorted[k] ?? end
    if (v <= end + 1) end = Math.max(end, v)
    else {
      out.push({ first: start, last: end })
      start = v
      end = v
    }
  }
  if (sorted.length > 0) out.push({ first: start, last: end })
  return out
}

/** Runs of unordered indexes spread over a small range: mark a bitmap, then read it once. */
const runsOfDense = (indexes: ArrayLike<number>, min: number, max: number): Interval[] => {
  const marks = new Uint8Array(max - min + 1)
  for (let k = 0; k < indexes.length; k++) marks[(indexes[k] ?? min) - min] = 1
  const out: Interval[] = []
  let start = -1
  for (let k = 0; k <= marks.length; k++) {
    if (k < marks.length && marks[k] === 1) {
      if (start < 0) start = k
    } else if (start >= 0) {
      out.push({ first: start + min, last: k - 1 + min })
      start = -1
    }
  }
  return out
}

/** Runs of indexes in any order: as they come when increasing, by bitmap when dense, else sorted. */
const runsOf = (indexes: ArrayLike<number>): Interval[] => {
  let increasing = true
  let min = indexes[0] ?? 0
  let max = min
  for (let k = 1; k < indexes.length; k++) {
    const v = indexes[k] ?? min
    if (v < (indexes[k - 1] ?? v)) increasing = false
    if (v < min) min = v
    if (v > max) max = v
  }
  if (increasing) return runsOfSorted(indexes)
  // Completion indexes are int32 in the API, so a typed sort is exact.
  return max - min <= 8 * indexes.length + 1024 ? runsOfDense(indexes, min, max) : runsOfSorted(Int32Array.from(indexes).sort())
}

/**
 * `orderedIntervals.withOrderedIndexes`, accepting indexes in any order: collapsed into runs (in
 * linear time unless they are both unordered and sparse), then merged. The cost follows the new
 * indexes and the number of intervals, never the number of indexes the intervals already hold.
 */
export const withIndexes = (intervals: OrderedIntervals, indexes: ArrayLike<number>): OrderedIntervals =>
  indexes.length === 0 ? intervals : mergeIntervals(intervals, runsOf(indexes))

/** The indexes of the intervals, in order; for tests and small lists only. */
export const indexesOf = (intervals: OrderedIntervals): ReadonlyArray<number> =>
  intervals.flatMap(({ first, last }) => Array.from({ length: last - first + 1 }, (_, k) => first + k))

/** Adds indexes to a `completedIndexes`-style string: parse, merge, format. */
export const addIndexes = (text: string, indexes: ArrayLike<number>, completions: number): string =>
  formatIntervals(withIndexes(parseIndexes(text, completions), indexes))
