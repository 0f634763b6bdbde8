import * as E from 'fp-ts/Either'
import { createSimulatedCluster, kubectlMessage, type SimulatedCluster } from '../../adapters/memory'
import { Resources, type KubeObject } from '../../adapters/runtime/clusterApi'
import { daemonSetManifest, jobManifest, nodeManifest } from './manifests'
import { namespace } from './world'

/**
 * Issue 5's "done when" checks on a running embedded cluster (controllers, kubelet and GC all
 * live), next to the store-level ones in adapters/memory: here the controllers are racing the
 * requests, which is where a stale write or a half-applied manifest would show.
 */

const podsOf = (c: SimulatedCluster, prefix: string): ReadonlyArray<KubeObject> =>
  c.objects().filter((o) => o.kind === 'Pod' && (o.metadata.name ?? '').startsWith(prefix))

const started = async (): Promise<SimulatedCluster> => {
  const cluster = await createSimulatedCluster()
  expect(cluster.apply(['n1', 'n2'].map(nodeManifest))).toEqual([])
  return cluster
}

describe('done when: deletion goes through the garbage collector', () => {
  it('deleting a DaemonSet removes its running pods', async () => {
    const cluster = await started()
    expect(cluster.apply([daemonSetManifest('agent', { image: 'img:1', tolerant: false, surge: false })])).toEqual([])
    await cluster.run({ for: 10_000 })
    expect(podsOf(cluster, 'agent-')).toHaveLength(2)
    const deleted = await cluster.api.delete({ resource: Resources.daemonSets, namespace, name: 'agent', propagationPolicy: 'Background' })
    expect(E.isRight(deleted)).toBe(true)
    await cluster.run({ for: 60_000 })
    expect(podsOf(cluster, 'agent-')).toEqual([])
    cluster.stop()
  })

  // Upstream's Job controller removes the job-tracking finalizer of pods whose Job is gone
  // (`syncOrphanPod`); without that, the GC's delete leaves them terminating forever.
  it('deleting a Job that is still running removes its pods', async () => {
    const cluster = await started()
    expect(cluster.apply([jobManifest('batch', { parallelism: 2, completions: 4, runSeconds: 90 })])).toEqual([])
    await cluster.run({ for: 10_000 })
    expect(podsOf(cluster, 'batch-')).toHaveLength(2)
    await cluster.api.delete({ resource: Resources.jobs, namespace, name: 'batch', propagationPolicy: 'Background' })
    await cluster.run({ for: 5 * 60_000 })
    expect(podsOf(cluster, 'batch-').map((p) => ({ name: p.metadata.name, finalizers: p.metadata.finalizers }))).toEqual([])
    cluster.stop()
  })
})

describe('done when: writes', () => {
  it('answers a stale resourceVersion with 409 Conflict while the controllers write', async () => {
    const cluster = await started()
    expect(cluster.apply([daemonSetManifest('agent', { image: 'img:1', tolerant: false, surge: false })])).toEqual([])
    const read = await cluster.api.get({ resource: Resources.daemonSets, namespace, name: 'agent' })
    if (E.isLeft(read)) throw new Error(read.left.status.message)
    // The controller writes the DaemonSet's status in the meantime, which moves resourceVersion on.
    await cluster.run({ for: 10_000 })
    const stale = await cluster.api.update({ resource: Resources.daemonSets, namespace, name: 'agent', body: { ...read.right, metadata: { ...read.right.metadata, labels: { x: 'y' } } } })
    if (E.isRight(stale)) throw new Error('a stale update went through')
    expect(stale.left._tag).toBe('Conflict')
    expect(stale.left.status).toMatchObject({ code: 409, reason: 'Conflict' })
    expect(kubectlMessage(stale.left.status)).toContain('the object has been modified; please apply your changes to the latest version and try again')
    cluster.stop()
  })

  it('rejects an invalid manifest with Kubernetes’ message and changes nothing stored', async () => {
    const cluster = await started()
    expect(cluster.apply([daemonSetManifest('agent', { image: 'img:1', tolerant: false, surge: false })])).toEqual([])
    await cluster.run({ for: 10_000 })
    const before = JSON.stringify(cluster.objects())
    const version = cluster.store.resourceVersion()
    const good = jobManifest('fine', { parallelism: 1, completions: 1, runSeconds: 3 })
    const bad = daemonSetManifest('bad', { image: 'img:1', tolerant: false, surge: false })
    const mismatched = { ...bad, spec: { ...(bad['spec'] as object), selector: { matchLabels: { ds: 'other' } } } }
    const failures = cluster.apply([good, mismatched])
    expect(failures.map((f) => f.message)).toEqual([
      'The DaemonSet "bad" is invalid: spec.template.metadata.labels: Invalid value: {"ds":"bad"}: `selector` does not match template `labels`',
    ])
    // An invalid update of a stored object is refused too, and leaves it as it was.
    const patched = await cluster.api.patch({
      resource: Resources.daemonSets,
      namespace,
      name: 'agent',
      patchType: 'application/merge-patch+json',
      patch: { spec: { template: { spec: { restartPolicy: 'Never' } } } },
    })
    if (E.isRight(patched)) throw new Error('an invalid patch went through')
    expect(kubectlMessage(patched.left.status)).toBe('The DaemonSet "agent" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"')
    expect(cluster.store.resourceVersion()).toBe(version)
    expect(JSON.stringify(cluster.objects())).toBe(before)
    cluster.stop()
  })
})
