import * as E from 'fp-ts/Either'
import type { KubeConfig } from '@kubernetes/client-node'
import { clientNode } from './clientNode'
import { firstLineOf } from './errorMessage'

/** A kubeconfig that names a cluster to talk to, with the server URL for messages. */
export interface LoadedKubeConfig {
  readonly config: KubeConfig
  readonly server: string
  /** The current context's namespace, if it sets one. */
  readonly namespace?: string
}

/** Reads a kubeconfig file and its current context; every problem is one line of text, never a throw. */
export const loadKubeConfig = (file: string): E.Either<string, LoadedKubeConfig> => {
  const config = new (clientNode().KubeConfig)()
  try {
    config.loadFromFile(file)
  } catch (error) {
    return E.left(`cannot load kubeconfig ${file}: ${firstLineOf(error)}`)
  }
  const cluster = config.getCurrentCluster()
  if (cluster === null || cluster.server === '') return E.left(`kubeconfig ${file} has no current context with a cluster server`)
  if (cluster.server.startsWith('http:') && cluster.skipTLSVerify !== true) {
    // client-node 1.x refuses a plain-http server unless told to skip TLS verification; kubectl
    // talks to one as it is (`kuberules serve`). There is no TLS to verify, so nothing is weakened.
    config.loadFromOptions({
      clusters: config.clusters.map((c) => (c.name === cluster.name ? { ...c, skipTLSVerify: true } : c)),
      contexts: config.contexts,
      users: config.users,
      currentContext: config.currentContext,
    })
  }
  const namespace = config.getContextObject(config.getCurrentContext())?.namespace
  return E.right({ config, server: cluster.server, ...(namespace !== undefined && namespace !== '' ? { namespace } : {}) })
}
