import type { ServerResponse } from 'node:http'
import * as E from 'fp-ts/Either'
import { parse as parseYaml } from 'yaml'
import type { MemoryStore } from '../memory/memoryStore'
import { deleted, type Status } from '../memory/status'
import type { KubeObject, ObjectBody, PatchType, PropagationPolicy } from '../runtime/clusterApi'
import { findServed, type ServedResource } from './discovery'
import { badRequest, methodNotAllowed, sendJson, sendStatus, unknownResource, unsupportedMediaType } from './errors'
import { servePodLog } from './podLogs'
import { tableMediaType, toTable, wantsTable } from './tables'
import { streamWatch } from './watchStream'

/** A REST path resolved against the served resources. */
export interface ResourcePath {
  readonly served: ServedResource
  readonly namespace?: string
  readonly name?: string
  readonly subresource?: string
}

/**
 * `/api/v1/...` or `/apis/{g}/{v}/...` → resource, namespace, name, subresource. The one
 * ambiguity, `/api/v1/namespaces/{x}/{y}`, is a namespaced resource `y` unless `y` is a
 * subresource of namespaces.
 */
export const parseResourcePath = (segments: ReadonlyArray<string>): ResourcePath | undefined => {
  const [root, ...rest] = segments
  const [group, version, ...tail] = root === 'api' ? ['', ...rest] : root === 'apis' ? rest : []
  if (group === undefined || version === undefined) return undefined
  const resolve = (resource: string | undefined, namespace: string | undefined, more: ReadonlyArray<string>): ResourcePath | undefined => {
    const served = resource === undefined ? undefined : findServed(group, version, resource)
    if (served === undefined || more.length > 2) return undefined
    if (namespace !== undefined && !served.info.namespaced) return undefined
    // A namespaced object is only addressed inside its namespace; without one, only the list across all.
    if (namespace === undefined && served.info.namespaced && more.length > 0) return undefined
    const [name, subresource] = more
    return { served, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}), ...(subresource !== undefined ? { subresource } : {}) }
  }
  const [first, second, third, ...after] = tail
  const namespaces = findServed(group, version, 'namespaces')
  if (first === 'namespaces' && second !== undefined && third !== undefined && !(namespaces?.subresources.includes(third) ?? false)) {
    return resolve(third, second, after)
  }
  return resolve(first, undefined, tail.slice(1))
}

export interface RequestContext {
  readonly method: string
  readonly query: URLSearchParams
  readonly accept: string
  readonly contentType: string
  /** Read lazily: only writes have a body. */
  readonly body: () => Promise<Buffer>
}

/** JSON or YAML (both are accepted by the apiserver); malformed input is a 400, never a throw. */
export const decodeBody = (raw: Buffer, contentType: string): E.Either<Status, unknown> => {
  // Protobuf and the like are not spoken here: say so (415) rather than fail to parse them as JSON.
  if (!/json|yaml/.test(contentType)) return E.left(unsupportedMediaType(contentType))
  const text = raw.toString('utf8')
  try {
    return E.right(contentType.includes('yaml') ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown))
  } catch (e) {
    return E.left(badRequest(`the request body could not be decoded: ${e instanceof Error ? e.message : String(e)}`))
  }
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v)

const patchTypes: ReadonlyArray<PatchType> = ['application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/json-patch+json']

const propagation = (v: unknown): PropagationPolicy | undefined => (v === 'Background' || v === 'Foreground' || v === 'Orphan' ? v : undefined)

/** Serves one resource request from the store; every failure is a Kubernetes Status. */
export const serveResource = async (store: MemoryStore, path: ResourcePath, ctx: RequestContext, res: ServerResponse): Promise<void> => {
  const { served, namespace, name, subresource } = path
  const resource = { group: served.info.group, version: served.info.version, resource: served.info.resource }
  const scope = { resource, ...(namespace !== undefined ? { namespace } : {}) }
  const dryRun = ctx.query.get('dryRun') === 'All'
  const reply = (result: E.Either<Status, unknown>, code = 200): void =>
    E.isLeft(result) ? sendStatus(res, result.left) : sendJson(res, code, result.right)
  const readBody = async (): Promise<E.Either<Status, unknown>> => decodeBody(await ctx.body(), ctx.contentType)
  const readObject = async (): Promise<E.Either<Status, ObjectBody>> => {
    const body = await readBody()
    return E.isLeft(body) ? body : isRecord(body.right) ? E.right(body.right as ObjectBody) : E.left(badRequest('the request body must be a JSON object'))
  }
  if (subresource !== undefined && !served.subresources.includes(subresource)) return sendStatus(res, unknownResource())
  if (subresource === 'log') {
    if (ctx.method !== 'GET' || namespace === undefined || name === undefined) return sendStatus(res, methodNotAllowed('pod logs are only read'))
    return servePodLog(store, namespace, name, ctx.query, res)
  }

  if (name === undefined) {
    if (ctx.method === 'GET') {
      const selectors = {
        ...(ctx.query.get('labelSelector') ? { labelSelector: ctx.query.get('labelSelector') ?? '' } : {}),
        ...(ctx.query.get('fieldSelector') ? { fieldSelector: ctx.query.get('fieldSelector') ?? '' } : {}),
      }
      const includeObject = ctx.query.get('includeObject') ?? 'Metadata'
      const table = wantsTable(ctx.accept) ? { kind: served.info.kind, includeObject, now: () => store.clock.now() } : undefined
      if (ctx.query.get('watch') === 'true' || ctx.query.get('watch') === '1') {
        const rv = ctx.query.get('resourceVersion')
        const seconds = Number(ctx.query.get('timeoutSeconds') ?? '')
        return streamWatch(res, store.watch({ ...scope, ...selectors, ...(rv !== null ? { resourceVersion: rv } : {}) }), {
          ...(table !== undefined ? { table } : {}),
          ...(seconds > 0 ? { timeoutMs: seconds * 1000 } : {}),
        })
      }
      const list = store.list({ ...scope, ...selectors })
      if (E.isLeft(list)) return sendStatus(res, list.left)
      if (table === undefined) return sendJson(res, 200, list.right)
      const rows = toTable(list.right.items, { kind: served.info.kind, now: store.clock.now(), resourceVersion: list.right.metadata.resourceVersion, includeObject, withColumns: true })
      return sendJson(res, 200, rows, tableMediaType)
    }
    if (ctx.method === 'POST') {
      const body = await readObject()
      if (E.isLeft(body)) return sendStatus(res, body.left)
      return reply(store.create({ ...scope, body: body.right, dryRun }), 201)
    }
    return sendStatus(res, methodNotAllowed(`the server does not allow this method on the requested resource`))
  }

  const item = { ...scope, name }
  switch (ctx.method) {
    case 'GET': {
      const got = store.get(item)
      if (E.isLeft(got) || !wantsTable(ctx.accept)) return reply(got)
      const includeObject = ctx.query.get('includeObject') ?? 'Metadata'
      return sendJson(res, 200, toTable([got.right], { kind: served.info.kind, now: store.clock.now(), resourceVersion: got.right.metadata.resourceVersion ?? '', includeObject, withColumns: true }), tableMediaType)
    }
    case 'PUT': {
      const body = await readObject()
      if (E.isLeft(body)) return sendStatus(res, body.left)
      const request = { ...item, body: body.right, dryRun }
      return reply(subresource === 'status' ? store.updateStatus(request) : store.update(request))
    }
    case 'PATCH': {
      const patchType = patchTypes.find((t) => ctx.contentType.startsWith(t))
      if (patchType === undefined) return sendStatus(res, unsupportedMediaType(ctx.contentType))
      const patch = await readBody()
      if (E.isLeft(patch)) return sendStatus(res, patch.left)
      return reply(store.patch({ ...item, patchType, patch: patch.right, dryRun, ...(subresource === 'status' ? { subresource: 'status' as const } : {}) }))
    }
    case 'DELETE': {
      if (subresource !== undefined) return sendStatus(res, methodNotAllowed('subresources cannot be deleted'))
      const raw = await ctx.body()
      const options = raw.length === 0 ? E.right<Status, unknown>({}) : decodeBody(raw, ctx.contentType)
      if (E.isLeft(options)) return sendStatus(res, options.left)
      const o = isRecord(options.right) ? options.right : {}
      const policy = propagation(ctx.query.get('propagationPolicy') ?? o['propagationPolicy'])
      const grace = ctx.query.get('gracePeriodSeconds') ?? o['gracePeriodSeconds']
      const pre = isRecord(o['preconditions']) ? o['preconditions'] : {}
      const preconditions = {
        ...(typeof pre['uid'] === 'string' ? { uid: pre['uid'] } : {}),
        ...(typeof pre['resourceVersion'] === 'string' ? { resourceVersion: pre['resourceVersion'] } : {}),
      }
      const outcome = store.delete({
        ...item,
        dryRun,
        ...(policy !== undefined ? { propagationPolicy: policy } : {}),
        ...(grace !== undefined && grace !== null && Number.isFinite(Number(grace)) ? { gracePeriodSeconds: Number(grace) } : {}),
        ...(Object.keys(preconditions).length > 0 ? { preconditions } : {}),
      })
      if (E.isLeft(outcome)) return sendStatus(res, outcome.left)
      const object: KubeObject = outcome.right.object
      // Like the apiserver: a finished deletion answers a success Status, a graceful one the terminating object.
      return outcome.right._tag === 'Removed' ? sendJson(res, 200, deleted(resource, name, object.metadata.uid ?? '')) : sendJson(res, 200, object)
    }
    default:
      return sendStatus(res, methodNotAllowed(`the server does not allow this method on the requested resource`))
  }
}
