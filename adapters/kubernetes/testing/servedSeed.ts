import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import type { Pod } from '../../../core/api'
import { loadManifests } from '../../cli/loadManifests'
import type { CliIo } from '../../cli/io'
import { kubeconfigYaml } from '../../http/kubeconfig'
import { serveTestCluster, type ServedCluster } from '../../http/testCluster'
import { Resources, type ObjectBody } from '../../runtime/clusterApi'
import type { Controller } from '../../runtime/controller'

const repo = path.resolve(__dirname, '..', '..', '..')

/** The seed (`examples/seed`) served on loopback in real time, with a kubeconfig for it. */
export interface ServedSeed {
  readonly served: ServedCluster
  readonly kubeconfig: string
  /** The fluentd / network-agent daemon pods that are not terminating, as `node → name`. */
  daemonPods(daemonSet: string): ReadonlyMap<string, Pod>
  /** Deletes a pod through the HTTP API, as `kubectl delete pod` would. */
  deleteByHand(namespace: string, name: string): Promise<number>
  /** A CliIo whose clock is the served cluster's, collecting what is written. */
  io(): CliIo & { readonly outText: () => string; readonly errText: () => string }
  stop(): Promise<void>
}

export const serveSeed = async (options: { readonly nodes?: number; readonly controllers?: ReadonlyArray<Controller> } = {}): Promise<ServedSeed> => {
  const served = await serveTestCluster({ nodes: options.nodes ?? 1, ...(options.controllers !== undefined ? { controllers: options.controllers } : {}) })
  const loaded = loadManifests([path.join(repo, 'examples', 'seed')], () => '')
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'))
  const failures = served.cluster.apply(loaded.objects.map((o) => o.object as ObjectBody))
  if (failures.length > 0) throw new Error(failures.map((f) => f.message).join('\n'))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuberules-seed-'))
  const kubeconfig = path.join(dir, 'kubeconfig')
  fs.writeFileSync(kubeconfig, kubeconfigYaml(served.api.url))
  const store = served.cluster.store
  return {
    served,
    kubeconfig,
    daemonPods: (daemonSet) => {
      const listed = store.list({ resource: Resources.pods, namespace: 'kube-system' })
      const pods = (E.isRight(listed) ? listed.right.items : []) as unknown as ReadonlyArray<Pod>
      return new Map(
        pods
          .filter((p) => p.metadata.ownerReferences?.[0]?.name === daemonSet && p.metadata.deletionTimestamp == null && (p.spec.nodeName ?? '') !== '')
          .map((p) => [p.spec.nodeName ?? '', p] as const),
      )
    },
    deleteByHand: async (namespace, name) => (await fetch(`${served.api.url}/api/v1/namespaces/${namespace}/pods/${name}`, { method: 'DELETE' })).status,
    io: () => {
      const out: string[] = []
      const err: string[] = []
      return {
        out: (t) => void out.push(t),
        err: (t) => void err.push(t),
        readStdin: () => '',
        now: () => served.cluster.clock.now(),
        outText: () => out.join(''),
        errText: () => err.join(''),
      }
    },
    stop: async () => {
      await served.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Polls `ok` every 50 ms until it holds; fails with `what` after `timeoutMs`. */
export const eventually = async <A>(what: string, ok: () => Promise<A | undefined> | A | undefined, timeoutMs = 10_000): Promise<A> => {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await ok()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
