import * as E from 'fp-ts/Either'
import type { KubeConfig } from '@kubernetes/client-node'
import { isJson } from '../../core/api'
import type { ApiError } from '../memory/errors'
import { isStatus } from '../memory/status'
import type { ApiResult, ClusterApi, DeleteOutcome, DeleteRequest, KubeList, KubeObject, ResourceScope } from '../runtime/clusterApi'
import { apiVersionOfResource } from '../runtime/kindResources'
import { normalizeObject } from './jsonNulls'
import { createRestClient, type RestClient } from './restClient'
import { restPath } from './restPaths'
import { watchResource } from './watchResource'

export interface KubernetesClusterApiOptions {
  readonly config: KubeConfig
  /** The current cluster's server URL (`loadKubeConfig` reads it). */
  readonly server: string
  /** How long the server keeps a watch open before the informer resumes it (client-go: 5 to 10 minutes). */
  readonly watchTimeoutSeconds?: number
}

const asObject = (body: unknown): KubeObject => normalizeObject(body as KubeObject)

/** List items come without apiVersion and kind from the apiserver; the list's own say what they are. */
const asList = (body: unknown): KubeList => {
  const list = isJson(body) ? body : {}
  const apiVersion = typeof list['apiVersion'] === 'string' ? list['apiVersion'] : 'v1'
  const listKind = typeof list['kind'] === 'string' ? list['kind'] : 'List'
  const kind = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : listKind
  const meta = isJson(list['metadata']) ? list['metadata'] : {}
  const items = Array.isArray(list['items']) ? list['items'] : []
  return {
    apiVersion,
    kind: listKind,
    metadata: { resourceVersion: typeof meta['resourceVersion'] === 'string' ? meta['resourceVersion'] : '' },
    items: items.map((item: unknown) => normalizeObject({ apiVersion, kind, ...(isJson(item) ? item : {}) } as KubeObject)),
  }
}

/** The apiserver answers a finished delete with a Status and a graceful one with the object, now terminating. */
const deleteOutcome = (request: DeleteRequest, body: unknown): DeleteOutcome => {
  if (isStatus(body) || !isJson(body)) {
    const uid = isStatus(body) ? body.details?.uid : undefined
    const metadata = { name: request.name, ...(request.namespace !== undefined ? { namespace: request.namespace } : {}), ...(uid !== undefined ? { uid } : {}) }
    return { _tag: 'Removed', object: { apiVersion: apiVersionOfResource(request.resource), kind: '', metadata } }
  }
  const object = asObject(body)
  return object.metadata.deletionTimestamp != null ? { _tag: 'Terminating', object } : { _tag: 'Removed', object }
}

const dryRunQuery = (dryRun: boolean | undefined): Readonly<Record<string, string | undefined>> => ({ dryRun: dryRun === true ? 'All' : undefined })

/**
 * `ClusterApi` over a real Kubernetes API through @kubernetes/client-node 1.x: REST calls through
 * the client's HTTP layer with the kubeconfig's credentials, watches through its `Watch`. Objects
 * travel as the server's JSON (nulls dropped); failures are the server's Status, classified.
 */
export const kubernetesClusterApi = (options: KubernetesClusterApiOptions): ClusterApi => {
  const rest: RestClient = createRestClient(options.config, options.server)
  const call = async <A>(request: Parameters<RestClient>[0], answer: (body: unknown) => A): ApiResult<A> => {
    const result: E.Either<ApiError, unknown> = await rest(request)
    return E.map(answer)(result)
  }
  const scopeOf = (r: ResourceScope): ResourceScope => ({ resource: r.resource, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}) })
  return {
    get: (r) => call({ method: 'GET', path: restPath(scopeOf(r), r.name) }, asObject),
    list: (r) =>
      call({ method: 'GET', path: restPath(scopeOf(r)), query: { labelSelector: r.labelSelector, fieldSelector: r.fieldSelector } }, asList),
    create: (r) => call({ method: 'POST', path: restPath(scopeOf(r)), body: r.body, query: dryRunQuery(r.dryRun) }, asObject),
    update: (r) => call({ method: 'PUT', path: restPath(scopeOf(r), r.name), body: r.body, query: dryRunQuery(r.dryRun) }, asObject),
    updateStatus: (r) => call({ method: 'PUT', path: restPath(scopeOf(r), r.name, 'status'), body: r.body, query: dryRunQuery(r.dryRun) }, asObject),
    patch: (r) =>
      call(
        { method: 'PATCH', path: restPath(scopeOf(r), r.name, r.subresource), body: r.patch, contentType: r.patchType, query: dryRunQuery(r.dryRun) },
        asObject,
      ),
    delete: (r) =>
      call(
        {
          method: 'DELETE',
          path: restPath(scopeOf(r), r.name),
          body: {
            apiVersion: 'v1',
            kind: 'DeleteOptions',
            ...(r.propagationPolicy !== undefined ? { propagationPolicy: r.propagationPolicy } : {}),
            ...(r.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: r.gracePeriodSeconds } : {}),
            ...(r.preconditions !== undefined ? { preconditions: r.preconditions } : {}),
            ...(r.dryRun === true ? { dryRun: ['All'] } : {}),
          },
        },
        (body) => deleteOutcome(r, body),
      ),
    watch: (r) =>
      watchResource(options.config, options.server, restPath(scopeOf(r)), {
        resourceVersion: r.resourceVersion,
        allowWatchBookmarks: r.allowWatchBookmarks === true ? 'true' : undefined,
        labelSelector: r.labelSelector,
        fieldSelector: r.fieldSelector,
        timeoutSeconds: String(options.watchTimeoutSeconds ?? 300),
      }),
  }
}
