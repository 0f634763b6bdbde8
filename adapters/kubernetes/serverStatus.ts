import { firstLineOf } from './errorMessage'
import { failure, isStatus, type Status, type StatusReason } from '../memory/status'

const reasons: Readonly<Record<number, StatusReason>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
}

/** A failure Status with the reason the apiserver gives `code`. */
export const failureStatus = (code: number, message: string, reason: StatusReason = reasons[code] ?? 'Unknown'): Status => failure(code, reason, message)

/**
 * The Status of a failed response: the body itself when the server sent one (it always does for
 * API errors), else one made from the HTTP code and the start of the body (a proxy's HTML page).
 */
export const statusOfResponse = (code: number, body: unknown, text: string): Status => {
  if (isStatus(body)) return body.code === 0 ? { ...body, code } : body
  const snippet = text.trim().replace(/\s+/g, ' ').slice(0, 200)
  return failureStatus(code, `the server responded with HTTP ${code}${snippet !== '' ? `: ${snippet}` : ''}`)
}

/** 503 for a request that never got an answer (refused, reset, DNS, TLS): retryable, with the cause. */
export const unreachable = (server: string, error: unknown): Status => {
  const message = firstLineOf(error)
  // node-fetch says "request to <url> failed, reason: connect ECONNREFUSED …": the reason is the news.
  const reason = /reason: (.*)$/.exec(message)?.[1] ?? message
  return failureStatus(503, `cannot reach the API server at ${server}: ${reason}`, 'ServiceUnavailable')
}
