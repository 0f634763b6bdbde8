import * as path from 'node:path'
import { parseAllDocuments } from 'yaml'
import type { CliIo } from '../io'
import { main } from '../main'

const root = path.resolve(__dirname, '../../..')
const template = path.join(root, 'examples', 'seed', 'templates', 'job-tmpl.yaml')

const run = async (args: ReadonlyArray<string>, stdin = '') => {
  let out = ''
  let err = ''
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), readStdin: () => stdin, now: () => Date.parse('2026-01-01T00:00:00Z') }
  const code = await main(['node', 'kuberules', ...args], io)
  return { code, out, err }
}

type Manifest = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec: { template: { spec: { containers: Array<{ command: string[] }> } } } }

describe('kuberules expand', () => {
  it('turns the seed template into three Jobs, as multi-document YAML by default', async () => {
    const r = await run(['expand', '-f', template, '--items', 'apple,banana,cherry'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const docs = parseAllDocuments(r.out)
    const jobs = (Array.isArray(docs) ? docs : []).map((d) => d.toJS() as Manifest)
    expect(jobs.map((j) => j.metadata.name)).toEqual(['process-item-apple', 'process-item-banana', 'process-item-cherry'])
    expect(jobs.every((j) => j.kind === 'Job' && j.metadata.labels?.['jobgroup'] === 'jobexample')).toBe(true)
    expect(jobs.map((j) => j.spec.template.spec.containers[0]?.command[2])).toEqual([
      'echo Processing item apple && sleep 5',
      'echo Processing item banana && sleep 5',
      'echo Processing item cherry && sleep 5',
    ])
    expect(r.out.split('\n').filter((l) => l === '---')).toHaveLength(2)
  })

  it('prints a v1 List with -o json, which `kuberules plan -f -` takes back: one pod per Job', async () => {
    const r = await run(['expand', '-f', template, '--items', 'apple', '--items', 'banana,cherry', '-o', 'json'])
    expect(r.code).toBe(0)
    const list = JSON.parse(r.out) as { apiVersion: string; kind: string; items: Manifest[] }
    expect([list.apiVersion, list.kind, list.items.length]).toEqual(['v1', 'List', 3])
    const plan = await run(['plan', '-f', '-', '-o', 'json'], r.out)
    expect(plan.code).toBe(0)
    const creates = (JSON.parse(plan.out) as { actions: Array<{ type: string; pod?: { metadata: { generateName: string; labels: Record<string, string> } } }> }).actions.filter(
      (a) => a.type === 'CreatePod',
    )
    expect(creates.map((a) => a.pod?.metadata.generateName)).toEqual(['process-item-apple-', 'process-item-banana-', 'process-item-cherry-'])
    // `kubectl get pods -l jobgroup=jobexample` finds them all.
    expect(creates.every((a) => a.pod?.metadata.labels['jobgroup'] === 'jobexample')).toBe(true)
  })

  it('reads the template from standard input', async () => {
    const r = await run(['expand', '-f', '-', '--items', 'x', '-o', 'json'], 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: "t-$ITEM"}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}\n')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.out) as { items: Manifest[] }).items.map((j) => j.metadata.name)).toEqual(['t-x'])
  })

  it('exits 1 with the API server message when an item makes an invalid name, printing no Jobs', async () => {
    const r = await run(['expand', '-f', template, '--items', 'apple,Banana'])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toBe(
      'The Job "process-item-Banana" is invalid: metadata.name: Invalid value: "process-item-Banana": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n',
    )
  })

  it('prints kubectl warnings on standard error for names that are no DNS label, and still succeeds', async () => {
    const r = await run(['expand', '-f', template, '--items', 'v1.2'])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/^Warning: metadata\.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: \[/)
    expect(r.out).toContain('name: process-item-v1.2')
  })

  it('reports a broken template with file, line and column, and duplicate items', async () => {
    const broken = await run(['expand', '-f', template, '--items', 'a: b'])
    expect(broken.code).toBe(1)
    expect(broken.err).toBe(`error: error parsing ${template} with $ITEM="a: b": line 6, column 9: Nested mappings are not allowed in compact mappings\n`)
    const twice = await run(['expand', '-f', template, '--items', 'apple,apple'])
    expect(twice.err).toBe('error: items "apple" and "apple" both expand to the Job "process-item-apple"\n')
  })

  it('refuses a missing file, missing flags and an unknown output format, without a stack trace', async () => {
    expect(await run(['expand', '-f', '/nonexistent/t.yaml', '--items', 'a'])).toEqual({ code: 1, out: '', err: 'error: the path "/nonexistent/t.yaml" does not exist\n' })
    expect(await run(['expand', '--items', 'a'])).toEqual({ code: 1, out: '', err: 'error: must specify -f with a Job template\n' })
    expect(await run(['expand', '-f', template])).toEqual({ code: 1, out: '', err: 'error: must specify --items (e.g. --items apple,banana,cherry)\n' })
    const wide = await run(['expand', '-f', template, '--items', 'a', '-o', 'wide'])
    expect(wide.code).toBe(1)
    expect(wide.err).toBe('error: unable to match a printer suitable for the output format "wide", allowed formats are: yaml,json\n')
  })
})
