import * as path from 'node:path'
import { main } from './main'
import type { CliIo } from './io'

const root = path.resolve(__dirname, '../..')
const example = (...p: string[]) => path.join(root, 'examples', ...p)

const run = async (args: ReadonlyArray<string>, stdin = '') => {
  let out = ''
  let err = ''
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), readStdin: () => stdin, now: () => Date.parse('2026-01-01T00:00:00Z') }
  const code = await main(['node', 'kuberules', ...args], io)
  return { code, out, err }
}

describe('kuberules plan', () => {
  it('plans the seed fluentd DaemonSet: pods on the master and the worker, and says why not on the node without network', async () => {
    const r = await run(['plan', '-f', example('seed', 'fluentd-daemonset.yaml'), '-f', example('seed', 'nodes.yaml'), '-o', 'text'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const creates = r.out.split('\n').filter((l) => l.includes('CreatePod'))
    expect(creates.map((l) => l.replace(/.* on node /, ''))).toEqual(['master', 'worker-1'])
    expect(r.out).toContain(
      '# no new daemon pod: node worker-net-down has untolerated taint node.kubernetes.io/network-unavailable:NoSchedule',
    )
  })

  it('prints the contract JSON: { now, actions } with typed actions', async () => {
    const r = await run(['plan', '-f', example('seed'), '--now', '2026-03-01T12:00:00Z', '-o', 'json'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as { now: string; actions: Array<{ type: string; owner?: { kind: string } }> }
    expect(doc.now).toBe('2026-03-01T12:00:00Z')
    const creates = doc.actions.filter((a) => a.type === 'CreatePod' && a.owner?.kind === 'DaemonSet')
    // fluentd: master + worker-1; the network agent tolerates network-unavailable but not the master taint.
    expect(creates).toHaveLength(4)
    expect(doc.actions.map((a) => a.type)).toContain('CreateRevision')
    expect(doc.actions.map((a) => a.type)).toContain('UpdateStatus')
  })

  it('plans the seed pi Job: two pods at first, parallelism 2', async () => {
    const r = await run(['plan', '-f', example('seed', 'pi-job.yaml'), '-o', 'json'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as { actions: Array<{ type: string; pod?: { metadata: { generateName?: string } }; status?: unknown }> }
    const creates = doc.actions.filter((a) => a.type === 'CreatePod')
    expect(creates.map((a) => a.pod?.metadata.generateName)).toEqual(['pi-', 'pi-'])
    expect(doc.actions.find((a) => a.type === 'UpdateStatus')?.status).toMatchObject({ active: 2, succeeded: 0 })
  })

  it('rejects a Job whose restartPolicy is Always with the API server message', async () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'bad' },
      spec: { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'c', image: 'i' }] } } },
    }
    const r = await run(['plan', '-f', '-'], JSON.stringify(job))
    expect(r.code).toBe(1)
    expect(r.err).toBe('The Job "bad" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n')
  })

  it('prints YAML with -o yaml', async () => {
    const r = await run(['plan', '-f', example('seed'), '-o', 'yaml'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^now: "?2026-01-01T00:00:00Z"?\nactions:\n/)
  })

  it('rejects an invalid DaemonSet with kubectl messages, exit 1 and no plan', async () => {
    const r = await run(['plan', '-f', example('invalid', 'daemonset-invalid.yaml')])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err.trim().split('\n')).toEqual([
      'The DaemonSet "fluentd" is invalid: spec.template.metadata.labels: Invalid value: {"name":"x"}: `selector` does not match template `labels`',
      'The DaemonSet "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'The DaemonSet "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ])
  })

  it('reports unparseable YAML with file, line and column', async () => {
    const r = await run(['plan', '-f', '-'], 'apiVersion: v1\nkind: Node\nmetadata: {name: [\n')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^error: error parsing STDIN: line \d+, column \d+: /)
  })

  it('reads a v1 List from standard input', async () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } },
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          metadata: { name: 'ds', namespace: 'default', uid: 'u1' },
          spec: {
            selector: { matchLabels: { a: 'b' } },
            template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
          },
        },
      ],
    }
    const r = await run(['plan', '-f', '-', '-o', 'json'], JSON.stringify(list))
    expect(r.code).toBe(0)
    expect((JSON.parse(r.out) as { actions: Array<{ type: string }> }).actions.filter((a) => a.type === 'CreatePod')).toHaveLength(1)
  })

  it('rejects a bad --now and an unknown output format', async () => {
    expect((await run(['plan', '-f', example('seed'), '--now', 'yesterday'])).code).toBe(1)
    const r = await run(['plan', '-f', example('seed'), '-o', 'wide'])
    expect(r.code).toBe(1)
    expect(r.err).toContain('allowed formats are: json,yaml,text')
  })

  it('names a missing file without a stack trace', async () => {
    const r = await run(['plan', '-f', '/nonexistent/x.yaml'])
    expect(r.code).toBe(1)
    expect(r.err).toBe('error: the path "/nonexistent/x.yaml" does not exist\n')
  })
})
