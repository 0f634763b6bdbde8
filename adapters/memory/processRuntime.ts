import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import type { Pod } from '../../core/api'
import { createLogBuffer, logLimitBytes, type ContainerLogs, type LogBuffer } from './containerLog'
import { containerProcessSpec } from './containerProcessSpec'
import type { PodContainers, ProcessRuntime, RuntimeHost } from './containerRuntime'
import { startError, startLocalProcess, type LocalProcess, type ProcessExit } from './localProcess'

export interface ProcessRuntimeOptions {
  /** Where the pods' working folders go (default: a fresh folder in the OS temp dir, made on first use). */
  readonly root?: string
  /** Bytes of output kept per container run (default 1 MiB). */
  readonly logLimitBytes?: number
}

interface RunLogs {
  readonly current: LogBuffer
  readonly previous?: LogBuffer
}

interface Attached {
  readonly logs: Map<string, RunLogs>
  readonly handle: PodContainers
}

const noProcess = (exit: ProcessExit): LocalProcess => ({ signal: () => undefined, done: Promise.resolve(exit) })

/**
 * The `process` container runtime: runs each container's command as a local process (see
 * `containerProcessSpec`), one run per run of the pod machine, and tells the machine when all
 * of a run's processes have exited: with the first non-zero exit code in spec order, else 0.
 * SIGTERM goes out when the machine starts stopping the pod, SIGKILL when it is done waiting
 * (or the pod is gone). Unsafe for manifests you do not trust: their commands run as this user.
 */
export const createProcessRuntime = (options: ProcessRuntimeOptions = {}): ProcessRuntime => {
  let root: string | undefined
  const ownsRoot = options.root === undefined
  const pods = new Map<string, Attached>()
  const live = new Set<Promise<ProcessExit>>()
  const rootDir = (): string => (root ??= options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-runtime-')))

  const track = (proc: LocalProcess): LocalProcess => {
    live.add(proc.done)
    void proc.done.then(() => live.delete(proc.done))
    return proc
  }

  const attach = (pod: Pod, host: RuntimeHost): PodContainers => {
    const { namespace = 'default', name = '', uid = '' } = pod.metadata
    const dir = path.join(rootDir(), `${namespace}_${name}_${uid}`)
    const logs = new Map<string, RunLogs>()
    let run = 0
    let procs: ReadonlyArray<LocalProcess> = []
    let terminating = false
    let released = false
    const signalAll = (signal: 'SIGTERM' | 'SIGKILL'): void => procs.forEach((p) => p.signal(signal))

    const startRun = (runNumber: number): void => {
      signalAll('SIGKILL')
      run = runNumber
      terminating = false
      procs = pod.spec.containers.map((container) => {
        const buffer = createLogBuffer(options.logLimitBytes ?? logLimitBytes)
        const before = logs.get(container.name)
        logs.set(container.name, { current: buffer, ...(before !== undefined ? { previous: before.current } : {}) })
        const cwd = path.join(dir, container.name)
        fs.mkdirSync(cwd, { recursive: true })
        const spec = containerProcessSpec(pod, container, cwd)
        const proc = E.isLeft(spec) ? noProcess(startError(spec.left)) : track(startLocalProcess(spec.right, (text) => buffer.append(text, host.now())))
        if (E.isLeft(spec)) buffer.append(`[kuberules process runtime] ${spec.left}\n`, host.now())
        void proc.done.then(() => buffer.flush(host.now()))
        return proc
      })
      // Reported asynchronously, so never from inside the machine's own step.
      void Promise.all(procs.map((p) => p.done)).then((exits) => {
        if (released || run !== runNumber) return
        const exit = exits.find((e) => e.exitCode !== 0) ?? exits[0]
        if (exit !== undefined) host.exited(exit.exitCode, exit.reason)
      })
    }

    const handle: PodContainers = {
      sync: (context) => {
        if (released) return
        const running = context.container._tag === 'Running'
        if (running && context.runs > run) startRun(context.runs)
        else if (running && context.killing !== undefined && !terminating) {
          terminating = true
          signalAll('SIGTERM')
        } else if (!running) signalAll('SIGKILL')
      },
      release: () => {
        if (released) return
        released = true
        signalAll('SIGKILL')
        pods.delete(uid)
        void Promise.all(procs.map((p) => p.done)).then(() => fs.rmSync(dir, { recursive: true, force: true }))
      },
    }
    pods.get(uid)?.handle.release()
    pods.set(uid, { logs, handle })
    return handle
  }

  const runLogs = (uid: string, container: string): RunLogs | undefined => pods.get(uid)?.logs.get(container)
  const logs: ContainerLogs = {
    lines: (uid, container, previous) => (previous ? runLogs(uid, container)?.previous : runLogs(uid, container)?.current)?.lines(),
    follow: (uid, container, onLine) => runLogs(uid, container)?.current.follow(onLine) ?? (() => undefined),
  }

  return {
    kind: 'process',
    attach,
    logs,
    running: () => live.size,
    stop: async () => {
      for (const attached of [...pods.values()]) attached.handle.release()
      await Promise.all([...live])
      if (ownsRoot && root !== undefined) fs.rmSync(root, { recursive: true, force: true })
    },
  }
}
