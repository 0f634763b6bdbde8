import * as E from 'fp-ts/Either'
import { isJson } from '../../core/api'
import type { MemoryStore } from '../memory/memoryStore'
import { apiVersionOf, type ResourceInfo } from '../memory/resources'
import { methodNotAllowed, type Status } from '../memory/status'
import type { DeleteRequest, KubeObject, PropagationPolicy } from '../runtime/clusterApi'

/** The options of a DELETE, from the query string and the DeleteOptions body (the query wins, as in the apiserver). */
export type DeleteOptions = Pick<DeleteRequest, 'propagationPolicy' | 'gracePeriodSeconds' | 'preconditions' | 'dryRun'>

const propagation = (v: unknown): PropagationPolicy | undefined => (v === 'Background' || v === 'Foreground' || v === 'Orphan' ? v : undefined)

export const parseDeleteOptions = (query: URLSearchParams, body: unknown): DeleteOptions => {
  const o = isJson(body) ? body : {}
  const policy = propagation(query.get('propagationPolicy') ?? o['propagationPolicy'])
  const grace = query.get('gracePeriodSeconds') ?? o['gracePeriodSeconds']
  const pre = isJson(o['preconditions']) ? o['preconditions'] : {}
  const preconditions = {
    ...(typeof pre['uid'] === 'string' ? { uid: pre['uid'] } : {}),
    ...(typeof pre['resourceVersion'] === 'string' ? { resourceVersion: pre['resourceVersion'] } : {}),
  }
  const dryRun = query.get('dryRun') === 'All' || (Array.isArray(o['dryRun']) && o['dryRun'].includes('All'))
  return {
    dryRun,
    ...(policy !== undefined ? { propagationPolicy: policy } : {}),
    ...(grace !== undefined && grace !== null && grace !== '' && Number.isFinite(Number(grace)) ? { gracePeriodSeconds: Number(grace) } : {}),
    ...(Object.keys(preconditions).length > 0 ? { preconditions } : {}),
  }
}

/**
 * `DELETE` on a collection (`deletecollection`): deletes every object the label and field
 * selectors match, each as a single DELETE with the same options would, and answers the list of
 * what was deleted (terminating objects in their new state). An object that disappears meanwhile
 * (a cascade got there first) is skipped; any other failure stops the request with its Status,
 * leaving the deletions done so far, as the apiserver does. Namespaced resources are only
 * collection-deleted inside one namespace: across all namespaces the verb is not served.
 */
export const deleteCollection = (
  store: MemoryStore,
  info: ResourceInfo,
  namespace: string | undefined,
  selectors: { readonly labelSelector?: string; readonly fieldSelector?: string },
  options: DeleteOptions,
): E.Either<Status, unknown> => {
  if (info.namespaced && namespace === undefined) return E.left(methodNotAllowed('the server does not allow this method on the requested resource'))
  const list = store.list({ resource: info, ...(namespace !== undefined ? { namespace } : {}), ...selectors })
  if (E.isLeft(list)) return list
  const items: KubeObject[] = []
  for (const object of list.right.items) {
    const outcome = store.delete({
      resource: info,
      ...(object.metadata.namespace !== undefined ? { namespace: object.metadata.namespace } : {}),
      name: object.metadata.name ?? '',
      ...options,
    })
    if (E.isRight(outcome)) items.push(outcome.right.object)
    else if (outcome.left.code !== 404) return outcome
  }
  return E.right({ apiVersion: apiVersionOf(info), kind: `${info.kind}List`, metadata: list.right.metadata, items })
}
