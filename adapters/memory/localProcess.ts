import { spawn } from 'node:child_process'
import * as os from 'node:os'

/** How a container's process ended: the code the kubelet reports, and a reason when not the default. */
export interface ProcessExit {
  readonly exitCode: number
  readonly reason?: string
}

export interface ProcessSpec {
  readonly argv: ReadonlyArray<string>
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
}

export interface LocalProcess {
  /** Signals the whole process group (a `sh -c` and what it started); nothing once it is gone. */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void
  readonly done: Promise<ProcessExit>
}

/** containerd's answer when a container's command cannot be started. */
export const startError = (message: string): ProcessExit & { readonly message: string } => ({ exitCode: 128, reason: 'StartError', message })

/**
 * Starts `argv` as a local process in its own process group, with no stdin, `env` as its whole
 * environment and stdout and stderr both going to `onOutput`. When its main process exits the
 * rest of its group is killed, as a container's processes die with its PID 1; `done` resolves
 * once its output is read to the end, with 128 + the signal number for a killed process.
 */
export const startLocalProcess = (spec: ProcessSpec, onOutput: (text: string) => void): LocalProcess => {
  const [file, ...args] = spec.argv
  if (file === undefined) return { signal: () => undefined, done: Promise.resolve(startError('no command')) }
  const child = spawn(file, args, { cwd: spec.cwd, env: { ...spec.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let exited = false
  const signal = (name: 'SIGTERM' | 'SIGKILL'): void => {
    if (exited || child.pid === undefined) return
    try {
      process.kill(-child.pid, name)
    } catch {
      // The group is already gone.
    }
  }
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8')
    stream.on('data', (text: string) => onOutput(text))
  }
  const done = new Promise<ProcessExit>((resolve) => {
    let exit: ProcessExit | undefined
    child.on('error', (e) => {
      exited = true
      resolve(startError(e.message))
    })
    child.on('exit', (code, name) => {
      // Leftovers of the group (a backgrounded child) would otherwise hold the output open.
      signal('SIGKILL')
      exited = true
      exit = { exitCode: code ?? 128 + (name !== null ? os.constants.signals[name] : 0) }
    })
    child.on('close', () => resolve(exit ?? startError('the process ended without an exit status')))
  })
  return { signal, done }
}
