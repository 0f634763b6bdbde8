import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ContainerLogs } from '../memory/containerLog'
import type { MemoryStore } from '../memory/memoryStore'
import {
  aggregatedDiscovery,
  aggregatedMediaType,
  legacyCoreVersions,
  legacyGroupList,
  resourceList,
  servedResources,
  versionInfo,
  wantsAggregated,
} from './discovery'
import { openApiV3 } from './openapi/document'
import { badRequest, internal, sendJson, sendStatus, tooLarge, unauthorized, unknownResource } from './errors'
import { parseResourcePath, serveResource } from './routes'

export interface ApiServerOptions {
  readonly store: MemoryStore
  /** Default 127.0.0.1: the API has no authorization, so it stays on loopback unless told otherwise. */
  readonly address?: string
  /** 0 picks a free port. */
  readonly port?: number
  /** When set, every request needs `Authorization: Bearer <token>`. */
  readonly token?: string
  /** Request bodies above this many bytes get 413 (default 3 MiB, the apiserver's limit). */
  readonly maxBodyBytes?: number
  /** Wall-clock ms between BOOKMARK events on watches that allow them (default 60 s, as the apiserver). */
  readonly bookmarkIntervalMs?: number
  /** Containers' captured output for `pods/{name}/log`, when a process runtime runs them. */
  readonly logs?: ContainerLogs
}

export interface ApiServer {
  readonly url: string
  readonly port: number
  readonly server: Server
  close(): Promise<void>
}

const defaultMaxBody = 3 * 1024 * 1024

// Built once: the documents only depend on the served resources.
const openApi = openApiV3(servedResources)

class BodyTooLarge extends Error {}

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new BodyTooLarge())
        req.pause()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

/** Answers everything that is not a resource: version, discovery, OpenAPI. Returns false for resource paths. */
const serveMeta = (req: IncomingMessage, res: ServerResponse, path: string, accept: string, host: string): boolean => {
  if (req.method !== 'GET') return false
  if (path === '/version') {
    // Without no-cache, the gcloud kubectl dispatcher caches the answer per host:port forever.
    const text = `${JSON.stringify(versionInfo)}\n`
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
    return true
  }
  if (path === '/api' || path === '/apis') {
    const core = path === '/api'
    if (wantsAggregated(accept)) sendJson(res, 200, aggregatedDiscovery(core), aggregatedMediaType)
    else sendJson(res, 200, core ? legacyCoreVersions(host) : legacyGroupList())
    return true
  }
  const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path)
  if (gv !== null) {
    const list = gv[1] !== undefined ? resourceList('', gv[1]) : resourceList(gv[2] ?? '', gv[3] ?? '')
    if (list === undefined) sendStatus(res, unknownResource())
    else sendJson(res, 200, list)
    return true
  }
  if (path === '/openapi/v3') {
    sendJson(res, 200, openApi.root)
    return true
  }
  if (path.startsWith('/openapi/v3/')) {
    const doc = openApi.document(path.slice('/openapi/v3/'.length))
    if (doc === undefined) sendStatus(res, unknownResource())
    else sendJson(res, 200, doc)
    return true
  }
  if (path === '/healthz' || path === '/readyz' || path === '/livez') {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end('ok')
    return true
  }
  return false
}

const handle = async (options: ApiServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const maxBody = options.maxBodyBytes ?? defaultMaxBody
  if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) return sendStatus(res, unauthorized())
  const url = new URL(req.url ?? '/', 'http://localhost')
  const accept = req.headers.accept ?? ''
  if (serveMeta(req, res, url.pathname, accept, req.headers.host ?? '')) return
  let segments: ReadonlyArray<string>
  try {
    segments = url.pathname.split('/').filter((s) => s !== '').map(decodeURIComponent)
  } catch {
    return sendStatus(res, badRequest(`malformed path ${url.pathname}`))
  }
  const path = parseResourcePath(segments)
  if (path === undefined) return sendStatus(res, unknownResource())
  let body: Promise<Buffer> | undefined
  await serveResource(
    options.store,
    path,
    {
      method: req.method ?? 'GET',
      query: url.searchParams,
      accept,
      contentType: req.headers['content-type'] ?? 'application/json',
      body: () => (body ??= readBody(req, maxBody)),
      userAgent: req.headers['user-agent'] ?? '',
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
      ...(options.logs !== undefined ? { logs: options.logs } : {}),
    },
    res,
  )
}

/** Starts the Kubernetes-compatible API over `store`; resolves once it listens. */
export const startApiServer = (options: ApiServerOptions): Promise<ApiServer> => {
  const maxBody = options.maxBodyBytes ?? defaultMaxBody
  const server = createServer((req, res) => {
    handle(options, req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.end()
      if (e instanceof BodyTooLarge) {
        // Tell the client not to keep sending the rest of an oversized body.
        res.setHeader('Connection', 'close')
        return sendStatus(res, tooLarge(maxBody))
      }
      sendStatus(res, internal(e instanceof Error ? e.message : String(e)))
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.address ?? '127.0.0.1', () => {
      const { port, address } = server.address() as AddressInfo
      const host = address.includes(':') ? `[${address}]` : address
      resolve({
        url: `http://${host}:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            // Watches never end on their own; drop them so close() returns.
            server.closeAllConnections()
          }),
      })
    })
  })
}
