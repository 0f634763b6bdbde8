import * as E from 'fp-ts/Either'
import type { Container, Pod } from '../../core/api'
import type { ProcessSpec } from './localProcess'

/**
 * `$(VAR)` references as the kubelet expands them in command, args and env values: a defined
 * variable is replaced, an undefined one is left as written, and `$$` is a literal `$`.
 */
export const expandReferences = (text: string, vars: ReadonlyMap<string, string>): string =>
  text.replace(/\$\$|\$\(([^)]*)\)/g, (match, name: string | undefined) => (name === undefined ? '$' : (vars.get(name) ?? match)))

/** A container's `env` entries that carry a plain `value` (valueFrom needs a real API: not resolved). */
const declaredEnv = (container: Container): ReadonlyMap<string, string> => {
  const vars = new Map<string, string>()
  for (const entry of container.env ?? []) {
    const { name, value } = entry as { readonly name?: unknown; readonly value?: unknown }
    if (typeof name !== 'string' || name === '') continue
    vars.set(name, expandReferences(typeof value === 'string' ? value : '', vars))
  }
  return vars
}

/**
 * What to run for one container: `command` + `args`. Images are ignored: with no `command` the
 * `args` run on their own, as with an image that has no ENTRYPOINT (busybox), and a container
 * with neither cannot start. The process gets an environment of the host's PATH, HOME set to
 * its working folder and HOSTNAME to the pod's name, then the container's own variables; nothing
 * else of this process's environment is passed on.
 */
export const containerProcessSpec = (pod: Pod, container: Container, cwd: string): E.Either<string, ProcessSpec> => {
  const vars = declaredEnv(container)
  const argv = [...(container.command ?? []), ...(container.args ?? [])].map((a) => expandReferences(a, vars))
  if (argv.length === 0) {
    return E.left(`container ${container.name} has no command or args: the process runtime ignores images, so it runs only those`)
  }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: cwd,
    HOSTNAME: pod.metadata.name ?? '',
  }
  for (const [name, value] of vars) env[name] = value
  return E.right({ argv, env, cwd })
}
