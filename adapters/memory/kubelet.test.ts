import * as E from 'fp-ts/Either'
import { Resources, type KubeObject, type ObjectBody } from '../runtime/clusterApi'
import { applyObjects, readyNodes } from './applyObjects'
import { startKubelet } from './kubelet'
import { newWorld, right, t0, type World } from './testing/fixtures'

type Extra = { readonly spec?: Readonly<Record<string, unknown>>; readonly annotations?: Readonly<Record<string, string>>; readonly owner?: KubeObject }

const podBody = (name: string, extra: Extra = {}): ObjectBody => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    ...(extra.annotations !== undefined ? { annotations: { ...extra.annotations } } : {}),
    ...(extra.owner !== undefined
      ? { ownerReferences: [{ apiVersion: extra.owner.apiVersion, kind: extra.owner.kind, name: extra.owner.metadata.name ?? '', uid: extra.owner.metadata.uid ?? '', controller: true }] }
      : {}),
  },
  spec: { containers: [{ name: 'c', image: 'img' }], ...(extra.spec ?? {}) },
})

const pinnedTo = (node: string) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } },
})

const node = (name: string, extra: { readonly ready?: boolean; readonly taints?: ReadonlyArray<Readonly<Record<string, string>>>; readonly labels?: Readonly<Record<string, string>> } = {}): ObjectBody => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { ...(extra.labels ?? {}) } },
  spec: extra.taints !== undefined ? { taints: extra.taints.map((t) => ({ ...t })) } : {},
  status: { conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }] },
})

const setup = (objects: ReadonlyArray<ObjectBody>, stopSeconds?: number) => {
  const world = newWorld()
  const kubelet = startKubelet(world.store, stopSeconds !== undefined ? { stopSeconds } : {})
  expect(applyObjects(world.store, objects)).toEqual([])
  return { ...world, kubelet }
}

const pod = (w: World, name: string): KubeObject | undefined => {
  const got = w.store.get({ resource: Resources.pods, namespace: 'default', name })
  return E.isRight(got) ? got.right : undefined
}
const nodeOf = (w: World, name: string): string | undefined => (pod(w, name)?.['spec'] as { nodeName?: string } | undefined)?.nodeName
const phaseOf = (w: World, name: string): string | undefined => (pod(w, name)?.['status'] as { phase?: string } | undefined)?.phase
const at = (w: World, seconds: number): void => void w.clock.advanceTo(t0 + seconds * 1000)

describe('simulated kubelet: binding', () => {
  it('binds a daemon pod to the node its matchFields affinity names, Ready or not', () => {
    const w = setup([node('a'), node('b', { ready: false }), podBody('ds-b', { spec: pinnedTo('b') })])
    at(w, 0)
    expect(nodeOf(w, 'ds-b')).toBe('b')
  })

  it('spreads other pods round-robin over Ready nodes that fit, in name order', () => {
    const w = setup([
      ...readyNodes(3),
      node('node-0', { ready: false }),
      node('node-4', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      ...['p1', 'p2', 'p3', 'p4'].map((n) => podBody(n)),
      podBody('gpu', { spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }], nodeSelector: { 'kubernetes.io/hostname': 'node-4' } } }),
    ])
    at(w, 0)
    expect(['p1', 'p2', 'p3', 'p4'].map((n) => nodeOf(w, n))).toEqual(['node-1', 'node-2', 'node-3', 'node-1'])
    expect(nodeOf(w, 'gpu')).toBeUndefined() // node-4 has no such label
  })

  it('leaves a pod that fits nowhere Pending, and binds it when a fitting node appears', () => {
    const w = setup([node('tainted', { taints: [{ key: 'k', effect: 'NoExecute' }] }), podBody('waiting', { spec: { nodeSelector: { disk: 'ssd' } } })])
    at(w, 5)
    expect(nodeOf(w, 'waiting')).toBeUndefined()
    expect(w.kubelet.pending()).toBe(1)
    applyObjects(w.store, [node('fast', { labels: { disk: 'ssd' } })])
    at(w, 6)
    expect(nodeOf(w, 'waiting')).toBe('fast')
    at(w, 8)
    expect(phaseOf(w, 'waiting')).toBe('Running')
  })
})

describe('simulated kubelet: lifecycle', () => {
  const job = (w: World, annotations: Readonly<Record<string, string>> = {}): KubeObject =>
    right(
      w.store.create({
        resource: Resources.jobs,
        namespace: 'default',
        body: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', annotations: { ...annotations } }, spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }], restartPolicy: 'Never' } } } },
      }),
    )

  it('runs a Job pod 2 s to start and 5 s to succeed; other pods run until stopped', () => {
    const w = setup(readyNodes(1))
    const owner = job(w)
    applyObjects(w.store, [podBody('worker', { owner, spec: { restartPolicy: 'Never' } }), podBody('server')])
    at(w, 1.999)
    expect(phaseOf(w, 'worker')).toBe('Pending')
    at(w, 2)
    expect(phaseOf(w, 'worker')).toBe('Running')
    at(w, 7)
    expect(phaseOf(w, 'worker')).toBe('Succeeded')
    at(w, 3600)
    expect(phaseOf(w, 'server')).toBe('Running')
  })

  it('reads the lifecycle annotations from the pod, then from its owner', () => {
    const w = setup(readyNodes(1))
    const owner = job(w, { 'sim.kuberules.io/run-seconds': '30', 'sim.kuberules.io/exit-code': '3' })
    applyObjects(w.store, [podBody('slow', { owner, spec: { restartPolicy: 'Never' }, annotations: { 'sim.kuberules.io/start-seconds': '10' } })])
    at(w, 9)
    expect(phaseOf(w, 'slow')).toBe('Pending')
    at(w, 39)
    expect(phaseOf(w, 'slow')).toBe('Running')
    at(w, 40)
    expect(phaseOf(w, 'slow')).toBe('Failed')
  })

  it('counts fail-times per owner: the first N pods that run fail, later ones succeed', () => {
    const w = setup(readyNodes(2))
    const owner = job(w, { 'sim.kuberules.io/fail-times': '2' })
    applyObjects(w.store, ['a', 'b', 'c'].map((n) => podBody(n, { owner, spec: { restartPolicy: 'Never' } })))
    at(w, 10)
    expect(['a', 'b', 'c'].map((n) => phaseOf(w, n))).toEqual(['Failed', 'Failed', 'Succeeded'])
  })

  it('stops a deleted pod and removes it once its containers have stopped', () => {
    const w = setup(readyNodes(1), 3)
    applyObjects(w.store, [podBody('web')])
    at(w, 5)
    right(w.store.delete({ resource: Resources.pods, namespace: 'default', name: 'web' }))
    expect(pod(w, 'web')?.metadata.deletionTimestamp).toBeDefined()
    at(w, 7.999)
    expect(pod(w, 'web')).toBeDefined()
    at(w, 8)
    expect(pod(w, 'web')).toBeUndefined()
    expect(w.kubelet.running()).toBe(0)
  })
})

describe('simulated kubelet: node events', () => {
  it('evicts pods from a node tainted NoExecute, after their tolerationSeconds', () => {
    const w = setup([...readyNodes(1), podBody('plain'), podBody('patient', { spec: { tolerations: [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] } })])
    at(w, 5)
    right(w.store.patch({ resource: Resources.nodes, name: 'node-1', patchType: 'application/merge-patch+json', patch: { spec: { taints: [{ key: 'maintenance', effect: 'NoExecute' }] } } }))
    at(w, 5)
    // Deleted at once, and with no stop time its containers end at once: the pod is gone.
    expect(pod(w, 'plain')).toBeUndefined()
    expect(pod(w, 'patient')?.metadata.deletionTimestamp).toBeUndefined()
    at(w, 64.999)
    expect(pod(w, 'patient')).toBeDefined()
    at(w, 65)
    expect(pod(w, 'patient')).toBeUndefined()
  })

  it("fails and force-deletes the pods of a deleted node, as PodGC does", () => {
    const w = setup([...readyNodes(1), podBody('orphaned', { spec: { restartPolicy: 'Never' } })])
    const statuses: string[] = []
    w.store.changes$.subscribe((c) => {
      if (c.object.kind === 'Pod') statuses.push(`${c.type} ${(c.object['status'] as { phase?: string }).phase ?? ''}`)
    })
    at(w, 5)
    right(w.store.delete({ resource: Resources.nodes, name: 'node-1' }))
    at(w, 5)
    expect(pod(w, 'orphaned')).toBeUndefined()
    expect(statuses.slice(-2)).toEqual(['MODIFIED Failed', 'DELETED Failed'])
  })
})
