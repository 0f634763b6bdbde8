import { execFileSync } from 'node:child_process'
import * as E from 'fp-ts/Either'
import { Resources, type KubeObject, type ObjectBody } from '../runtime/clusterApi'
import { createProcessRuntime } from './processRuntime'
import { createSimulatedCluster, type SimulatedCluster } from './simulatedCluster'

/** Real processes on a virtual clock that follows the wall clock, five times faster. */
const speed = 5

interface Running {
  readonly cluster: SimulatedCluster
  readonly runtime: ReturnType<typeof createProcessRuntime>
  /** Moves virtual time up to the wall clock × speed, then checks; until the check answers or time is up. */
  waitFor<T>(check: () => T | undefined, timeoutMs?: number): Promise<T>
}

let running: Running | undefined

const start = async (): Promise<Running> => {
  const runtime = createProcessRuntime()
  const cluster = await createSimulatedCluster({ start: Date.now(), runtime })
  cluster.addNodes(1)
  const virtualStart = cluster.clock.now()
  const realStart = Date.now()
  const waitFor = async <T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> => {
    for (;;) {
      const ahead = virtualStart + (Date.now() - realStart) * speed - cluster.clock.now()
      if (ahead > 0) await cluster.run({ for: ahead })
      const answer = check()
      if (answer !== undefined) return answer
      if (Date.now() - realStart > timeoutMs) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  running = { cluster, runtime, waitFor }
  return running
}

afterEach(async () => {
  running?.cluster.stop()
  await running?.runtime.stop()
  running = undefined
})

const podBody = (name: string, container: Readonly<Record<string, unknown>>, restartPolicy = 'Never'): ObjectBody => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'main', image: 'ignored:latest', ...container }], restartPolicy },
})

interface Terminated {
  readonly exitCode: number
  readonly reason: string
}
interface PodStatusView {
  readonly phase?: string
  readonly containerStatuses?: ReadonlyArray<{ readonly restartCount: number; readonly state: { readonly terminated?: Terminated; readonly running?: object } }>
}

const podOf = (r: Running, name: string): KubeObject | undefined => {
  const got = r.cluster.store.get({ resource: Resources.pods, namespace: 'default', name })
  return E.isRight(got) ? got.right : undefined
}
const statusOf = (r: Running, name: string): PodStatusView => (podOf(r, name)?.['status'] ?? {}) as PodStatusView
const finished = (r: Running, name: string): PodStatusView | undefined => {
  const status = statusOf(r, name)
  return status.phase === 'Succeeded' || status.phase === 'Failed' ? status : undefined
}
const logOf = (r: Running, name: string, previous = false): ReadonlyArray<string> | undefined =>
  r.runtime.logs.lines(podOf(r, name)?.metadata.uid ?? '', 'main', previous)?.map((l) => l.text)

/** The last status the pod had before it was removed, from the cluster's timeline. */
const lastStatusOf = (r: Running, name: string): PodStatusView | undefined =>
  r.cluster
    .timeline()
    .filter((e) => e.object.kind === 'Pod' && e.object.metadata.name === name && e.type === 'MODIFIED')
    .map((e) => e.object['status'] as PodStatusView)
    .at(-1)
const gone = (r: Running, name: string): true | undefined => (podOf(r, name) === undefined ? true : undefined)

describe('process runtime on the embedded cluster', () => {
  it('runs a container’s command: its exit code fails the pod, its output is the log', async () => {
    const r = await start()
    expect(r.cluster.apply([podBody('hello', { command: ['sh', '-c', 'echo hello; exit 3'] })])).toEqual([])
    const status = await r.waitFor(() => finished(r, 'hello'))
    expect(status.phase).toBe('Failed')
    expect(status.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(logOf(r, 'hello')).toEqual(['hello'])
    expect(r.runtime.running()).toBe(0)
  })

  it('passes env values and expands $(VAR) in args; HOSTNAME is the pod name', async () => {
    const r = await start()
    const container = {
      command: ['sh', '-c'],
      args: [`printf '%s\\n' "$GREETING" '$(GREETING)' '$(UNSET)' '$$(GREETING)' "$HOSTNAME"; pwd`],
      env: [{ name: 'GREETING', value: 'hi' }, { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
    }
    expect(r.cluster.apply([podBody('env', container)])).toEqual([])
    expect(await r.waitFor(() => finished(r, 'env'))).toMatchObject({ phase: 'Succeeded' })
    const lines = logOf(r, 'env') ?? []
    expect(lines.slice(0, 5)).toEqual(['hi', 'hi', '$(UNSET)', '$(GREETING)', 'env'])
    expect(lines[5]).toMatch(/kuberules-runtime-.*default_env_.*\/main$/)
  })

  it('restarts an OnFailure container as a new process; the run before stays readable as --previous', async () => {
    const r = await start()
    const script = 'if [ -f done ]; then echo second; exit 0; fi; touch done; echo first; exit 1'
    expect(r.cluster.apply([podBody('retry', { command: ['sh', '-c', script] }, 'OnFailure')])).toEqual([])
    const status = await r.waitFor(() => finished(r, 'retry'))
    expect(status.phase).toBe('Succeeded')
    expect(status.containerStatuses?.[0]?.restartCount).toBe(1)
    expect(logOf(r, 'retry')).toEqual(['second'])
    expect(logOf(r, 'retry', true)).toEqual(['first'])
  })

  it('deleting the pod sends SIGTERM; the exit the process chooses is the final status', async () => {
    const r = await start()
    const script = "trap 'echo bye; exit 0' TERM; echo ready; while :; do sleep 0.1; done"
    expect(r.cluster.apply([podBody('polite', { command: ['sh', '-c', script] })])).toEqual([])
    await r.waitFor(() => (logOf(r, 'polite')?.includes('ready') === true ? true : undefined))
    const deletedAt = r.cluster.clock.now()
    r.cluster.store.delete({ resource: Resources.pods, namespace: 'default', name: 'polite' })
    await r.waitFor(() => gone(r, 'polite'))
    // Well inside the default 30 s grace period: the process ended it.
    expect(r.cluster.clock.now() - deletedAt).toBeLessThan(10_000)
    expect(lastStatusOf(r, 'polite')?.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('a process that ignores SIGTERM is killed when the grace period ends', async () => {
    const r = await start()
    const script = "trap '' TERM; echo ready; while :; do sleep 0.1; done"
    expect(r.cluster.apply([podBody('stubborn', { command: ['sh', '-c', script] })])).toEqual([])
    await r.waitFor(() => (logOf(r, 'stubborn')?.includes('ready') === true ? true : undefined))
    r.cluster.store.delete({ resource: Resources.pods, namespace: 'default', name: 'stubborn', gracePeriodSeconds: 2 })
    await r.waitFor(() => gone(r, 'stubborn'))
    expect(lastStatusOf(r, 'stubborn')?.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 137 })
    await r.waitFor(() => (r.runtime.running() === 0 ? true : undefined))
  })

  it('a container without command or args cannot start (images are ignored)', async () => {
    const r = await start()
    expect(r.cluster.apply([podBody('imageonly', {})])).toEqual([])
    const status = await r.waitFor(() => finished(r, 'imageonly'))
    expect(status.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' })
    expect(logOf(r, 'imageonly')?.[0]).toContain('has no command or args: the process runtime ignores images')
  })

  it('args alone run as the command, as with an image without an ENTRYPOINT', async () => {
    const r = await start()
    expect(r.cluster.apply([podBody('argsonly', { args: ['/bin/sh', '-c', 'echo Hello from args'] })])).toEqual([])
    expect(await r.waitFor(() => finished(r, 'argsonly'))).toMatchObject({ phase: 'Succeeded' })
    expect(logOf(r, 'argsonly')).toEqual(['Hello from args'])
  })

  it('stopping the cluster and the runtime leaves no process behind, children of a shell included', async () => {
    const r = await start()
    const marker = `sleep 86${process.pid % 1000}`
    expect(r.cluster.apply([podBody('forever', { command: ['sh', '-c', `${marker}; echo never`] })])).toEqual([])
    await r.waitFor(() => (statusOf(r, 'forever').containerStatuses?.[0]?.state.running !== undefined ? true : undefined))
    await r.waitFor(() => (r.runtime.running() === 1 ? true : undefined))
    const processes = (): string => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    await r.waitFor(() => (processes().includes(marker) ? true : undefined))
    running = undefined
    r.cluster.stop()
    await r.runtime.stop()
    expect(r.runtime.running()).toBe(0)
    expect(processes()).not.toContain(marker)
  })
})
