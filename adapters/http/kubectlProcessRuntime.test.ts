import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runServe } from '../cli/commands/serve'
import type { CliIo } from '../cli/io'
import { kubectlRunner, type Kubectl } from './kubectlRunner'

/**
 * `kuberules serve --runtime process` with the real kubectl: the seed's pi Job runs `bc` for real
 * and `kubectl logs` prints its digits. kubectl and bc are resolved through PATH; when either is
 * missing these tests fail, they never skip (.ci/run installs both).
 */
const repo = path.resolve(__dirname, '..', '..')
// The seed asks for 5000 digits (about 15 s of bc); 200 keep the test quick and still span lines.
const scale = 200
const piCommand = `echo 'scale=${scale}; 4*a(1)' | bc -l `

let dir: string
let kubectl: Kubectl
let stop: () => void
let exitCode: Promise<number>
const output: string[] = []
const errors: string[] = []

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-process-'))
  const seed = fs.readFileSync(path.join(repo, 'examples', 'seed', 'pi-job.yaml'), 'utf8')
  const smaller = seed.replace('scale=5000', `scale=${scale}`)
  expect(smaller).not.toBe(seed)
  fs.writeFileSync(path.join(dir, 'pi-job.yaml'), smaller)
  const kubeconfig = path.join(dir, 'kubeconfig')
  const io: CliIo = { out: (t) => void output.push(t), err: (t) => void errors.push(t), readStdin: () => '', now: () => Date.now() }
  const stopped = new Promise<void>((resolve) => {
    stop = resolve
  })
  await new Promise<void>((listening, failed) => {
    const flags = { filename: [], nodes: '2', port: '0', speed: '2', kubeconfig, address: '127.0.0.1', runtime: 'process' }
    exitCode = runServe(flags, io, { stopped: () => stopped, onListening: () => listening() })
    void exitCode.then((code) => failed(new Error(`serve exited ${code} before listening: ${errors.join('')}`)))
  })
  kubectl = kubectlRunner(kubeconfig, dir, repo)
})

afterAll(async () => {
  stop()
  await exitCode
  fs.rmSync(dir, { recursive: true, force: true })
})

const eventually = async (check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe('kuberules serve --runtime process, with the real kubectl', () => {
  it('warns on stderr that manifests’ commands run on this machine', () => {
    expect(errors.join('')).toMatch(/^warning: --runtime process runs the manifests' container commands on this machine .*unsafe for untrusted manifests\n$/)
  })

  it('runs the seed’s pi Job to 4/4 and kubectl logs prints what bc printed', async () => {
    const created = await kubectl(['create', '-f', path.join(dir, 'pi-job.yaml')])
    expect(created.stderr).toBe('')
    expect(created.stdout).toBe('job.batch/pi created\n')

    await eventually(async () => (await kubectl(['get', 'job', 'pi', '-o', 'jsonpath={.status.succeeded}'])).stdout === '4', 20_000)
    const jobs = await kubectl(['get', 'jobs'])
    expect(jobs.stdout).toMatch(/^pi\s+Complete\s+4\/4\s/m)

    const names = (await kubectl(['get', 'pods', '-l', 'job-name=pi', '-o', 'jsonpath={.items[*].metadata.name}'])).stdout.split(' ')
    expect(names).toHaveLength(4)
    const pod = names[0] ?? ''
    const expected = execFileSync('sh', ['-c', piCommand], { encoding: 'utf8' })
    const logs = await kubectl(['logs', pod])
    expect(logs.stderr).toBe('')
    expect(logs.stdout).toMatch(/^3\.14159265358979323846/)
    expect(logs.stdout).toBe(expected)

    const lastLine = expected.trimEnd().split('\n').at(-1) ?? ''
    expect((await kubectl(['logs', pod, '--tail=1'])).stdout).toBe(`${lastLine}\n`)
    expect((await kubectl(['logs', pod, '--timestamps'])).stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 3\.14159/)

    const terminated = await kubectl(['get', 'pod', pod, '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.exitCode}'])
    expect(terminated.stdout).toBe('0')
  }, 30_000)

  it('kubectl run: a command only a real process can answer, and its real exit code', async () => {
    const ran = await kubectl(['run', 'whoami', '--image=ignored', '--restart=Never', '--command', '--', 'sh', '-c', 'echo "from $HOSTNAME"; exit 3'])
    expect(ran.stderr).toBe('')
    expect(ran.stdout).toBe('pod/whoami created\n')
    const exit = ['get', 'pod', 'whoami', '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.exitCode}']
    await eventually(async () => (await kubectl(exit)).stdout !== '', 10_000)
    expect((await kubectl(exit)).stdout).toBe('3')
    expect((await kubectl(['get', 'pod', 'whoami', '-o', 'jsonpath={.status.phase}'])).stdout).toBe('Failed')
    expect((await kubectl(['logs', 'whoami'])).stdout).toBe('from whoami\n')
  }, 20_000)

  it('kubectl logs -f streams the lines as the process prints them, and ends when it exits', async () => {
    const script = 'echo start; sleep 1; for i in 1 2 3; do echo "tick $i"; sleep 0.2; done'
    expect((await kubectl(['run', 'ticker', '--image=ignored', '--restart=Never', '--command', '--', 'sh', '-c', script])).stderr).toBe('')
    const phase = ['get', 'pod', 'ticker', '-o', 'jsonpath={.status.phase}']
    await eventually(async () => (await kubectl(phase)).stdout === 'Running', 10_000)
    const followed = await kubectl(['logs', '-f', 'ticker'], 10_000)
    expect(followed.stderr).toBe('')
    expect(followed.stdout).toBe('start\ntick 1\ntick 2\ntick 3\n')
  }, 20_000)
})

describe('kuberules serve --runtime', () => {
  it('accepts simulated or process only', async () => {
    const err: string[] = []
    const io: CliIo = { out: () => undefined, err: (t) => void err.push(t), readStdin: () => '', now: () => Date.now() }
    const flags = { filename: [], nodes: '1', port: '0', speed: '1', kubeconfig: 'unused', address: '127.0.0.1', runtime: 'docker' }
    expect(await runServe(flags, io, { stopped: () => Promise.resolve() })).toBe(1)
    expect(err.join('')).toBe('error: invalid --runtime "docker": choose simulated or process\n')
  })
})
