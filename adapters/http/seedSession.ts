import { execFile, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runServe } from '../cli/commands/serve'
import type { CliIo } from '../cli/io'
import type { KubectlRun } from './kubectlRunner'

/** A command still running (`kubectl get -w`): stop() ends it and gives what it printed so far. */
export interface Running {
  stop(): Promise<KubectlRun>
}

/**
 * `kuberules serve` started in-process as the CLI starts it, and a shell-like runner for the real
 * kubectl in a scratch folder. kubectl finds the server through KUBECONFIG and its caches through
 * HOME only, so a tutorial line runs with exactly its own flags: `set image --record` stores the
 * command line as typed, and that is what the tutorial's history and describe output show.
 */
export interface SeedSession {
  /** The folder the commands run in; the tutorial's files are written here. */
  readonly work: string
  /** Runs one `kubectl …` line (split on blanks: the tutorial's kubectl lines have no quoting). */
  kubectl(line: string, timeoutMs?: number): Promise<KubectlRun>
  /** Starts a `kubectl …` line that runs until stopped. */
  start(line: string): Running
  /** Runs a bash script in the work folder (the tutorial's own shell steps). */
  shell(script: string): Promise<KubectlRun>
  /** Writes a file into the work folder. */
  write(name: string, text: string): void
  stop(): Promise<void>
}

const argsOf = (line: string): ReadonlyArray<string> => {
  const [command, ...args] = line.trim().split(/\s+/)
  if (command !== 'kubectl') throw new Error(`not a kubectl line: ${line}`)
  return args
}

export const startSeedSession = async (options: { readonly nodes: number; readonly speed: number }): Promise<SeedSession> => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-seed-'))
  const work = path.join(home, 'work')
  fs.mkdirSync(work)
  const kubeconfig = path.join(home, 'kubeconfig')
  const log: string[] = []
  const io: CliIo = { out: (t) => void log.push(t), err: (t) => void log.push(t), readStdin: () => '', now: () => Date.now() }
  let stopServe = (): void => undefined
  const stopped = new Promise<void>((resolve) => {
    stopServe = resolve
  })
  const flags = { filename: [], nodes: String(options.nodes), port: '0', speed: String(options.speed), kubeconfig, address: '127.0.0.1' }
  let exited: Promise<number> = Promise.resolve(1)
  await new Promise<void>((listening, failed) => {
    exited = runServe(flags, io, { stopped: () => stopped, onListening: () => listening() })
    // A serve that returns before listening has failed (bad flags, port in use): say what it printed.
    void exited.then(() => failed(new Error(`kuberules serve exited: ${log.join('')}`)))
  })
  const env = { ...process.env, HOME: home, KUBECONFIG: kubeconfig }
  const run = (file: string, args: ReadonlyArray<string>, timeoutMs: number): Promise<KubectlRun> =>
    new Promise((resolve, reject) => {
      execFile(file, args, { cwd: work, env, timeout: timeoutMs }, (error, stdout, stderr) => {
        if (error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(`${file} is not on PATH`))
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr })
      })
    })
  return {
    work,
    kubectl: (line, timeoutMs = 15000) => run('kubectl', argsOf(line), timeoutMs),
    start: (line) => {
      const child = spawn('kubectl', argsOf(line), { cwd: work, env })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')))
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')))
      const closed = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)))
      return {
        stop: async () => {
          child.kill('SIGTERM')
          return { code: await closed, stdout, stderr }
        },
      }
    },
    shell: (script) => run('bash', ['-c', script], 15000),
    write: (name, text) => fs.writeFileSync(path.join(work, name), text),
    stop: async () => {
      stopServe()
      await exited
      fs.rmSync(home, { recursive: true, force: true })
    },
  }
}
