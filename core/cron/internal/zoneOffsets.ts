import { daysFromCivil, SECONDS_PER_DAY } from './civil'

/**
 * UTC offsets of an IANA zone, read from Intl (ICU's tz database) and memoised as transition lists over fixed
 * windows, so that a robfig-style search costs a few array reads per step instead of an Intl call.
 *
 * The memo tables are hidden mutable state, but the functions stay referentially transparent: the same zone and
 * instant always give the same answer. Transitions are found by sampling once a day and bisecting to the second,
 * so a zone would have to change its offset and change it back within one day to fool it (none does).
 */
export interface ZoneOffsets {
  /** Offset in seconds east of UTC in force at `second` (epoch seconds). */
  readonly offsetAt: (second: number) => number
  /** The first instant in (`after`, `until`] at which the offset changes, if any. */
  readonly transitionIn: (after: number, until: number) => number | undefined
}

interface OffsetWindow {
  readonly firstOffset: number
  /** Instants in (window start, window end] where the offset changes, ascending. */
  readonly changes: ReadonlyArray<number>
  /** `offsets[i]` is in force from `changes[i]` on. */
  readonly offsets: ReadonlyArray<number>
}

const WINDOW_SECONDS = 1 << 21 // about 24 days

const utc: ZoneOffsets = { offsetAt: () => 0, transitionIn: () => undefined }

const formatterFor = (timeZone: string): Intl.DateTimeFormat | undefined => {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    return undefined
  }
}

const DIGIT_RUNS = /(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)/

const rawOffset = (format: Intl.DateTimeFormat, second: number): number => {
  const m = DIGIT_RUNS.exec(format.format(second * 1000))
  if (m === null) return 0
  const [, month, day, year, hour, minute, sec] = m.map(Number) as unknown as ReadonlyArray<number>
  const wall = daysFromCivil(year ?? 1970, month ?? 1, day ?? 1) * SECONDS_PER_DAY + (hour ?? 0) * 3600 + (minute ?? 0) * 60 + (sec ?? 0)
  return wall - second
}

const buildWindow = (format: Intl.DateTimeFormat, index: number): OffsetWindow => {
  const start = index * WINDOW_SECONDS
  const end = start + WINDOW_SECONDS
  const changes: Array<number> = []
  const offsets: Array<number> = []
  const bisect = (from: number, fromOffset: number, to: number, toOffset: number): void => {
    let lo = from
    let hi = to
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (rawOffset(format, mid) === fromOffset) lo = mid
      else hi = mid
    }
    const offset = rawOffset(format, hi)
    changes.push(hi)
    offsets.push(offset)
    if (offset !== toOffset) bisect(hi, offset, to, toOffset)
  }
  const firstOffset = rawOffset(format, start)
  let previous = start
  let previousOffset = firstOffset
  while (previous < end) {
    const next = Math.min(previous + SECONDS_PER_DAY, end)
    const offset = rawOffset(format, next)
    if (offset !== previousOffset) bisect(previous, previousOffset, next, offset)
    previous = next
    previousOffset = offset
  }
  return { firstOffset, changes, offsets }
}

const zoneOffsetsFor = (format: Intl.DateTimeFormat): ZoneOffsets => {
  const windows = new Map<number, OffsetWindow>()
  const windowAt = (index: number): OffsetWindow => {
    const known = windows.get(index)
    if (known !== undefined) return known
    const built = buildWindow(format, index)
    windows.set(index, built)
    return built
  }
  const offsetAt = (second: number): number => {
    const window = windowAt(Math.floor(second / WINDOW_SECONDS))
    let offset = window.firstOffset
    for (let i = 0; i < window.changes.length && (window.changes[i] ?? Infinity) <= second; i++) {
      offset = window.offsets[i] ?? offset
    }
    return offset
  }
  const transitionIn = (after: number, until: number): number | undefined => {
    for (let index = Math.floor(after / WINDOW_SECONDS); index <= Math.floor(until / WINDOW_SECONDS); index++) {
      for (const change of windowAt(index).changes) {
        if (change > after && change <= until) return change
      }
    }
    return undefined
  }
  return { offsetAt, transitionIn }
}

const zones = new Map<string, ZoneOffsets | undefined>([['UTC', utc]])

/** The offsets of `timeZone`, or undefined when Intl does not know the zone. */
export const zoneOffsets = (timeZone: string): ZoneOffsets | undefined => {
  if (zones.has(timeZone)) return zones.get(timeZone)
  const format = formatterFor(timeZone)
  const offsets = format === undefined ? undefined : zoneOffsetsFor(format)
  zones.set(timeZone, offsets)
  return offsets
}
