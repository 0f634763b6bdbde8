import * as nodeModule from 'node:module'
import type * as ClientNode from '@kubernetes/client-node'

/** The @kubernetes/client-node module namespace. */
export type ClientNodeModule = typeof ClientNode

type NodeLoader = (request: string, parent: unknown, isMain: boolean) => unknown

let loaded: ClientNodeModule | undefined

/**
 * @kubernetes/client-node 1.x is ESM-only. Node ≥ 20.19 can `require()` it, which is what the
 * built CLI does. Jest's sandboxed `require` cannot run ES modules before Node 24.9 (and this
 * repository's Jest config has no transform for node_modules), so when that fails the package is
 * loaded through Node's own module loader, outside the sandbox: the same code, one instance per process.
 * Loaded on first use, so commands that never talk to a cluster do not pay for it.
 */
export const clientNode = (): ClientNodeModule => {
  if (loaded !== undefined) return loaded
  const require = nodeModule.createRequire(__filename)
  try {
    loaded = require('@kubernetes/client-node') as ClientNodeModule
  } catch (error) {
    if ((error as { readonly code?: unknown }).code !== 'ERR_REQUIRE_ESM') throw error
    const load = (nodeModule.Module as unknown as { readonly _load: NodeLoader })._load
    loaded = load(require.resolve('@kubernetes/client-node'), undefined, false) as ClientNodeModule
  }
  return loaded
}
