import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { kubeconfigYaml } from '../../http/kubeconfig'
import { eventually, serveSeed } from '../../kubernetes/testing/servedSeed'
import { runControl } from './control'
import { runDiff } from './diff'

describe('kuberules control (client-node against kuberules serve --no-controllers)', () => {
  it('places the daemon pods on every eligible node and none on the not-ready-network node, and brings back one deleted by hand', async () => {
    const seed = await serveSeed({ nodes: 1, controllers: [] })
    const io = seed.io()
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => {
      stop = resolve
    })
    let exit: Promise<number> | undefined
    try {
      // Nothing acts on the served cluster by itself: the kubelet runs, the controllers do not.
      await new Promise((r) => setTimeout(r, 300))
      expect(seed.daemonPods('fluentd-elasticsearch').size).toBe(0)

      const started = new Promise<void>((resolve) => {
        exit = runControl({ kubeconfig: seed.kubeconfig, controllers: '*' }, io, { stopped: () => stopped, onStarted: () => resolve() })
      })
      await started
      const fluentd = await eventually('fluentd pods on master, node-1 and worker-1', () => {
        const pods = seed.daemonPods('fluentd-elasticsearch')
        return pods.size === 3 ? pods : undefined
      })
      expect([...fluentd.keys()].sort()).toEqual(['master', 'node-1', 'worker-1'])
      const agents = await eventually('network agents', () => {
        const pods = seed.daemonPods('network-plugin-agent')
        return pods.size === 3 ? pods : undefined
      })
      expect([...agents.keys()].sort()).toEqual(['node-1', 'worker-1', 'worker-net-down'])

      const victim = fluentd.get('worker-1')
      expect(await seed.deleteByHand('kube-system', victim?.metadata.name ?? '')).toBe(200)
      const replacement = await eventually('a new fluentd pod on worker-1', () => {
        const pod = seed.daemonPods('fluentd-elasticsearch').get('worker-1')
        return pod !== undefined && pod.metadata.uid !== victim?.metadata.uid ? pod : undefined
      })
      expect(replacement.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'fluentd-elasticsearch', controller: true })
      expect(seed.daemonPods('fluentd-elasticsearch').has('worker-net-down')).toBe(false)
      expect(io.errText()).toMatch(/created pods kube-system\/fluentd-elasticsearch-\* as fluentd-elasticsearch-\S+ on node worker-1\n/)
      expect(io.errText()).toContain('daemonset-controller: event Normal SuccessfulCreate daemonset kube-system/fluentd-elasticsearch: Created pod: ')

      // What control settled on is what diff expects.
      await eventually('diff to exit 0 under control', async () => ((await runDiff({ kubeconfig: seed.kubeconfig, output: 'text' }, seed.io())) === 0 ? true : undefined))
      expect(io.errText()).not.toContain('could not')
    } finally {
      stop()
      if (exit !== undefined) expect(await exit).toBe(0)
      await seed.stop()
    }
  })

  it('exits 1 with one line for an unknown controller or an unreachable server', async () => {
    const seed = await serveSeed({ nodes: 0, controllers: [] })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-control-'))
    const kubeconfig = path.join(dir, 'kubeconfig')
    fs.writeFileSync(kubeconfig, kubeconfigYaml(seed.served.api.url))
    try {
      const bad = seed.io()
      expect(await runControl({ kubeconfig, controllers: 'replicaset' }, bad, { stopped: () => Promise.resolve() })).toBe(1)
      expect(bad.errText()).toBe('error: --controllers: unknown controller "replicaset" (known: cronjob, daemonset, job)\n')
      await seed.stop()
      const down = seed.io()
      expect(await runControl({ kubeconfig, controllers: '*' }, down, { stopped: () => Promise.resolve() })).toBe(1)
      expect(down.errText()).toMatch(new RegExp(`^error: cannot reach the API server at ${seed.served.api.url}: [^\\n]*ECONNREFUSED[^\\n]*\\n$`))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
