import * as E from 'fp-ts/Either'
import { decodeManifest, formatManifestError, type Manifest } from '../../core/api'
import { snapshotOf, type Snapshot } from '../../core/snapshot'
import type { ApiError } from '../memory/errors'
import { Resources, type ClusterApi, type GroupVersionResource, type KubeObject } from '../runtime/clusterApi'

/** What the controllers read, in list order: Nodes first (cluster-wide), then the namespaced kinds. */
const readOrder: ReadonlyArray<GroupVersionResource> = [
  Resources.nodes,
  Resources.pods,
  Resources.daemonSets,
  Resources.controllerRevisions,
  Resources.jobs,
  Resources.cronJobs,
]

/** A cluster read once, with the objects that could not be decoded and why. */
export interface ReadSnapshot {
  readonly snapshot: Snapshot
  readonly skipped: ReadonlyArray<string>
}

/**
 * Lists Nodes, Pods, DaemonSets, ControllerRevisions, Jobs and CronJobs (the namespaced ones in
 * `namespace`, or everywhere) and decodes them as `kuberules plan -f` decodes files (defaults,
 * validation), into the snapshot the controllers would reason on. An object that does not decode
 * is left out and named in `skipped`; the first failed list is the answer.
 */
export const readSnapshot = async (api: ClusterApi, namespace?: string): Promise<E.Either<ApiError, ReadSnapshot>> => {
  const manifests: Manifest[] = []
  const skipped: string[] = []
  for (const resource of readOrder) {
    const listed = await api.list({ resource, ...(namespace !== undefined && resource !== Resources.nodes ? { namespace } : {}) })
    if (E.isLeft(listed)) return listed
    for (const object of listed.right.items) {
      const decoded = decodeManifest(object)
      if (E.isRight(decoded)) manifests.push(decoded.right)
      else skipped.push(`${describe(object)}: ${formatManifestError(decoded.left).join('; ')}`)
    }
  }
  return E.right({ snapshot: snapshotOf(manifests), skipped })
}

const describe = (o: KubeObject): string => `${o.kind} ${o.metadata.namespace !== undefined ? `${o.metadata.namespace}/` : ''}${o.metadata.name ?? ''}`
