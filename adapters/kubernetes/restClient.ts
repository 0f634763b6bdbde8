import * as E from 'fp-ts/Either'
import type { KubeConfig } from '@kubernetes/client-node'
import { classifyStatus, type ApiError } from '../memory/errors'
import { clientNode } from './clientNode'
import { statusOfResponse, unreachable } from './serverStatus'

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RestRequest {
  readonly method: HttpVerb
  /** The path below the server URL: `/api/v1/namespaces/default/pods`. */
  readonly path: string
  readonly query?: Readonly<Record<string, string | undefined>>
  readonly body?: unknown
  /** Default `application/json`; a patch names its patch type. */
  readonly contentType?: string
}

/** One request/response exchange with the API server, answered as data. */
export type RestClient = (request: RestRequest) => Promise<E.Either<ApiError, unknown>>

const parse = (text: string): unknown => {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown)
  } catch {
    return undefined
  }
}

/**
 * Requests through client-node's own HTTP layer (`RequestContext`, the kubeconfig's
 * authentication and TLS agent, its fetch), with the JSON left as the server sent it: the typed
 * API classes would turn timestamps into Dates and drop fields they do not model. Non-2xx answers
 * become the server's Status, classified; a request that gets no answer is a retryable 503.
 */
export const createRestClient = (config: KubeConfig, server: string): RestClient => {
  const k8s = clientNode()
  const http = new k8s.IsomorphicFetchHttpLibrary()
  const base = server.replace(/\/+$/, '')
  return async (request) => {
    const url = new URL(base + request.path)
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, value)
    const context = new k8s.RequestContext(url.toString(), k8s.HttpMethod[request.method])
    context.setHeaderParam('Accept', 'application/json')
    if (request.body !== undefined) {
      context.setHeaderParam('Content-Type', request.contentType ?? 'application/json')
      context.setBody(JSON.stringify(request.body))
    }
    let code: number
    let text: string
    try {
      await config.applySecurityAuthentication(context)
      const response = await http.send(context).toPromise()
      code = response.httpStatusCode
      text = await response.body.text()
    } catch (error) {
      return E.left(classifyStatus(unreachable(base, error)))
    }
    const body = parse(text)
    if (code >= 200 && code < 300) return E.right(body)
    return E.left(classifyStatus(statusOfResponse(code, body, text)))
  }
}
