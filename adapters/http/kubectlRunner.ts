import { execFile } from 'node:child_process'
import * as path from 'node:path'

export interface KubectlRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export type Kubectl = (args: ReadonlyArray<string>, timeoutMs?: number) => Promise<KubectlRun>

/**
 * Runs the real kubectl (resolved through PATH) against one kubeconfig, with HOME and the cache
 * in `home` so no discovery or /version cache from another run leaks in. A missing binary
 * rejects, so tests that need kubectl fail instead of reading it as a command that printed nothing.
 */
export const kubectlRunner =
  (kubeconfig: string, home: string, cwd: string): Kubectl =>
  (args, timeoutMs = 8000) =>
    new Promise((resolve, reject) => {
      execFile(
        'kubectl',
        ['--kubeconfig', kubeconfig, '--cache-dir', path.join(home, 'cache'), ...args],
        { timeout: timeoutMs, env: { ...process.env, HOME: home, KUBECONFIG: kubeconfig }, cwd },
        (error, stdout, stderr) => {
          if (error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error('kubectl is not on PATH'))
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
          resolve({ code, stdout, stderr })
        },
      )
    })
