import * as E from 'fp-ts/Either'
import type { Named } from '../../core/api'
import { classifyStatus } from '../memory/errors'
import { formatQualifiedResource } from '../memory/status'
import { kindOfResource } from '../runtime/kindResources'
import type { ApiResult, ClusterApi, GroupVersionResource, KubeObject, PatchRequest } from '../runtime/clusterApi'
import { keyOf } from '../runtime/objectCache'
import { decideChildWrite, decideCreate, decideStatusWrite, type OwnershipView, type WriteVerdict } from './ownership'
import { failureStatus } from './serverStatus'

const kindOf = (r: GroupVersionResource): string => kindOfResource(r) ?? `${r.resource}.${r.group}`

const refuse = <A>(resource: GroupVersionResource, name: string, why: string): ApiResult<A> =>
  Promise.resolve(E.left(classifyStatus(failureStatus(403, `${formatQualifiedResource(resource)} ${JSON.stringify(name)} is forbidden: kuberules does not write objects it does not own: ${why}`))))

/** Adds `metadata.resourceVersion` to a merge or strategic patch, or a `test` operation to a JSON patch. */
const patchWithVersion = (request: PatchRequest, version: string): unknown => {
  if (Array.isArray(request.patch)) return [{ op: 'test', path: '/metadata/resourceVersion', value: version }, ...(request.patch as ReadonlyArray<unknown>)]
  const patch = (request.patch ?? {}) as { readonly metadata?: Readonly<Record<string, unknown>> }
  return patch.metadata?.['resourceVersion'] !== undefined ? patch : { ...patch, metadata: { ...patch.metadata, resourceVersion: version } }
}

/**
 * Wraps the `ClusterApi` the controllers write through against a real cluster with two
 * safeguards. Ownership: a create, update, patch or delete goes out only when the controllers'
 * caches show the object is theirs (`ownership.ts`); anything else is refused with a 403, which
 * the executor logs and never retries. Optimistic concurrency: every update and patch carries
 * `metadata.resourceVersion` and every delete `preconditions.resourceVersion`, from the cache the
 * sync decided on, so a decision made on a stale read fails with a 409 and is made again. After
 * its own write the guard uses the version that write returned until the cache catches up (a
 * finalizer patch followed by the delete of the same pod, in one plan).
 */
export const guardWrites = (api: ClusterApi, view: OwnershipView): ClusterApi => {
  const written = new Map<string, { readonly from: string; readonly to: string }>()
  const keyFor = (kind: string, namespace: string | undefined, name: string): string => `${kind}/${keyOf(namespace ?? 'default', name)}`
  const cached = (kind: string, namespace: string | undefined, name: string): Named | undefined => view.objectOf(kind, keyOf(namespace ?? 'default', name))

  const versionOf = (key: string, current: Named): string | undefined => {
    const version = current.metadata.resourceVersion
    const mine = written.get(key)
    if (mine === undefined || version === undefined) return version
    if (mine.from === version) return mine.to
    written.delete(key)
    return version
  }

  const remember = async (key: string, before: string | undefined, result: ApiResult<KubeObject>): ApiResult<KubeObject> => {
    const answer = await result
    const after = E.isRight(answer) ? answer.right.metadata.resourceVersion : undefined
    if (before !== undefined && after !== undefined) {
      // `versionOf` drops an entry once the cache moves past it; this bounds the ones never asked for again.
      if (written.size > 10_000) written.clear()
      written.set(key, { from: before, to: after })
    }
    return answer
  }

  const guarded = <A>(verdict: WriteVerdict, resource: GroupVersionResource, name: string, write: () => ApiResult<A>): ApiResult<A> =>
    verdict._tag === 'Allowed' ? write() : refuse(resource, name, verdict.why)

  return {
    ...api,
    create: (request) => {
      const body = { metadata: { ...request.body.metadata, namespace: request.body.metadata?.namespace ?? request.namespace } } as Named
      return guarded(decideCreate(view, kindOf(request.resource), body), request.resource, request.body.metadata?.name ?? request.body.metadata?.generateName ?? '', () => api.create(request))
    },
    update: (request) => {
      const kind = kindOf(request.resource)
      const current = cached(kind, request.namespace, request.name)
      if (current === undefined) return refuse(request.resource, request.name, 'the controllers have not seen it')
      const key = keyFor(kind, request.namespace, request.name)
      const version = request.body.metadata?.resourceVersion ?? versionOf(key, current)
      const body = { ...request.body, metadata: { ...request.body.metadata, ...(version !== undefined ? { resourceVersion: version } : {}) } }
      return guarded(decideChildWrite(view, current, { _tag: 'Update', body: body as Named }), request.resource, request.name, () =>
        remember(key, current.metadata.resourceVersion, api.update({ ...request, body })),
      )
    },
    updateStatus: (request) => {
      const kind = kindOf(request.resource)
      const current = cached(kind, request.namespace, request.name)
      const version = request.body.metadata?.resourceVersion ?? current?.metadata.resourceVersion
      const body = { ...request.body, metadata: { ...request.body.metadata, ...(version !== undefined ? { resourceVersion: version } : {}) } }
      return guarded(decideStatusWrite(view, kind, current), request.resource, request.name, () => api.updateStatus({ ...request, body }))
    },
    patch: (request) => {
      const kind = kindOf(request.resource)
      const current = cached(kind, request.namespace, request.name)
      if (current === undefined) return refuse(request.resource, request.name, 'the controllers have not seen it')
      const key = keyFor(kind, request.namespace, request.name)
      const version = versionOf(key, current)
      const patch = version !== undefined ? patchWithVersion(request, version) : request.patch
      const verdict = request.subresource === 'status' ? decideStatusWrite(view, kind, current) : decideChildWrite(view, current, { _tag: 'Patch', patch: request.patch })
      return guarded(verdict, request.resource, request.name, () => remember(key, current.metadata.resourceVersion, api.patch({ ...request, patch })))
    },
    delete: (request) => {
      const kind = kindOf(request.resource)
      const current = cached(kind, request.namespace, request.name)
      if (current === undefined) return refuse(request.resource, request.name, 'the controllers have not seen it')
      const version = request.preconditions?.resourceVersion ?? versionOf(keyFor(kind, request.namespace, request.name), current)
      const preconditions = { ...request.preconditions, ...(version !== undefined ? { resourceVersion: version } : {}) }
      return guarded(decideChildWrite(view, current, { _tag: 'Delete' }), request.resource, request.name, () => api.delete({ ...request, preconditions }))
    },
  }
}
