import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Kubectl } from './kubectlRunner'
import { kubectlSession, type KubectlSession } from './testCluster'

/**
 * The real kubectl against the served cluster. kubectl is resolved through PATH; when it is
 * missing these tests fail (the ENOENT surfaces from execFile), they never skip.
 */
const repo = path.resolve(__dirname, '..', '..')
const piJob = path.join(repo, 'examples', 'seed', 'pi-job.yaml')

let session: KubectlSession
let kubectl: Kubectl

beforeAll(async () => {
  // Twice real time: pi's first pods are running by the time `logs` asks.
  session = await kubectlSession({ nodes: 3, speed: 2 }, repo)
  kubectl = session.kubectl
})
afterAll(() => session.stop())

const lines = (text: string): ReadonlyArray<ReadonlyArray<string>> =>
  text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s{2,}/))

describe('real kubectl', () => {
  it('get nodes prints the node table', async () => {
    const r = await kubectl(['get', 'nodes'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const rows = lines(r.stdout)
    expect(rows[0]).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'])
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['node-1', 'Ready'],
      ['node-2', 'Ready'],
      ['node-3', 'Ready'],
    ])
  })

  it('create -f, get -w, get jobs, get po -l, logs, delete -f', async () => {
    // Started first, so the create below shows up as new rows on the open stream.
    const watching = kubectl(['get', 'jobs', '-w'], 3500)
    await new Promise((r) => setTimeout(r, 1000))
    const created = await kubectl(['create', '-f', piJob])
    expect(created.stderr).toBe('')
    expect(created.stdout).toBe('job.batch/pi created\n')

    const again = await kubectl(['create', '-f', piJob])
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain('Error from server (AlreadyExists): error when creating')
    expect(again.stderr).toContain('jobs.batch "pi" already exists')

    const jobs = await kubectl(['get', 'jobs'])
    expect(jobs.code).toBe(0)
    const rows = lines(jobs.stdout)
    expect(rows[0]).toEqual(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'])
    expect(rows[1]?.[0]).toBe('pi')
    expect(rows[1]?.[2]).toMatch(/^\d\/4$/)

    const pods = await kubectl(['get', 'po', '-l', 'job-name=pi'])
    expect(pods.code).toBe(0)
    expect(lines(pods.stdout)[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'])
    const podName = /^(pi-\w{5})\s/m.exec(pods.stdout)?.[1] ?? ''
    expect(podName).not.toBe('')

    const described = await kubectl(['describe', 'jobs/pi'])
    expect(described.stdout).toMatch(/^Pods Statuses:\s+\d+ Active \(\d+ Ready\) \/ \d+ Succeeded \/ 0 Failed$/m)
    expect(described.stdout).toMatch(/Normal\s+SuccessfulCreate\s+\S+\s+job-controller\s+Created pod: pi-\w{5}/)

    const wide = await kubectl(['get', 'pods', '-o', 'wide'])
    expect(lines(wide.stdout)[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'])

    const events = await kubectl(['get', 'events'])
    expect(lines(events.stdout)[0]).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'])
    expect(events.stdout).toMatch(/Normal\s+SuccessfulCreate\s+job\/pi\s+Created pod: pi-\w{5}/)

    const missingLog = await kubectl(['logs', 'nosuchpod'])
    expect(missingLog.stderr).toContain('pods "nosuchpod" not found')

    const watched = await watching
    const watchRows = lines(watched.stdout)
    // The list was empty: the header comes with the first watch event, then one row per change of pi.
    expect(watchRows[0]).toEqual(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'])
    expect(watchRows.length).toBeGreaterThan(1)
    expect(watchRows.slice(1).every((row) => row[0] === 'pi')).toBe(true)

    const log = await kubectl(['logs', podName])
    expect(log.stderr).toBe('')
    // The simulated runtime runs nothing: one synthetic line (kubectlProcessRuntime.test.ts shows bc's real digits).
    expect(log.stdout).toBe(`[kuberules simulated runtime] container pi (resouer/ubuntu-bc) ran: sh -c echo 'scale=5000; 4*a(1)' | bc -l \n`)

    const removed = await kubectl(['delete', '-f', piJob])
    expect(removed.stderr).toBe('')
    expect(removed.stdout).toBe('job.batch "pi" deleted\n')

    const none = await kubectl(['get', 'jobs'])
    expect(none.stdout).toBe('')
    expect(none.stderr).toBe('No resources found in default namespace.\n')

    const missing = await kubectl(['delete', '-f', piJob])
    expect(missing.stderr).toContain('Error from server (NotFound): error when deleting')
  }, 30000)

  it('apply -f creates, leaves unchanged, configures; get ds; delete -f', async () => {
    const manifest = (image: string): string =>
      [
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata: {name: agent, namespace: kube-system}',
        'spec:',
        '  selector: {matchLabels: {name: agent}}',
        '  template:',
        '    metadata: {labels: {name: agent}}',
        `    spec: {containers: [{name: agent, image: "${image}"}]}`,
        '',
      ].join('\n')
    const file = path.join(session.home, 'agent.yaml')
    fs.writeFileSync(file, manifest('agent:1'))
    expect((await kubectl(['apply', '-f', file])).stdout).toBe('daemonset.apps/agent created\n')
    expect((await kubectl(['apply', '-f', file])).stdout).toBe('daemonset.apps/agent unchanged\n')
    fs.writeFileSync(file, manifest('agent:2'))
    const configured = await kubectl(['apply', '-f', file])
    expect(configured.stderr).toBe('')
    expect(configured.stdout).toBe('daemonset.apps/agent configured\n')
    const image = await kubectl(['get', 'ds', 'agent', '-n', 'kube-system', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])
    expect(image.stdout).toBe('agent:2')
    const ds = await kubectl(['get', 'ds', '-n', 'kube-system'])
    expect(lines(ds.stdout)[0]).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'])
    expect(lines(ds.stdout)[1]?.slice(0, 2)).toEqual(['agent', '3'])
    expect((await kubectl(['delete', '-f', file])).stdout).toBe('daemonset.apps "agent" deleted\n')
  }, 30000)
})
