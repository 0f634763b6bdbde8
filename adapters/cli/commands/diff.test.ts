import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { kubeconfigYaml } from '../../http/kubeconfig'
import { eventually, serveSeed } from '../../kubernetes/testing/servedSeed'
import type { CliIo } from '../io'
import { runDiff } from './diff'

describe('kuberules diff (client-node against kuberules serve)', () => {
  it('exits 0 on a settled cluster; with the controllers down and a daemon pod deleted by hand, names the node and exits 1', async () => {
    const seed = await serveSeed({ nodes: 1 })
    try {
      await eventually('fluentd on every eligible node', () => (seed.daemonPods('fluentd-elasticsearch').size === 3 ? true : undefined))
      // Settled: diff sees nothing the controllers would change (polled: Jobs move on meanwhile).
      await eventually('diff to exit 0', async () => ((await runDiff({ kubeconfig: seed.kubeconfig, output: 'text' }, seed.io())) === 0 ? true : undefined))

      // The cluster's own controllers go down, as on a cluster where they are switched off.
      seed.served.cluster.controllers.stop()
      const victim = seed.daemonPods('fluentd-elasticsearch').get('worker-1')
      expect(await seed.deleteByHand('kube-system', victim?.metadata.name ?? '')).toBe(200)
      await eventually('the pod to be gone', () => (seed.daemonPods('fluentd-elasticsearch').has('worker-1') ? undefined : true))

      const io = await eventually('diff to see the missing pod', async () => {
        const attempt = seed.io()
        return (await runDiff({ kubeconfig: seed.kubeconfig, namespace: 'kube-system', output: 'text' }, attempt)) === 1 ? attempt : undefined
      })
      const lines = io.outText().split('\n')
      expect(lines).toContain('daemonset kube-system/fluentd-elasticsearch: node worker-1 has no daemon pod: would create pod kube-system/fluentd-elasticsearch-*')
      expect(lines).toContain(
        '  # no new daemon pod: node worker-net-down has untolerated taint node.kubernetes.io/network-unavailable:NoSchedule (running pods may stay)',
      )
      expect(lines.filter((l) => l.includes('has no daemon pod'))).toHaveLength(1)
      expect(io.errText()).toBe('')

      const json = seed.io()
      expect(await runDiff({ kubeconfig: seed.kubeconfig, namespace: 'kube-system', output: 'json' }, json)).toBe(1)
      const doc = JSON.parse(json.outText()) as { differences: ReadonlyArray<{ object: { name: string }; actions: ReadonlyArray<{ type: string }> }> }
      const fluentd = doc.differences.find((d) => d.object.name === 'fluentd-elasticsearch')
      expect(fluentd?.actions.map((a) => a.type)).toContain('CreatePod')
      expect(doc.differences.map((d) => d.object.name)).not.toContain('network-plugin-agent')
    } finally {
      await seed.stop()
    }
  })

  const failing = (io: { err: string[] }): CliIo => ({ out: () => undefined, err: (t) => void io.err.push(t), readStdin: () => '', now: () => Date.now() })

  it('fails with exit 2 and one line, never a stack trace, for a missing kubeconfig or an unreachable server', async () => {
    const missing = { err: [] as string[] }
    expect(await runDiff({ kubeconfig: '/nonexistent/kubeconfig', output: 'text' }, failing(missing))).toBe(2)
    expect(missing.err.join('')).toMatch(/^error: cannot load kubeconfig \/nonexistent\/kubeconfig: ENOENT[^\n]*\n$/)

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-diff-'))
    const file = path.join(dir, 'kubeconfig')
    fs.writeFileSync(file, kubeconfigYaml('http://127.0.0.1:1'))
    const down = { err: [] as string[] }
    expect(await runDiff({ kubeconfig: file, output: 'text' }, failing(down))).toBe(2)
    expect(down.err.join('')).toMatch(/^error: cannot reach the API server at http:\/\/127\.0\.0\.1:1: [^\n]*ECONNREFUSED[^\n]*\n$/)

    const badOutput = { err: [] as string[] }
    expect(await runDiff({ kubeconfig: file, output: 'yaml' }, failing(badOutput))).toBe(2)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
