/**
 * Counts the asynchronous work in flight (syncs awaiting API answers, informers relisting), so
 * that a driver of virtual time can wait until everything started at one instant has finished
 * before it moves the clock on. A real cluster has no use for it; it costs a counter.
 */
export interface Activity {
  /** Counts `work` as in flight until it settles, and passes its outcome through. */
  track<A>(work: Promise<A>): Promise<A>
  busy(): boolean
  /** Resolves once nothing is in flight (at once when nothing is). */
  whenIdle(): Promise<void>
}

export const createActivity = (): Activity => {
  let inFlight = 0
  let waiters: Array<() => void> = []
  const settle = (): void => {
    inFlight--
    if (inFlight > 0 || waiters.length === 0) return
    const ready = waiters
    waiters = []
    for (const resolve of ready) resolve()
  }
  return {
    track: (work) => {
      inFlight++
      return work.finally(settle)
    },
    busy: () => inFlight > 0,
    whenIdle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  }
}
