import * as E from 'fp-ts/Either'
import { readyNodes } from '../../memory/applyObjects'
import { builtinResources, genericResource, type ResourceInfo } from '../../memory/resources'
import { createSimulatedCluster, type SimulatedCluster } from '../../memory/simulatedCluster'
import type { ObjectBody } from '../../runtime/clusterApi'
import type { CliIo } from '../io'
import { readManifests } from '../readManifests'
import { printSummary } from '../printers/printSummary'
import { printTimeline } from '../printers/printTimeline'
import { createProgressBar } from '../printers/progressBar'
import { parseSimulateFlags, type SimulateFlags, type SimulateOptions } from './simulateOptions'

/** What `simulate` reads from its process beyond `CliIo`: whether to draw a progress bar, and a wall clock for it. */
export interface SimulateEnv {
  readonly stderrIsTty: boolean
  readonly wallNow: () => number
}

export const processSimulateEnv = (): SimulateEnv => ({ stderrIsTty: process.stderr.isTTY === true, wallNow: () => performance.now() })

const isBody = (value: unknown): value is ObjectBody => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Resources for kinds the store does not serve, so that they are stored and carried along (contracts §1). */
const extraResources = (objects: ReadonlyArray<ObjectBody>): ReadonlyArray<ResourceInfo> => {
  const known = new Set(builtinResources.map((r) => `${r.group === '' ? r.version : `${r.group}/${r.version}`}/${r.kind}`))
  const extra = new Map<string, ResourceInfo>()
  for (const o of objects) {
    const key = `${o.apiVersion ?? ''}/${o.kind ?? ''}`
    if (!known.has(key) && !extra.has(key)) extra.set(key, genericResource(o.apiVersion ?? '', o.kind ?? ''))
  }
  return [...extra.values()]
}

/** The manifests plus `--nodes` workers whose names the manifests do not use. */
const objectsToApply = (manifests: ReadonlyArray<ObjectBody>, nodes: number): ReadonlyArray<ObjectBody> => {
  const named = new Set(manifests.filter((o) => o.kind === 'Node').map((o) => o.metadata?.name ?? ''))
  return [...manifests, ...readyNodes(nodes).filter((n) => !named.has(n.metadata?.name ?? ''))]
}

const render = (cluster: SimulatedCluster, options: SimulateOptions): string => {
  const now = cluster.clock.now()
  if (options.output === 'json') {
    const events = cluster.timeline().map((e) => ({ time: new Date(e.time).toISOString(), type: e.type, object: e.object }))
    return `${JSON.stringify({ events, objects: cluster.objects() }, null, 2)}\n`
  }
  const timeline = printTimeline(cluster.timeline(), options.start)
  return options.summary ? `${timeline}\n${printSummary(cluster.objects(), options.start, now)}` : timeline
}

/**
 * `kuberules simulate` (contracts §3): loads and validates the manifests, starts the embedded
 * cluster at `--start` with `--seed`, stores the objects (plus `--nodes` workers), runs virtual
 * time `--for` a duration or `--until-settled`, and prints the timeline (with a closing summary)
 * or the JSON document. Invalid input exits 1 with kubectl's messages before anything runs.
 */
export const runSimulate = async (flags: SimulateFlags, io: CliIo, env: SimulateEnv = processSimulateEnv()): Promise<number> => {
  const parsed = parseSimulateFlags(flags)
  if (E.isLeft(parsed)) {
    io.err(`${parsed.left}\n`)
    return 1
  }
  const options = parsed.right
  const read = readManifests(options.filename, io)
  if (read === undefined) return 1
  const manifests = read.objects.map((o) => o.object).filter(isBody)
  const cluster = await createSimulatedCluster({ start: options.start, seed: options.seed, resources: extraResources(manifests) })
  try {
    const failures = cluster.apply(objectsToApply(manifests, options.nodes))
    if (failures.length > 0) {
      io.err(`${failures.map((f) => f.message).join('\n')}\n`)
      return 1
    }
    const end = 'for' in options.until ? options.start + options.until.for : undefined
    const bar = env.stderrIsTty
      ? createProgressBar({ write: io.err, wallNow: env.wallNow, start: options.start, ...(end !== undefined ? { end } : {}) })
      : undefined
    await cluster.run(options.until, bar === undefined ? undefined : (now) => bar.update(now))
    bar?.finish()
    io.out(render(cluster, options))
    return 0
  } finally {
    cluster.stop()
  }
}
