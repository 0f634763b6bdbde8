import * as os from 'node:os'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import type { ClusterApi } from '../runtime/clusterApi'
import { kubernetesClusterApi } from './kubernetesClusterApi'
import { loadKubeConfig } from './kubeConfig'
import { inNamespace } from './namespaceScope'

/** kubectl's default: `$KUBECONFIG` (its first file), else `~/.kube/config`. */
export const defaultKubeconfigPath = (env: NodeJS.ProcessEnv = process.env): string =>
  env['KUBECONFIG']?.split(path.delimiter).find((p) => p !== '') ?? path.join(os.homedir(), '.kube', 'config')

export interface Connection {
  readonly api: ClusterApi
  readonly server: string
}

/** A `ClusterApi` for the kubeconfig's current context, narrowed to `namespace` when one is given. */
export const connect = (kubeconfig: string, namespace?: string): E.Either<string, Connection> => {
  const loaded = loadKubeConfig(kubeconfig)
  if (E.isLeft(loaded)) return loaded
  const api = kubernetesClusterApi({ config: loaded.right.config, server: loaded.right.server })
  return E.right({ api: namespace !== undefined ? inNamespace(api, namespace) : api, server: loaded.right.server })
}
