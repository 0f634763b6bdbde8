import { performance } from 'node:perf_hooks'

/** Median wall time of `fn` in milliseconds, after a warm-up, over `runs` runs. */
export const medianMs = (fn: () => unknown, runs = 25, warmup = 5): number => {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}

export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
