import * as fs from 'node:fs'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import { parseAllDocuments } from 'yaml'
import { Resources, type KubeObject, type ObjectBody } from '../runtime/clusterApi'
import { createSimulatedCluster, type SimulatedCluster } from './simulatedCluster'

const seedDir = path.join(__dirname, '..', '..', 'examples', 'seed')

/** The seed's manifests, plus the apple/banana/cherry Jobs expanded from its template as `kuberules expand` does. */
const seed = (): ReadonlyArray<ObjectBody> => {
  const files = fs.readdirSync(seedDir).filter((f) => f.endsWith('.yaml')).sort()
  const docs = files.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(seedDir, f), 'utf8')).map((d) => d.toJS() as ObjectBody))
  const template = path.join(seedDir, 'templates', 'job-tmpl.yaml')
  if (!fs.existsSync(template)) return docs
  const text = fs.readFileSync(template, 'utf8')
  return [...docs, ...['apple', 'banana', 'cherry'].map((item) => parseAllDocuments(text.replaceAll('$ITEM', item))[0]?.toJS() as ObjectBody)]
}

const minutes = (n: number): number => n * 60 * 1000
const pods = (c: SimulatedCluster): ReadonlyArray<KubeObject> => c.objects().filter((o) => o.kind === 'Pod')
const nodesOf = (c: SimulatedCluster, prefix: string): ReadonlyArray<string> =>
  pods(c)
    .filter((p) => (p.metadata.name ?? '').startsWith(prefix))
    .map((p) => (p['spec'] as { nodeName?: string }).nodeName ?? '')
    .sort()
const phase = (o: KubeObject): string => (o['status'] as { phase?: string } | undefined)?.phase ?? ''
const get = (c: SimulatedCluster, kind: string, name: string): KubeObject | undefined => c.objects().find((o) => o.kind === kind && o.metadata.name === name)

const runSeed = async (seedNumber = 0) => {
  const cluster = await createSimulatedCluster({ seed: seedNumber })
  expect(cluster.apply(seed())).toEqual([])
  const report = await cluster.run({ for: minutes(10) })
  return { cluster, report }
}

describe('simulated cluster: the seed', () => {
  it('tells the seed story in ten virtual minutes', async () => {
    const { cluster } = await runSeed()
    expect(nodesOf(cluster, 'fluentd-elasticsearch-')).toEqual(['master', 'worker-1'])
    expect(nodesOf(cluster, 'network-plugin-agent-')).toEqual(['worker-1', 'worker-net-down'])
    for (const p of pods(cluster).filter((p) => p.metadata.namespace === 'kube-system')) expect(phase(p)).toBe('Running')
    const pi = get(cluster, 'Job', 'pi')
    expect(pi?.['status']).toMatchObject({ succeeded: 4, active: 0 })
    expect(JSON.stringify(pi?.['status'])).toContain('"type":"Complete"')
    for (const item of ['apple', 'banana', 'cherry']) {
      const job = get(cluster, 'Job', `process-item-${item}`)
      if (job !== undefined) expect(job['status']).toMatchObject({ succeeded: 1 })
    }
    const hello = cluster.objects().filter((o) => o.kind === 'Job' && (o.metadata.name ?? '').startsWith('hello-'))
    if (get(cluster, 'CronJob', 'hello') !== undefined) {
      const created = new Set(cluster.timeline().filter((e) => e.type === 'ADDED' && e.object.kind === 'Job' && (e.object.metadata.name ?? '').startsWith('hello-')).map((e) => e.object.metadata.name))
      expect(created.size).toBe(10)
      expect(hello.filter((j) => JSON.stringify(j['status']).includes('"type":"Complete"')).length).toBeLessThanOrEqual(3)
    }
    cluster.stop()
  })

  it('never runs more than two pi pods at once', async () => {
    const { cluster } = await runSeed()
    const live = new Map<string, boolean>()
    let most = 0
    for (const e of cluster.timeline()) {
      if (e.object.kind !== 'Pod' || !(e.object.metadata.name ?? '').startsWith('pi-')) continue
      const uid = e.object.metadata.uid ?? ''
      const active = e.type !== 'DELETED' && !['Succeeded', 'Failed'].includes(phase(e.object))
      live.set(uid, active)
      most = Math.max(most, [...live.values()].filter(Boolean).length)
    }
    expect(most).toBe(2)
    expect([...live.keys()]).toHaveLength(4)
    cluster.stop()
  })

  it('prints the same timeline for the same seed, and other names for another', async () => {
    const once = await runSeed(7)
    const twice = await runSeed(7)
    const other = await runSeed(8)
    const text = (c: SimulatedCluster) => JSON.stringify(c.timeline())
    expect(text(twice.cluster)).toBe(text(once.cluster))
    expect(text(other.cluster)).not.toBe(text(once.cluster))
    for (const c of [once, twice, other]) c.cluster.stop()
  })
})

describe('simulated cluster: deletion and settling', () => {
  const small = (): ReadonlyArray<ObjectBody> => seed().filter((o) => o.kind !== 'CronJob')

  it('deleting a DaemonSet or a Job removes its pods through the garbage collector', async () => {
    const cluster = await createSimulatedCluster()
    expect(cluster.apply(small())).toEqual([])
    await cluster.run({ for: 30_000 })
    expect(nodesOf(cluster, 'fluentd-elasticsearch-')).toHaveLength(2)
    expect(nodesOf(cluster, 'pi-')).toHaveLength(4)
    const deleted = await cluster.api.delete({ resource: Resources.daemonSets, namespace: 'kube-system', name: 'fluentd-elasticsearch' })
    expect(E.isRight(deleted)).toBe(true)
    await cluster.api.delete({ resource: Resources.jobs, namespace: 'default', name: 'pi', propagationPolicy: 'Background' })
    await cluster.run({ for: 60_000 })
    expect(nodesOf(cluster, 'fluentd-elasticsearch-')).toEqual([])
    expect(nodesOf(cluster, 'pi-')).toEqual([])
    expect(nodesOf(cluster, 'network-plugin-agent-')).toHaveLength(2)
    cluster.stop()
  })

  it('runs until a resync round changes nothing', async () => {
    const cluster = await createSimulatedCluster()
    expect(cluster.apply(small())).toEqual([])
    const report = await cluster.run({ untilSettled: true })
    expect(report.settled).toBe(true)
    // The last Job finished 16 s in; nothing is left to do after that.
    expect(report.to - report.from).toBeLessThan(60_000)
    expect(get(cluster, 'Job', 'pi')?.['status']).toMatchObject({ succeeded: 4 })
    cluster.stop()
  })

  it('stops at the limit when something keeps changing (a CronJob)', async () => {
    const cluster = await createSimulatedCluster()
    expect(cluster.apply(seed())).toEqual([])
    const report = await cluster.run({ untilSettled: true, limitMs: minutes(3) })
    if (get(cluster, 'CronJob', 'hello') !== undefined) expect(report.settled).toBe(false)
    cluster.stop()
  })
})
