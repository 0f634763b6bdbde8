import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Kubectl } from './kubectlRunner'
import { kubectlSession, type KubectlSession } from './testCluster'

/**
 * The real kubectl (through PATH; missing, these tests fail) against server-side apply, server-side
 * field validation, explain and `logs -f`.
 */
const repo = path.resolve(__dirname, '..', '..')
const fluentd = path.join(repo, 'examples', 'seed', 'fluentd-daemonset.yaml')

let session: KubectlSession
let kubectl: Kubectl

beforeAll(async () => {
  // Ten times real time: a rollout over three nodes takes a couple of seconds.
  session = await kubectlSession({ nodes: 3, speed: 10 }, repo)
  kubectl = session.kubectl
})
afterAll(() => session.stop())

const write = (name: string, text: string): string => {
  const file = path.join(session.home, name)
  fs.writeFileSync(file, text)
  return file
}
const withImage = (image: string): string => write(`fluentd-${image.replace(/\W/g, '-')}.yaml`, fs.readFileSync(fluentd, 'utf8').replace('k8s.gcr.io/fluentd-elasticsearch:1.20', image))
const jsonpath = async (args: ReadonlyArray<string>, expression: string): Promise<string> => (await kubectl(['get', ...args, '-o', `jsonpath=${expression}`])).stdout

describe('kubectl apply --server-side', () => {
  it('creates, re-applies, and rolls out a changed image', async () => {
    const created = await kubectl(['apply', '--server-side', '-f', fluentd])
    expect(created.stderr).toBe('')
    expect(created.stdout).toBe('daemonset.apps/fluentd-elasticsearch serverside-applied\n')
    expect((await kubectl(['apply', '--server-side', '-f', fluentd])).stdout).toBe('daemonset.apps/fluentd-elasticsearch serverside-applied\n')
    const ds = ['ds', 'fluentd-elasticsearch', '-n', 'kube-system']
    expect(await jsonpath(ds, '{.metadata.generation}')).toBe('1')
    expect(await jsonpath([...ds, '--show-managed-fields'], '{.metadata.managedFields[*].manager}/{.metadata.managedFields[*].operation}')).toBe('kubectl/Apply')

    const updated = await kubectl(['apply', '--server-side', '-f', withImage('fluentd:2.0')])
    expect(updated.stdout).toBe('daemonset.apps/fluentd-elasticsearch serverside-applied\n')
    expect(await jsonpath(ds, '{.metadata.generation} {.spec.template.spec.containers[0].image}')).toBe('2 fluentd:2.0')
    const status = await kubectl(['rollout', 'status', 'ds/fluentd-elasticsearch', '-n', 'kube-system'], 20000)
    expect(status.stdout).toMatch(/daemon set "fluentd-elasticsearch" successfully rolled out\n$/)
    const images = await jsonpath(['pods', '-n', 'kube-system', '-l', 'name=fluentd-elasticsearch'], '{.items[*].spec.containers[0].image}')
    expect(images.split(' ')).toEqual(['fluentd:2.0', 'fluentd:2.0', 'fluentd:2.0'])
  }, 40000)

  it('refuses to take an image kubectl set image changed, until --force-conflicts', async () => {
    const set = await kubectl(['set', 'image', 'ds/fluentd-elasticsearch', 'fluentd-elasticsearch=fluentd:3.0', '-n', 'kube-system'])
    expect(set.stdout).toBe('daemonset.apps/fluentd-elasticsearch image updated\n')
    const refused = await kubectl(['apply', '--server-side', '-f', withImage('fluentd:4.0')])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain(
      'error: Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="fluentd-elasticsearch"].image',
    )
    expect(await jsonpath(['ds', 'fluentd-elasticsearch', '-n', 'kube-system'], '{.spec.template.spec.containers[0].image}')).toBe('fluentd:3.0')
    const forced = await kubectl(['apply', '--server-side', '--force-conflicts', '-f', withImage('fluentd:4.0')])
    expect(forced.stdout).toBe('daemonset.apps/fluentd-elasticsearch serverside-applied\n')
    expect(await jsonpath(['ds', 'fluentd-elasticsearch', '-n', 'kube-system'], '{.spec.template.spec.containers[0].image}')).toBe('fluentd:4.0')
  }, 30000)

  it('takes over from a client-side apply of the same manifest', async () => {
    const file = write('agent.yaml', 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec: {containers: [{name: agent, image: "agent:1"}]}\n')
    expect((await kubectl(['apply', '-f', file])).stdout).toBe('daemonset.apps/agent created\n')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('agent:1', 'agent:2'))
    const upgraded = await kubectl(['apply', '--server-side', '-f', file])
    expect(upgraded.stderr).toBe('')
    expect(upgraded.stdout).toBe('daemonset.apps/agent serverside-applied\n')
    expect(await jsonpath(['ds', 'agent'], '{.spec.template.spec.containers[0].image}')).toBe('agent:2')
  })
})

describe('server-side field validation', () => {
  const typo = (name: string): string =>
    write(`${name}.yaml`, `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: x}}\n  templat: {}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, image: i, imagePolicy: Always}]}\n`)

  it('create -f and apply -f name the unknown fields, and nothing is stored', async () => {
    const created = await kubectl(['create', '-f', typo('typo-create')])
    expect(created.code).not.toBe(0)
    expect(created.stderr).toBe(
      `Error from server (BadRequest): error when creating "${path.join(session.home, 'typo-create.yaml')}": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.templat", unknown field "spec.template.spec.containers[0].imagePolicy"\n`,
    )
    const applied = await kubectl(['apply', '-f', typo('typo-apply')])
    expect(applied.stderr).toContain('strict decoding error: unknown field "spec.templat"')
    const ssa = await kubectl(['apply', '--server-side', '-f', typo('typo-ssa')])
    expect(ssa.stderr).toContain('failed to create typed patch object (default/typo-ssa; apps/v1, Kind=DaemonSet)')
    expect(ssa.stderr).toContain('.spec.templat: field not declared in schema')
    for (const name of ['typo-create', 'typo-apply', 'typo-ssa']) expect((await kubectl(['get', 'ds', name])).stderr).toContain('not found')
    // --validate=false asks the server to ignore them: the object is stored without them.
    const ignored = await kubectl(['create', '--validate=false', '-f', typo('typo-ignored')])
    expect(ignored.stdout).toBe('daemonset.apps/typo-ignored created\n')
    expect((await kubectl(['get', 'ds', 'typo-ignored', '-o', 'json'])).stdout).not.toContain('imagePolicy')
  }, 30000)

  it('explain reads the served OpenAPI schemas', async () => {
    const r = await kubectl(['explain', 'daemonset.spec.updateStrategy'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^GROUP:\s+apps\nKIND:\s+DaemonSet\nVERSION:\s+v1\n\nFIELD: updateStrategy <DaemonSetUpdateStrategy>/)
    expect(r.stdout).toMatch(/rollingUpdate\t<RollingUpdateDaemonSet>/)
    expect(r.stdout).toMatch(/type\t<string>\n {2}enum: OnDelete, RollingUpdate/)
  })
})

describe('fields an update may not change', () => {
  const jobFile = (image: string, parallelism: number): string =>
    write('once.yaml', `apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec:\n  parallelism: ${parallelism}\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: "${image}"}]\n`)

  it('a Job takes a new parallelism but refuses a new template, and keeps what it had', async () => {
    expect((await kubectl(['apply', '-f', jobFile('busybox:1', 1)])).stdout).toBe('job.batch/once created\n')
    expect((await kubectl(['apply', '-f', jobFile('busybox:1', 2)])).stdout).toBe('job.batch/once configured\n')
    const refused = await kubectl(['apply', '-f', jobFile('busybox:2', 2)])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/^The Job "once" is invalid: spec\.template: Invalid value: \{.*"image":"busybox:2".*\}: field is immutable\n$/)
    expect(await jsonpath(['job', 'once'], '{.spec.parallelism} {.spec.template.spec.containers[0].image}')).toBe('2 busybox:1')
    // kubectl replace sends the manifest as it is: without the generated selector, as upstream answers.
    const replaced = await kubectl(['replace', '-f', jobFile('busybox:1', 2)])
    expect(replaced.stderr).toContain('The Job "once" is invalid: \n* spec.selector: Required value\n')
    expect(replaced.stderr).toContain('* spec.selector: Invalid value: "null": field is immutable\n')
  }, 30000)

  it('a DaemonSet refuses a new selector', async () => {
    const ds = (app: string): string =>
      write('keeper.yaml', `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: keeper}\nspec:\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: i}]}\n`)
    expect((await kubectl(['apply', '-f', ds('keeper')])).stdout).toBe('daemonset.apps/keeper created\n')
    const refused = await kubectl(['apply', '-f', ds('other')])
    expect(refused.stderr).toBe('The DaemonSet "keeper" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"other"}}: field is immutable\n')
    expect(await jsonpath(['ds', 'keeper'], '{.spec.selector.matchLabels.app} {.spec.template.metadata.labels.app}')).toBe('keeper keeper')
  })
})

describe('kubectl logs -f', () => {
  it('follows a container until it terminates, then exits', async () => {
    const file = write(
      'printer.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: printer\n  annotations: {sim.kuberules.io/run-seconds: "20"}\nspec:\n  restartPolicy: Never\n  containers: [{name: c, image: busybox, command: [sh, -c, "echo hello from printer"]}]\n',
    )
    expect((await kubectl(['create', '-f', file])).stdout).toBe('pod/printer created\n')
    for (let i = 0; i < 50 && (await jsonpath(['pod', 'printer'], '{.status.phase}')) !== 'Running'; i++) await new Promise((r) => setTimeout(r, 100))
    const started = Date.now()
    const followed = await kubectl(['logs', '-f', 'printer'], 15000)
    expect(followed.stderr).toBe('')
    expect(followed.code).toBe(0)
    expect(followed.stdout).toBe('[kuberules simulated runtime] container c (busybox) ran: sh -c echo hello from printer\n')
    // It waited for the rest of the 20 virtual seconds (2 s here) rather than returning at once.
    expect(Date.now() - started).toBeGreaterThan(500)
    expect(await jsonpath(['pod', 'printer'], '{.status.phase}')).toBe('Succeeded')
  }, 30000)
})
