import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { createSimulatedCluster } from '../adapters/memory/simulatedCluster'
import type { ObjectBody } from '../adapters/runtime/clusterApi'

const nodes = 1000
const jobs = 100
const cronJobs = 100
const hourMs = 60 * 60 * 1000
/** argv flag that makes this module run the simulation itself (in a fresh child process). */
const childFlag = '--cluster-bench-child'

const container = { name: 'work', image: 'busybox' }

const daemonSet: ObjectBody = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'kube-system' },
  spec: { selector: { matchLabels: { name: 'agent' } }, template: { metadata: { labels: { name: 'agent' } }, spec: { containers: [container] } } },
}

const job = (i: number): ObjectBody => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: `batch-${i}`, namespace: 'default' },
  spec: { parallelism: 10, completions: 50, template: { spec: { restartPolicy: 'Never', containers: [container] } } },
})

const cronJob = (i: number): ObjectBody => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: `tick-${i}`, namespace: 'default' },
  spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container] } } } } },
})

/** What the child reports to the parent, as one JSON line. */
interface Figures {
  readonly wallMs: number
  readonly virtualMs: number
  readonly timers: number
  readonly writes: number
  readonly objects: number
  readonly peakRssBytes: number
  readonly peakHeapBytes: number
  /** Wall time and writes of the first virtual minute, when the daemon and batch pods all start. */
  readonly firstMinuteMs: number
  readonly firstMinuteWrites: number
}

/**
 * The run itself. Peak RSS is the kernel's high-water mark (`maxRSS`); peak heap is sampled
 * between virtual instants, since the run never yields to timers where a sampler could fire.
 */
const runChild = async (): Promise<Figures> => {
  let peakHeap = 0
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }
  let sampledAt = 0
  const cluster = await createSimulatedCluster({ record: false })
  const minuteEnds = cluster.clock.now() + 60_000
  let firstMinute: { readonly ms: number; readonly writes: number } | undefined
  const start = performance.now()
  const failures = [...cluster.addNodes(nodes), ...cluster.apply([daemonSet, ...Array.from({ length: jobs }, (_, i) => job(i + 1)), ...Array.from({ length: cronJobs }, (_, i) => cronJob(i + 1))])]
  if (failures.length > 0) throw new Error(failures.map((f) => f.message).join('\n'))
  const report = await cluster.run({ for: hourMs }, (now) => {
    // memoryUsage() walks the heap spaces: sampling every 10 ms of wall time keeps its cost out of
    // the figures (every 16th instant cost 0.7 % of the run) and spreads the samples evenly.
    const wall = performance.now()
    if (wall - sampledAt >= 10) {
      sampledAt = wall
      sample()
    }
    if (firstMinute === undefined && now >= minuteEnds) firstMinute = { ms: wall - start, writes: Number(cluster.store.resourceVersion()) }
  })
  const wallMs = performance.now() - start
  sample()
  const figures: Figures = {
    wallMs,
    virtualMs: report.to - report.from,
    timers: report.timers,
    writes: Number(cluster.store.resourceVersion()),
    objects: cluster.objects().length,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapBytes: peakHeap,
    firstMinuteMs: firstMinute?.ms ?? Number.NaN,
    firstMinuteWrites: firstMinute?.writes ?? 0,
  }
  cluster.stop()
  return figures
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`

/**
 * Issue 5's end-to-end figures: 1,000 nodes, one DaemonSet, 100 Jobs (parallelism 10,
 * completions 50) and 100 every-minute CronJobs for one virtual hour on the embedded cluster.
 * The simulation runs in a child process of its own, so that the peak memory is this workload's
 * alone (not the other benches' leftovers) and so that this function can stay synchronous.
 */
export const benchCluster = (): ReadonlyArray<string> => {
  const child = spawnSync(process.execPath, [__filename, childFlag], { encoding: 'utf8', maxBuffer: 1 << 20 })
  const line = child.stdout.trim().split('\n').pop() ?? ''
  if (child.status !== 0 || line === '') throw new Error(`cluster bench failed (${child.status}):\n${child.stderr}`)
  const f = JSON.parse(line) as Figures
  const laterMinutes = f.virtualMs / 60_000 - 1
  const laterMs = f.wallMs - f.firstMinuteMs
  const laterWrites = f.writes - f.firstMinuteWrites
  return [
    `Embedded cluster (${nodes.toLocaleString('en')} nodes, 1 DaemonSet, ${jobs} Jobs ×10 parallel ×50 completions, ${cronJobs} every-minute CronJobs, 1 virtual hour)`,
    `  wall ${(f.wallMs / 1000).toFixed(2)} s; speed-up ${Math.round(f.virtualMs / f.wallMs).toLocaleString('en')}× (target ≥ 1,000×)`,
    `  first virtual minute, when the 6,000 daemon and Job pods start: ${(f.firstMinuteMs / 1000).toFixed(2)} s, ${f.firstMinuteWrites.toLocaleString('en')} writes with the setup's`,
    `  each later minute (100 CronJob runs): ${(laterMs / laterMinutes).toFixed(0)} ms, ${Math.round(laterWrites / laterMinutes).toLocaleString('en')} writes`,
    `  peak memory: RSS ${mib(f.peakRssBytes)}, heap used ${mib(f.peakHeapBytes)}; ${f.writes.toLocaleString('en')} writes, ${f.timers.toLocaleString('en')} timers, ${f.objects.toLocaleString('en')} objects at the end`,
  ]
}

if (process.argv.includes(childFlag)) {
  runChild().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`)
      process.exitCode = 1
    },
  )
}
