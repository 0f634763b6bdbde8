import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Command } from 'commander'
import type { CliIo } from '../io'
import { addServeCommand } from './serve'

const repo = path.resolve(__dirname, '..', '..', '..')

/** How many pods the served cluster has once it has 2 (a Job controller's first batch) or `withinMs` passed. */
const countPods = async (url: string, withinMs: number): Promise<number> => {
  const end = Date.now() + withinMs
  for (;;) {
    const list = (await (await fetch(`${url}/api/v1/namespaces/default/pods`)).json()) as { items: ReadonlyArray<unknown> }
    if (list.items.length >= 2 || Date.now() > end) return list.items.length
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Runs `kuberules serve ARGS` through commander over the seed's pi Job, counts its pods, then stops it. */
const serve = async (args: ReadonlyArray<string>, withinMs = 500): Promise<{ readonly code: number; readonly out: string; readonly pods: number }> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-serve-ctl-'))
  const out: string[] = []
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void out.push(t), readStdin: () => '', now: () => Date.now() }
  const result = { code: -1 }
  let pods = -1
  let counted: Promise<void> = Promise.resolve()
  const program = new Command('kuberules').exitOverride()
  addServeCommand(program, io, result, {
    stopped: () => counted,
    onListening: (url) => {
      counted = countPods(url, withinMs).then((n) => {
        pods = n
      })
    },
  })
  await program.parseAsync(['node', 'kuberules', 'serve', '-f', path.join(repo, 'examples', 'seed', 'pi-job.yaml'), '--port', '0', '--nodes', '1', '--kubeconfig', path.join(dir, 'kc'), ...args])
  fs.rmSync(dir, { recursive: true, force: true })
  return { code: result.code, out: out.join(''), pods }
}

describe('kuberules serve --controllers / --no-controllers', () => {
  it('runs every controller by default', async () => {
    const { code, out, pods } = await serve([], 10_000)
    expect(code).toBe(0)
    expect(out).toContain('controllers: daemonset-controller, job-controller, cronjob-controller\n')
    expect(pods).toBe(2)
  })

  it('--no-controllers runs none: the Job gets no pods', async () => {
    const { code, out, pods } = await serve(['--no-controllers'])
    expect(code).toBe(0)
    expect(out).toContain('controllers: none\n')
    expect(pods).toBe(0)
  })

  it("--controllers '*,-job' leaves the Job controller out; an unknown name exits 1", async () => {
    const { out, pods } = await serve(['--controllers', '*,-job'])
    expect(out).toContain('controllers: daemonset-controller, cronjob-controller\n')
    expect(pods).toBe(0)
    const bad = await serve(['--controllers', 'deployment'])
    expect(bad.code).toBe(1)
    expect(bad.out).toBe('error: --controllers: unknown controller "deployment" (known: cronjob, daemonset, job)\n')
  })
})
