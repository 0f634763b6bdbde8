import * as path from 'node:path'
import { runSimulate } from './commands/simulate'
import { parseDuration } from './commands/simulateOptions'
import type { CliIo } from './io'
import { main } from './main'
import { humanDuration } from './printers/humanDuration'
import { createProgressBar } from './printers/progressBar'

const root = path.resolve(__dirname, '../..')
const example = (...p: string[]) => path.join(root, 'examples', ...p)

const ioFor = (stdin = '') => {
  const captured = { out: '', err: '' }
  const io: CliIo = { out: (t) => (captured.out += t), err: (t) => (captured.err += t), readStdin: () => stdin, now: () => 0 }
  return { io, captured }
}

const run = async (args: ReadonlyArray<string>, stdin = '') => {
  const { io, captured } = ioFor(stdin)
  const code = await main(['node', 'kuberules', 'simulate', ...args], io)
  return { code, ...captured }
}

describe('kuberules simulate', () => {
  it('prints a kubectl get -w timeline with the virtual time in front, then the closing tables', async () => {
    const r = await run(['-f', example('seed', 'nodes.yaml'), '-f', example('seed', 'fluentd-daemonset.yaml'), '-f', example('seed', 'pi-job.yaml'), '--for', '1m'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^TIME +EVENT +NAMESPACE +NAME +STATUS +ROLES +AGE +VERSION$/)
    expect(r.out).toMatch(/\n00:00:02\.000 +MODIFIED +kube-system +pod\/fluentd-elasticsearch-\w{5} +1\/1 +Running +0 +2s +(master|worker-1)\n/)
    expect(r.out).toMatch(/\n00:00:16\.000 +MODIFIED +default +job\.batch\/pi +Complete +4\/4 +16s +16s\n/)
    expect(r.out).toContain('# cluster at 2026-01-01T00:01:00Z, after 60s of virtual time')
    expect(r.out).toMatch(/\$ kubectl get daemonsets -A\nNAMESPACE +NAME +DESIRED +CURRENT +READY +UP-TO-DATE +AVAILABLE +NODE SELECTOR +AGE\nkube-system +fluentd-elasticsearch +2 +2 +2 +2 +2 +<none> +60s\n/)
  })

  it('is byte-identical for the same seed', async () => {
    const args = ['-f', example('seed'), '--for', '3m', '--seed', '42', '--nodes', '2']
    const first = await run(args)
    const second = await run(args)
    expect(first.code).toBe(0)
    expect(second.out).toBe(first.out)
    expect(first.out).toContain('pod/fluentd-elasticsearch-')
    expect(first.out).toMatch(/node-2 +Ready +<none> +3m/)
  })

  it('-o json prints every change and the final objects', async () => {
    const r = await run(['-f', example('seed', 'nodes.yaml'), '-f', example('seed', 'pi-job.yaml'), '-o', 'json', '--for', '30s', '--start', '2026-06-01T12:00:00Z'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as { events: Array<{ time: string; type: string; object: { kind: string } }>; objects: Array<{ kind: string; metadata: { name: string } }> }
    expect(doc.events[0]).toMatchObject({ time: '2026-06-01T12:00:00.000Z', type: 'ADDED' })
    expect(new Set(doc.events.map((e) => e.type))).toEqual(new Set(['ADDED', 'MODIFIED']))
    expect(doc.objects.filter((o) => o.kind === 'Pod')).toHaveLength(4)
    expect(doc.objects.some((o) => o.kind === 'Event')).toBe(true)
  })

  it('rejects invalid manifests with kubectl messages and runs nothing', async () => {
    const r = await run(['-f', example('invalid', 'daemonset-invalid.yaml')])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toContain('The DaemonSet "fluentd" is invalid: spec.template.metadata.labels')
  })

  it('checks its flags', async () => {
    expect((await run(['-f', example('seed'), '--for', 'soon'])).err).toContain('invalid argument "soon" for "--for" flag')
    expect((await run(['-f', example('seed'), '--for', '1m', '--until-settled'])).err).toContain('cannot be used together')
    expect((await run(['-f', example('seed'), '-o', 'yaml'])).err).toContain('allowed formats are: timeline,json')
    expect((await run(['-f', example('seed'), '--nodes', '-1'])).code).toBe(1)
    expect((await run([])).err).toContain('must specify one of -f')
  })

  it('until settled: stops once a resync changes nothing', async () => {
    const r = await run(['-f', example('seed', 'nodes.yaml'), '-f', example('seed', 'pi-job.yaml'), '--until-settled', '--no-summary'])
    expect(r.code).toBe(0)
    expect(r.out).not.toContain('# cluster at')
    const last = r.out.trimEnd().split('\n').at(-1) ?? ''
    expect(last).toMatch(/^00:00:16\.000 .*job\.batch\/pi +Complete/)
  })

  it('draws a progress bar on a terminal only once the run takes a moment', async () => {
    let wall = 0
    const { io, captured } = ioFor()
    const code = await runSimulate(
      { filename: [example('seed', 'nodes.yaml')], output: 'timeline', summary: false, for: '1h' },
      io,
      { stderrIsTty: true, wallNow: () => (wall += 50) },
    )
    expect(code).toBe(0)
    expect(captured.err).toContain('\r\x1b[2Ksimulating [')
    expect(captured.err.endsWith('\r\x1b[2K')).toBe(true)
  })
})

describe('simulate helpers', () => {
  it('parses Go durations', () => {
    expect(parseDuration('90m')).toBe(5_400_000)
    expect(parseDuration('1h30m')).toBe(5_400_000)
    expect(parseDuration('2.5s')).toBe(2500)
    expect(parseDuration('0')).toBe(0)
    expect(parseDuration('10')).toBeUndefined()
  })

  it('formats ages as kubectl does', () => {
    expect([0, 59_000, 119_000, 120_000, 185_000, 600_000, 3 * 3600_000 + 5 * 60_000, 50 * 3600_000].map(humanDuration)).toEqual([
      '0s',
      '59s',
      '119s',
      '2m',
      '3m5s',
      '10m',
      '3h5m',
      '2d2h',
    ])
  })

  it('the progress bar stays silent for quick runs', () => {
    let wall = 0
    const written: string[] = []
    const bar = createProgressBar({ write: (t) => void written.push(t), wallNow: () => wall, start: 0, end: 100 })
    bar.update(50)
    wall = 100
    bar.update(100)
    bar.finish()
    expect(written).toEqual([])
  })
})
