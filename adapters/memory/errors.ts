import { internalError, isStatus, type Status } from './status'

/**
 * The shell's error union (style.md §E), after controller-runtime: `Retryable` may succeed later
 * (server trouble, a compacted watch), `Conflict` needs a fresh read first (stale resourceVersion,
 * name taken), `NotFound` is success for a delete, `Terminal` is logged and never retried
 * (invalid object, bad request). Each keeps the Status it came from.
 */
export type ApiError =
  | { readonly _tag: 'Retryable'; readonly status: Status }
  | { readonly _tag: 'Conflict'; readonly status: Status }
  | { readonly _tag: 'NotFound'; readonly status: Status }
  | { readonly _tag: 'Terminal'; readonly status: Status }

export type ApiErrorTag = ApiError['_tag']

const retryableCodes: ReadonlySet<number> = new Set([410, 429, 500, 502, 503, 504])

/** Classifies a Status the way controllers react to it. */
export const classifyStatus = (status: Status): ApiError => {
  if (status.code === 404 || status.reason === 'NotFound') return { _tag: 'NotFound', status }
  if (status.code === 409) return { _tag: 'Conflict', status }
  if (retryableCodes.has(status.code) || status.details?.retryAfterSeconds !== undefined) return { _tag: 'Retryable', status }
  return { _tag: 'Terminal', status }
}

/** Classifies anything thrown or rejected: Status bodies by their code, anything else (network trouble) as retryable. */
export const classifyError = (error: unknown): ApiError => {
  if (isStatus(error)) return classifyStatus(error)
  const message = error instanceof Error ? error.message : String(error)
  return { _tag: 'Retryable', status: internalError(message) }
}

/**
 * What kubectl prints for a failed request: `The <Kind> "<name>" is invalid: <field>: <problem>`
 * for a 422 (one cause per line, as `MultilineError` lists several), otherwise
 * `Error from server (<reason>): <message>`.
 */
export const kubectlMessage = (status: Status): string => {
  const causes = status.details?.causes ?? []
  if (status.reason === 'Invalid' && causes.length > 0) {
    const prefix = `The ${status.details?.kind ?? ''} ${JSON.stringify(status.details?.name ?? '')} is invalid: `
    // `statusCausesToAggrError` skips repeated causes (update validation repeats some checks).
    const lines = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))]
    return lines.length === 1 ? `${prefix}${lines[0] ?? ''}` : [prefix, ...lines.map((l) => `* ${l}`)].join('\n')
  }
  return `Error from server (${status.reason ?? 'Unknown'}): ${status.message}`
}
