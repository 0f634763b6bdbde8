import type * as E from 'fp-ts/Either'
import type { Observable } from 'rxjs'
import type {
  CreateRequest,
  DeleteOutcome,
  DeleteRequest,
  GetRequest,
  GroupVersionResource,
  KubeList,
  KubeObject,
  ListRequest,
  PatchRequest,
  UpdateRequest,
  WatchEvent,
  WatchRequest,
} from '../runtime/clusterApi'
import type { StoreChange } from './eventHistory'
import type { StoredEntry } from './objectTable'
import type { BindRequest } from './podBinding'
import type { ResourceInfo } from './resources'
import type { IdGenerator } from './seededIds'
import type { Status } from './status'
import type { VirtualClock } from './virtualClock'

export interface MemoryStoreOptions {
  readonly clock: VirtualClock
  /** Seeds the uid and name-suffix generator (default 0); ignored when `ids` is given. */
  readonly seed?: number
  readonly ids?: IdGenerator
  /** How many changes a watch can resume across (default 10,000); older resourceVersions get 410. */
  readonly historyLimit?: number
  /** Extra resources to serve, for kinds the store has no strategy for. */
  readonly resources?: ReadonlyArray<ResourceInfo>
  /** Remove a terminating pod when its grace period ends even if no kubelet did (default true). */
  readonly graceTimers?: boolean
}

/**
 * The embedded cluster's API server: objects per resource, namespace and name, one
 * resourceVersion counter, admission through core's defaulting and validation, optimistic
 * concurrency, status subresources, patches, graceful deletion with finalizers, and watches.
 * Synchronous: each call answers at once with the object or a Kubernetes Status.
 */
export interface MemoryStore {
  readonly clock: VirtualClock
  /** Every committed change, live (no replay), in resourceVersion order. */
  readonly changes$: Observable<StoreChange>
  resourceVersion(): string
  resourceInfo(resource: GroupVersionResource): ResourceInfo | undefined
  /** The resource serving a kind; with no apiVersion, the first resource of that kind. */
  resourceForKind(kind: string, apiVersion?: string): ResourceInfo | undefined
  get(request: GetRequest): E.Either<Status, KubeObject>
  list(request: ListRequest): E.Either<Status, KubeList>
  create(request: CreateRequest): E.Either<Status, KubeObject>
  update(request: UpdateRequest): E.Either<Status, KubeObject>
  updateStatus(request: UpdateRequest): E.Either<Status, KubeObject>
  patch(request: PatchRequest): E.Either<Status, KubeObject>
  delete(request: DeleteRequest): E.Either<Status, DeleteOutcome>
  /** The `pods/binding` subresource: puts an unbound pod on a node (see `bindPod`); answers the bound pod. */
  bind(request: BindRequest): E.Either<Status, KubeObject>
  watch(request: WatchRequest): Observable<WatchEvent>
  byUid(uid: string): StoredEntry | undefined
  /** Every stored object, ordered by resource, namespace and name. */
  entries(): ReadonlyArray<StoredEntry>
}
