import type { ServerResponse } from 'node:http'
import * as E from 'fp-ts/Either'
import { parse as parseYaml } from 'yaml'
import { isJson } from '../../core/api'
import type { ContainerLogs } from '../memory/containerLog'
import type { MemoryStore } from '../memory/memoryStore'
import { readBinding } from '../memory/podBinding'
import { acceptedMediaTypes, deleted, type Status } from '../memory/status'
import type { KubeObject, ObjectBody, PatchType } from '../runtime/clusterApi'
import { deleteCollection, parseDeleteOptions, type DeleteOptions } from './deleteCollection'
import { findServed, type ServedResource } from './discovery'
import { badRequest, methodNotAllowed, sendJson, sendStatus, unknownResource, unsupportedMediaType } from './errors'
import { servePodLog } from './podLogs'
import { decodeProtobufBody, isProtobuf } from './protobuf'
import { tableMediaType, toTable, wantsTable } from './tables'
import { bookmarkObject, streamWatch } from './watchStream'
import { parseWriteOptions, warningHeader, type WriteVerb } from './writeOptions'
import { applyObject, createObject, patchObject, replaceObject, type Written } from './writeRequests'

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
  /** Names the field manager of writes that give no `fieldManager`. */
  readonly userAgent: string
  /** How often watches with `allowWatchBookmarks=true` get a BOOKMARK. */
  readonly bookmarkIntervalMs: number
  /** Containers' captured output, when a process runtime runs them. */
  readonly logs?: ContainerLogs
}

/** JSON or YAML (both are accepted by the apiserver); malformed input is a 400, never a throw. */
export const decodeBody = (raw: Buffer, contentType: string): E.Either<Status, unknown> => {
  // Typed clients (kubectl's imperative creates) send Kubernetes protobuf: read it into JSON.
  if (isProtobuf(contentType)) return decodeProtobufBody(raw)
  // Other formats are not spoken here: say so (415) rather than fail to parse them as JSON.
  if (!/json|yaml/.test(contentType)) return E.left(unsupportedMediaType(contentType, acceptedMediaTypes.object))
  const text = raw.toString('utf8')
  try {
    return E.right(contentType.includes('yaml') ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown))
  } catch (e) {
    return E.left(badRequest(`the request body could not be decoded: ${e instanceof Error ? e.message : String(e)}`))
  }
}

/** What `BindingREST.Create` answers: a success Status, its code set to the create's 201. */
const bindingCreated = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } as const

const patchTypes: ReadonlyArray<PatchType> = ['application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/json-patch+json']
const applyPatchType = 'application/apply-patch+yaml'

/** Sends a write's result with its warnings (`Warning: 299 - "…"` headers, which kubectl prints). */
const sendWritten = (res: ServerResponse, result: E.Either<Status, Written>): void => {
  if (E.isLeft(result)) return sendStatus(res, result.left)
  if (result.right.warnings.length > 0) res.setHeader('Warning', result.right.warnings.map(warningHeader))
  sendJson(res, result.right.code, result.right.object)
}

/** Serves one resource request from the store; every failure is a Kubernetes Status. */
export const serveResource = async (store: MemoryStore, path: ResourcePath, ctx: RequestContext, res: ServerResponse): Promise<void> => {
  const { served, namespace, name, subresource } = path
  const resource = { group: served.info.group, version: served.info.version, resource: served.info.resource }
  const scope = { resource, ...(namespace !== undefined ? { namespace } : {}) }
  const reply = (result: E.Either<Status, unknown>, code = 200): void =>
    E.isLeft(result) ? sendStatus(res, result.left) : sendJson(res, code, result.right)
  const target = { store, info: served.info, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}), ...(subresource === 'status' ? { subresource: 'status' as const } : {}) }
  const optionsFor = (verb: WriteVerb) => parseWriteOptions(ctx.query, verb, ctx.userAgent)
  const readBody = async (): Promise<E.Either<Status, unknown>> => decodeBody(await ctx.body(), ctx.contentType)
  const readObject = async (): Promise<E.Either<Status, ObjectBody>> => {
    const body = await readBody()
    return E.isLeft(body) ? body : isJson(body.right) ? E.right(body.right as ObjectBody) : E.left(badRequest('the request body must be a JSON object'))
  }
  const readDeleteOptions = async (): Promise<E.Either<Status, DeleteOptions>> => {
    const raw = await ctx.body()
    const body = raw.length === 0 ? E.right<Status, unknown>({}) : decodeBody(raw, ctx.contentType)
    return E.map((o: unknown) => parseDeleteOptions(ctx.query, o))(body)
  }
  if (subresource !== undefined && !served.subresources.includes(subresource)) return sendStatus(res, unknownResource())
  if (subresource === 'log') {
    if (ctx.method !== 'GET' || namespace === undefined || name === undefined) return sendStatus(res, methodNotAllowed('pod logs are only read'))
    return servePodLog(store, namespace, name, ctx.query, res, ctx.logs)
  }
  if (subresource === 'binding') {
    if (ctx.method !== 'POST' || namespace === undefined || name === undefined) return sendStatus(res, methodNotAllowed('a pod binding is only created'))
    const options = optionsFor('create')
    if (E.isLeft(options)) return sendStatus(res, options.left)
    const body = await readBody()
    const request = E.isLeft(body) ? body : readBinding(namespace, name, body.right)
    const bound = E.isLeft(request) ? request : store.bind({ ...request.right, ...(options.right.dryRun ? { dryRun: true } : {}) })
    return E.isLeft(bound) ? sendStatus(res, bound.left) : sendJson(res, 201, bindingCreated)
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
        const bookmarks = ctx.query.get('allowWatchBookmarks') === 'true' ? { intervalMs: ctx.bookmarkIntervalMs, object: () => bookmarkObject(served.info, store.resourceVersion(), table !== undefined) } : undefined
        return streamWatch(res, store.watch({ ...scope, ...selectors, ...(rv !== null ? { resourceVersion: rv } : {}) }), {
          ...(table !== undefined ? { table } : {}),
          ...(seconds > 0 ? { timeoutMs: seconds * 1000 } : {}),
          ...(bookmarks !== undefined ? { bookmarks } : {}),
        })
      }
      const list = store.list({ ...scope, ...selectors })
      if (E.isLeft(list)) return sendStatus(res, list.left)
      if (table === undefined) return sendJson(res, 200, list.right)
      const rows = toTable(list.right.items, { kind: served.info.kind, now: store.clock.now(), resourceVersion: list.right.metadata.resourceVersion, includeObject, withColumns: true })
      return sendJson(res, 200, rows, tableMediaType)
    }
    if (ctx.method === 'POST') {
      const options = optionsFor('create')
      if (E.isLeft(options)) return sendStatus(res, options.left)
      const body = await readObject()
      if (E.isLeft(body)) return sendStatus(res, body.left)
      return sendWritten(res, createObject(target, body.right, options.right))
    }
    if (ctx.method === 'DELETE') {
      const options = await readDeleteOptions()
      if (E.isLeft(options)) return sendStatus(res, options.left)
      const selectors = { labelSelector: ctx.query.get('labelSelector') ?? '', fieldSelector: ctx.query.get('fieldSelector') ?? '' }
      return reply(deleteCollection(store, served.info, namespace, selectors, options.right))
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
      const options = optionsFor('update')
      if (E.isLeft(options)) return sendStatus(res, options.left)
      const body = await readObject()
      if (E.isLeft(body)) return sendStatus(res, body.left)
      return sendWritten(res, replaceObject(target, body.right, options.right))
    }
    case 'PATCH': {
      const apply = ctx.contentType.startsWith(applyPatchType)
      const patchType = patchTypes.find((t) => ctx.contentType.startsWith(t))
      if (patchType === undefined && !apply) return sendStatus(res, unsupportedMediaType(ctx.contentType))
      const options = optionsFor(apply ? 'apply' : 'patch')
      if (E.isLeft(options)) return sendStatus(res, options.left)
      const patch = await readBody()
      if (E.isLeft(patch)) return sendStatus(res, patch.left)
      return sendWritten(res, patchType === undefined ? applyObject(target, patch.right, options.right) : patchObject(target, patchType, patch.right, options.right))
    }
    case 'DELETE': {
      if (subresource !== undefined) return sendStatus(res, methodNotAllowed('subresources cannot be deleted'))
      const options = await readDeleteOptions()
      if (E.isLeft(options)) return sendStatus(res, options.left)
      const outcome = store.delete({ ...item, ...options.right })
      if (E.isLeft(outcome)) return sendStatus(res, outcome.left)
      const object: KubeObject = outcome.right.object
      // Like the apiserver: a finished deletion answers a success Status, a graceful one the terminating object.
      return outcome.right._tag === 'Removed' ? sendJson(res, 200, deleted(resource, name, object.metadata.uid ?? '')) : sendJson(res, 200, object)
    }
    default:
      return sendStatus(res, methodNotAllowed(`the server does not allow this method on the requested resource`))
  }
}
