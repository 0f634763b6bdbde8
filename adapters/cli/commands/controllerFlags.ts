import * as E from 'fp-ts/Either'
import type { Controller } from '../../runtime/controller'
import { builtinControllers } from '../../runtime/controllers'

/** The `--controllers` help text, shared by `serve` and `control`. */
export const controllersFlagHelp = "controllers to run: '*' all, 'name' one, '-name' not that one (daemonset, job, cronjob)"

/** kube-controller-manager's name of a controller: `daemonset` for `daemonset-controller`. */
const shortName = (c: Controller): string => c.name.replace(/-controller$/, '')

/**
 * `--controllers` with kube-controller-manager's semantics: a comma-separated list where `*`
 * enables every controller, `name` enables one and `-name` disables one (winning over `*`);
 * names may carry the `-controller` suffix. `--no-controllers` (false) runs none. Default `*`.
 */
export const selectControllers = (flag: string | boolean | undefined, known: ReadonlyArray<Controller> = builtinControllers): E.Either<string, ReadonlyArray<Controller>> => {
  if (flag === false) return E.right([])
  const items = (typeof flag === 'string' ? flag : '*')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const names = new Set(known.map(shortName))
  const bare = (item: string): string => item.replace(/^-/, '').replace(/-controller$/, '')
  const unknown = items.filter((i) => i !== '*' && !names.has(bare(i)))
  if (unknown.length > 0) {
    return E.left(`error: --controllers: unknown controller ${unknown.map((u) => JSON.stringify(bare(u))).join(', ')} (known: ${[...names].sort().join(', ')})`)
  }
  const all = items.includes('*')
  const disabled = new Set(items.filter((i) => i.startsWith('-')).map(bare))
  const enabled = new Set(items.filter((i) => i !== '*' && !i.startsWith('-')).map(bare))
  return E.right(known.filter((c) => !disabled.has(shortName(c)) && (all || enabled.has(shortName(c)))))
}
