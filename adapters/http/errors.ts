import type { ServerResponse } from 'node:http'
import { badRequest, methodNotAllowed, unknownResource, unsupportedMediaType, type Status, type StatusReason } from '../memory/status'

export { badRequest, methodNotAllowed, unknownResource, unsupportedMediaType }

const failure = (code: number, reason: StatusReason, message: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason, message, code })

export const unauthorized = (): Status => failure(401, 'Unauthorized', 'Unauthorized')

// metav1 has no StatusReason for 413; the apiserver's own answer carries an unspecific one too.
export const tooLarge = (limit: number): Status => failure(413, 'Unknown', `the request body is larger than ${limit} bytes`)

export const internal = (message: string): Status => failure(500, 'InternalError', `Internal error occurred: ${message}`)

/** Writes any JSON body with the headers every reply carries. */
export const sendJson = (res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void => {
  const text = `${JSON.stringify(body)}\n`
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

/** kubectl prints `Error from server (<reason>): <message>` from this body. */
export const sendStatus = (res: ServerResponse, status: Status): void => sendJson(res, status.code, status)
