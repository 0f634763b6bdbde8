import type { Either } from 'fp-ts/Either'
import type { Observable } from 'rxjs'
import type { ObjectMeta } from '../../core/api'
import type { ApiError } from '../memory/errors'
import type { Status } from '../memory/status'

/** A REST resource, as discovery names it: `{ group: 'apps', version: 'v1', resource: 'daemonsets' }`. */
export interface GroupVersionResource {
  readonly group: string
  readonly version: string
  readonly resource: string
}

/** The resources the controllers and the simulated kubelet talk to. */
export const Resources = {
  pods: { group: '', version: 'v1', resource: 'pods' },
  nodes: { group: '', version: 'v1', resource: 'nodes' },
  namespaces: { group: '', version: 'v1', resource: 'namespaces' },
  events: { group: '', version: 'v1', resource: 'events' },
  daemonSets: { group: 'apps', version: 'v1', resource: 'daemonsets' },
  controllerRevisions: { group: 'apps', version: 'v1', resource: 'controllerrevisions' },
  jobs: { group: 'batch', version: 'v1', resource: 'jobs' },
  cronJobs: { group: 'batch', version: 'v1', resource: 'cronjobs' },
} as const satisfies Readonly<Record<string, GroupVersionResource>>

/** Any stored Kubernetes object; fields the project does not model travel along untouched. */
export interface KubeObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: Readonly<ObjectMeta>
  readonly [field: string]: unknown
}

/** A request body: an object as a client sends it (apiVersion, kind and namespace may be left out). */
export interface ObjectBody {
  readonly apiVersion?: string
  readonly kind?: string
  readonly metadata?: Readonly<ObjectMeta>
  readonly [field: string]: unknown
}

/** `<Kind>List`: the items plus the resourceVersion to watch from. */
export interface KubeList {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: { readonly resourceVersion: string }
  readonly items: ReadonlyArray<KubeObject>
}

/** A watch event as the API streams it; a stream ends after an ERROR (410 Expired: list again). */
export type WatchEvent =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly object: KubeObject }
  | { readonly type: 'BOOKMARK'; readonly object: KubeObject }
  | { readonly type: 'ERROR'; readonly object: Status }

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export type PatchType = 'application/merge-patch+json' | 'application/strategic-merge-patch+json' | 'application/json-patch+json'

/** Where a request goes: the resource and, for namespaced resources, the namespace (absent: all namespaces or `default`). */
export interface ResourceScope {
  readonly resource: GroupVersionResource
  readonly namespace?: string
}

export interface GetRequest extends ResourceScope {
  readonly name: string
}

export interface ListRequest extends ResourceScope {
  /** A label selector in kubectl syntax: `app=web,tier in (a,b),!canary`. */
  readonly labelSelector?: string
  /** A field selector: `metadata.name=x,spec.nodeName!=n1`. */
  readonly fieldSelector?: string
}

export interface WatchRequest extends ListRequest {
  /** Only changes after this version; absent, `""` or `"0"` first sends every matching object as ADDED. */
  readonly resourceVersion?: string
  readonly allowWatchBookmarks?: boolean
}

export interface CreateRequest extends ResourceScope {
  readonly body: ObjectBody
  readonly dryRun?: boolean
}

/** A replace (PUT); with `metadata.resourceVersion` set it fails with a Conflict when the object moved on. */
export interface UpdateRequest extends ResourceScope {
  readonly name: string
  readonly body: ObjectBody
  readonly dryRun?: boolean
}

export interface PatchRequest extends ResourceScope {
  readonly name: string
  readonly patchType: PatchType
  /** The patch document: an object for merge and strategic patches, an operation list for JSON patch. */
  readonly patch: unknown
  readonly subresource?: 'status'
  readonly dryRun?: boolean
}

export interface DeleteRequest extends ResourceScope {
  readonly name: string
  readonly propagationPolicy?: PropagationPolicy
  readonly gracePeriodSeconds?: number
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string }
  readonly dryRun?: boolean
}

/** A delete either removed the object or left it terminating (deletionTimestamp, finalizers). */
export type DeleteOutcome =
  | { readonly _tag: 'Removed'; readonly object: KubeObject }
  | { readonly _tag: 'Terminating'; readonly object: KubeObject }

/** Every call answers with a value or a classified error; it never rejects for API failures. */
export type ApiResult<A> = Promise<Either<ApiError, A>>

/**
 * What the controller loop and the simulated kubelet need from a Kubernetes API. The embedded
 * cluster (`adapters/memory`) implements it over the in-memory store; the real-cluster adapter
 * implements it over @kubernetes/client-node. Shaped after the REST API, not after either store.
 */
export interface ClusterApi {
  get(request: GetRequest): ApiResult<KubeObject>
  list(request: ListRequest): ApiResult<KubeList>
  create(request: CreateRequest): ApiResult<KubeObject>
  update(request: UpdateRequest): ApiResult<KubeObject>
  /** PUT on the `status` subresource: only `status` changes. */
  updateStatus(request: UpdateRequest): ApiResult<KubeObject>
  patch(request: PatchRequest): ApiResult<KubeObject>
  delete(request: DeleteRequest): ApiResult<DeleteOutcome>
  /** Watch events; a transport failure errors the Observable with an `ApiError`. */
  watch(request: WatchRequest): Observable<WatchEvent>
}
