import * as E from 'fp-ts/Either'
import type { ApiResult, ClusterApi } from '../runtime/clusterApi'
import { classifyStatus } from './errors'
import type { MemoryStore } from './memoryStore'
import type { Status } from './status'

const answer = <A>(result: E.Either<Status, A>): ApiResult<A> => Promise.resolve(E.mapLeft(classifyStatus)(result))

/**
 * The `ClusterApi` of the embedded cluster. Each call takes effect in the store when it is made
 * (at the current virtual instant); its answer arrives as an already-resolved promise.
 */
export const memoryClusterApi = (store: MemoryStore): ClusterApi => ({
  get: (request) => answer(store.get(request)),
  list: (request) => answer(store.list(request)),
  create: (request) => answer(store.create(request)),
  update: (request) => answer(store.update(request)),
  updateStatus: (request) => answer(store.updateStatus(request)),
  patch: (request) => answer(store.patch(request)),
  delete: (request) => answer(store.delete(request)),
  watch: (request) => store.watch(request),
})
