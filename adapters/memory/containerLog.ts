/** One line a container printed, stamped with the virtual time it arrived at. */
export interface CapturedLine {
  readonly at: number
  readonly text: string
}

/** The logs a runtime that runs real processes keeps, read by `GET .../pods/{name}/log`. */
export interface ContainerLogs {
  /**
   * The lines the container's current run (or, with `previous`, the run before it) printed;
   * undefined when no process ran it (the pod is unknown, or the runtime only simulates).
   */
  lines(uid: string, container: string, previous: boolean): ReadonlyArray<CapturedLine> | undefined
  /** Calls `onLine` with each line the current run prints from now on; returns the unsubscribe. */
  follow(uid: string, container: string, onLine: (line: CapturedLine) => void): () => void
}

/** A run's output, stdout and stderr interleaved as they arrive, as the kubelet's log file has them. */
export interface LogBuffer {
  append(chunk: string, at: number): void
  /** The process is gone: a last line without a newline still counts. */
  flush(at: number): void
  lines(): ReadonlyArray<CapturedLine>
  follow(onLine: (line: CapturedLine) => void): () => void
}

/** The last 1 MiB of a run's output is kept, as the kubelet rotates logs at a size (10 MiB there). */
export const logLimitBytes = 1024 * 1024
/** Longer lines are cut, as the runtime splits lines at 16 KiB. */
const maxLineChars = 16 * 1024

export const createLogBuffer = (limitBytes = logLimitBytes): LogBuffer => {
  let kept: CapturedLine[] = []
  let head = 0
  let bytes = 0
  let partial = ''
  const listeners = new Set<(line: CapturedLine) => void>()

  const push = (text: string, at: number): void => {
    const line = { at, text }
    kept.push(line)
    bytes += Buffer.byteLength(text) + 1
    while (bytes > limitBytes && head < kept.length) bytes -= Buffer.byteLength(kept[head++]?.text ?? '') + 1
    // Drop the lines that fell out of the window now and then, not on every line.
    if (head > 1024 && head * 2 > kept.length) {
      kept = kept.slice(head)
      head = 0
    }
    for (const listener of listeners) listener(line)
  }

  return {
    append: (chunk, at) => {
      const parts = (partial + chunk).split('\n')
      partial = parts.pop() ?? ''
      for (const part of parts) push(part, at)
      while (partial.length >= maxLineChars) {
        push(partial.slice(0, maxLineChars), at)
        partial = partial.slice(maxLineChars)
      }
    },
    flush: (at) => {
      if (partial !== '') push(partial, at)
      partial = ''
    },
    lines: () => kept.slice(head),
    follow: (onLine) => {
      listeners.add(onLine)
      return () => void listeners.delete(onLine)
    },
  }
}
