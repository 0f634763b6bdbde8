import { clientNode } from './clientNode'
import { eventually, serveSeed, type ServedSeed } from './testing/servedSeed'

/**
 * What a user of @kubernetes/client-node writes against `kuberules serve`: the kubeconfig as
 * serve writes it, loaded by the library itself (no kuberules code in between), typed APIs and
 * the library's Watch.
 */
let seed: ServedSeed
beforeAll(async () => {
  seed = await serveSeed({ nodes: 1 })
})
afterAll(() => seed.stop())

describe('@kubernetes/client-node, typed APIs, against kuberules serve', () => {
  it('reads nodes and daemon sets, creates a pod and watches it change', async () => {
    const k8s = clientNode()
    const config = new k8s.KubeConfig()
    config.loadFromFile(seed.kubeconfig)
    const core = config.makeApiClient(k8s.CoreV1Api)
    const apps = config.makeApiClient(k8s.AppsV1Api)

    const nodes = await core.listNode()
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(expect.arrayContaining(['master', 'worker-net-down']))

    const fluentd = await eventually('fluentd to be available', async () => {
      const ds = await apps.readNamespacedDaemonSet({ namespace: 'kube-system', name: 'fluentd-elasticsearch' })
      return ds.status?.numberAvailable === ds.status?.desiredNumberScheduled && (ds.status?.numberAvailable ?? 0) > 0 ? ds : undefined
    })
    // The typed client turns timestamps into Dates (of the library's realm, outside jest's): the served form must parse.
    expect(fluentd.metadata?.creationTimestamp?.toISOString()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/)
    expect(fluentd.spec?.template.spec?.containers[0]?.name).toBe('fluentd-elasticsearch')

    const seen: string[] = []
    const watch = new k8s.Watch(config)
    const request = await watch.watch(
      '/api/v1/namespaces/default/pods',
      { fieldSelector: 'metadata.name=from-client-node' },
      (type: string, pod: { readonly status?: { readonly phase?: string } }) => void seen.push(`${type} ${pod.status?.phase ?? ''}`),
      () => undefined,
    )
    try {
      await core.createNamespacedPod({
        namespace: 'default',
        body: {
          metadata: { name: 'from-client-node', annotations: { 'sim.kuberules.io/start-seconds': '1', 'sim.kuberules.io/run-seconds': '1' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] },
        },
      })
      await eventually('the pod to succeed, seen through the watch', () => (seen.includes('MODIFIED Succeeded') ? true : undefined), 20_000)
      expect(seen[0]).toBe('ADDED Pending')
      expect(seen).toContain('MODIFIED Running')
    } finally {
      request.abort()
    }

    const missing = await core.readNamespacedPod({ namespace: 'default', name: 'nosuch' }).then(
      () => undefined,
      (error: { readonly code?: number; readonly body?: string }) => error,
    )
    expect(missing?.code).toBe(404)
    expect(JSON.parse(missing?.body ?? '{}')).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'pods "nosuch" not found' })
  }, 40_000)
})
