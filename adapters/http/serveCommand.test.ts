import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runServe } from '../cli/commands/serve'
import type { CliIo } from '../cli/io'

const repo = path.resolve(__dirname, '..', '..')

describe('kuberules serve', () => {
  it('serves the manifests, writes a kubeconfig, prints the kubectl command, and stops cleanly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-serve-'))
    const kubeconfig = path.join(dir, 'config')
    const out: string[] = []
    const io: CliIo = { out: (t) => void out.push(t), err: (t) => void out.push(t), readStdin: () => '', now: () => Date.now() }
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => {
      stop = resolve
    })
    let url = ''
    const listening = new Promise<void>((resolve) => {
      const code = runServe(
        { filename: [path.join(repo, 'examples', 'seed', 'pi-job.yaml')], nodes: '2', port: '0', speed: '10', kubeconfig, address: '127.0.0.1', token: 't0k' },
        io,
        {
          stopped: () => stopped,
          onListening: (u) => {
            url = u
            resolve()
          },
        },
      )
      void code.then((c) => out.push(`exit ${c}\n`))
    })
    await listening
    try {
      expect(out.join('')).toContain(`kubectl --kubeconfig ${kubeconfig} get nodes`)
      const config = fs.readFileSync(kubeconfig, 'utf8')
      expect(config).toContain(url)
      expect(config).toContain('"token": "t0k"')
      expect((await fetch(`${url}/api/v1/nodes`)).status).toBe(401)
      const jobs = (await (await fetch(`${url}/apis/batch/v1/namespaces/default/jobs`, { headers: { Authorization: 'Bearer t0k' } })).json()) as {
        items: ReadonlyArray<{ metadata: { name: string } }>
      }
      expect(jobs.items.map((j) => j.metadata.name)).toEqual(['pi'])
    } finally {
      stop()
    }
    await new Promise((r) => setTimeout(r, 50))
    expect(out.join('')).toContain('exit 0')
    await expect(fetch(`${url}/version`)).rejects.toThrow()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('rejects bad flags with exit 1', async () => {
    const err: string[] = []
    const io: CliIo = { out: () => undefined, err: (t) => void err.push(t), readStdin: () => '', now: () => Date.now() }
    const code = await runServe({ filename: [], nodes: 'x', port: '0', speed: '1', kubeconfig: 'unused', address: '127.0.0.1' }, io, { stopped: () => Promise.resolve() })
    expect(code).toBe(1)
    expect(err.join('')).toContain('invalid --nodes')
  })
})
