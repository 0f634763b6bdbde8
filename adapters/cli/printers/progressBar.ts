import { elapsed } from './humanDuration'

export interface ProgressBarOptions {
  readonly write: (text: string) => void
  /** Wall-clock milliseconds (`performance.now`); only to decide when to draw. */
  readonly wallNow: () => number
  /** Virtual start and end of the run; no end (until settled): only the virtual time is shown. */
  readonly start: number
  readonly end?: number
  /** Draw nothing until the run has taken this long (wall ms); default 300. */
  readonly afterMs?: number
}

export interface ProgressBar {
  update(virtualNow: number): void
  /** Erases the bar, if it was drawn. */
  finish(): void
}

const barWidth = 30
const redrawMs = 100

/**
 * A one-line progress bar for standard error: `simulating [#####.....] 50% 00:05:00.000 / 00:10:00.000`.
 * It appears only once a run has taken a moment, redraws at most ten times a second, and is
 * erased at the end, so quick runs and logs never see it. The caller decides whether the stream
 * is a terminal.
 */
export const createProgressBar = (options: ProgressBarOptions): ProgressBar => {
  const began = options.wallNow()
  let drawnAt: number | undefined
  return {
    update: (virtualNow) => {
      const wall = options.wallNow()
      if (wall - began < (options.afterMs ?? 300)) return
      if (drawnAt !== undefined && wall - drawnAt < redrawMs) return
      drawnAt = wall
      const done = virtualNow - options.start
      if (options.end === undefined) {
        options.write(`\r\x1b[2Ksimulating ${elapsed(done)}`)
        return
      }
      const span = Math.max(1, options.end - options.start)
      const fraction = Math.min(1, Math.max(0, done / span))
      const filled = Math.round(fraction * barWidth)
      const percent = String(Math.floor(fraction * 100)).padStart(3)
      options.write(`\r\x1b[2Ksimulating [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${percent}% ${elapsed(done)} / ${elapsed(span)}`)
    },
    finish: () => {
      if (drawnAt !== undefined) options.write('\r\x1b[2K')
    },
  }
}
