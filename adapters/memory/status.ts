import { formatFieldError, type FieldError, type FieldErrorType } from '../../core/api'

/** `metav1.StatusReason` values this project produces or classifies. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Expired'
  | 'Gone'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'Forbidden'
  | 'Unauthorized'
  | 'Timeout'
  | 'ServerTimeout'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'InternalError'
  | 'Unknown'

/** `metav1.StatusCause`: one field problem of a 422 Invalid. */
export interface StatusCause {
  readonly reason: string
  readonly message: string
  readonly field: string
}

export interface StatusDetails {
  readonly name?: string
  readonly group?: string
  /** The kind for Invalid; the plural resource for NotFound, AlreadyExists and Conflict (as the apiserver does). */
  readonly kind?: string
  readonly uid?: string
  readonly causes?: ReadonlyArray<StatusCause>
  readonly retryAfterSeconds?: number
}

/** `metav1.Status` as the apiserver returns it with a failed request (and in a watch ERROR event). */
export interface Status {
  readonly kind: 'Status'
  readonly apiVersion: 'v1'
  readonly metadata: Readonly<Record<string, never>>
  readonly status: 'Failure' | 'Success'
  readonly reason?: StatusReason
  readonly message: string
  readonly details?: StatusDetails
  readonly code: number
}

/** A resource as errors name it: `jobs.batch`, or just `pods` in the core group. */
export interface QualifiedResource {
  readonly group: string
  readonly resource: string
}

export const formatQualifiedResource = (r: QualifiedResource): string => (r.group === '' ? r.resource : `${r.resource}.${r.group}`)

export const isStatus = (value: unknown): value is Status =>
  typeof value === 'object' &&
  value !== null &&
  (value as { readonly kind?: unknown }).kind === 'Status' &&
  typeof (value as { readonly code?: unknown }).code === 'number'

/** A failure Status as the apiserver writes it. */
export const failure = (code: number, reason: StatusReason, message: string, details?: StatusDetails): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  reason,
  message,
  ...(details !== undefined ? { details } : {}),
  code,
})

const detailsOf = (r: QualifiedResource, name: string): StatusDetails => ({ name, group: r.group, kind: r.resource })

/** 404: `<resource>.<group> "<name>" not found` (`errors.NewNotFound`). */
export const notFound = (r: QualifiedResource, name: string): Status =>
  failure(404, 'NotFound', `${formatQualifiedResource(r)} ${JSON.stringify(name)} not found`, detailsOf(r, name))

/** 409: `<resource>.<group> "<name>" already exists` (`errors.NewAlreadyExists`). */
export const alreadyExists = (r: QualifiedResource, name: string): Status =>
  failure(409, 'AlreadyExists', `${formatQualifiedResource(r)} ${JSON.stringify(name)} already exists`, detailsOf(r, name))

/** The reason text of an optimistic-concurrency failure (`registry.OptimisticLockErrorMsg`). */
export const modifiedMessage = 'the object has been modified; please apply your changes to the latest version and try again'

/** 409: `Operation cannot be fulfilled on <resource>.<group> "<name>": <why>` (`errors.NewConflict`). */
export const conflict = (r: QualifiedResource, name: string, why: string = modifiedMessage): Status =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${formatQualifiedResource(r)} ${JSON.stringify(name)}: ${why}`, detailsOf(r, name))

const causeReasons: Readonly<Record<FieldErrorType, string>> = {
  Invalid: 'FieldValueInvalid',
  Required: 'FieldValueRequired',
  NotSupported: 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  Duplicate: 'FieldValueDuplicate',
}

/** `field.Error.ErrorBody()`: the error without its field path. */
const bodyOf = (e: FieldError): string => formatFieldError(e).slice(e.field.length + 2)

/**
 * 422 Invalid (`errors.NewInvalid`): `<Kind>.<group> "<name>" is invalid: <errors>` with one cause
 * per field error; several errors aggregate as `[a, b]`, as `utilerrors.NewAggregate` prints them.
 * The message names each distinct error once (`ToAggregate` drops repeats; update validation
 * repeats some checks), while the causes keep every error, as upstream's do.
 */
export const invalid = (kind: { readonly group: string; readonly kind: string }, name: string, errors: ReadonlyArray<FieldError>): Status => {
  const texts = [...new Set(errors.map(formatFieldError))]
  const aggregate = texts.length === 1 ? (texts[0] ?? '') : `[${texts.join(', ')}]`
  const qualified = kind.group === '' ? kind.kind : `${kind.kind}.${kind.group}`
  return failure(422, 'Invalid', `${qualified} ${JSON.stringify(name)} is invalid: ${aggregate}`, {
    name,
    group: kind.group,
    kind: kind.kind,
    causes: errors.map((e) => ({ reason: causeReasons[e.type], message: bodyOf(e), field: e.field })),
  })
}

/** 410 Expired: what a watch from a compacted resourceVersion gets. */
export const expired = (message: string): Status => failure(410, 'Expired', message)

export const badRequest = (message: string): Status => failure(400, 'BadRequest', message)

/** What a request body may be: an object (create, replace) or a patch, as the apiserver lists them in a 415. */
export const acceptedMediaTypes = {
  object: ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'],
  patch: ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'],
} as const

export const unsupportedMediaType = (contentType: string, accepted: ReadonlyArray<string> = acceptedMediaTypes.patch): Status =>
  failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}; got ${contentType}`)

export const methodNotAllowed = (message: string): Status => failure(405, 'MethodNotAllowed', message)

export const timeout = (message: string): Status => failure(504, 'Timeout', message)

export const internalError = (message: string): Status =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`)

/** The Status a successful delete of a removed object returns. */
export const deleted = (r: QualifiedResource, name: string, uid: string): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  message: '',
  details: { ...detailsOf(r, name), uid },
  code: 200,
})

/** 422 for a request that is well formed but cannot be applied (a failing JSON patch operation). */
export const unprocessable = (message: string): Status => failure(422, 'Invalid', message)

/** 404 for a resource (or subresource) the server does not serve. */
export const unknownResource = (): Status => failure(404, 'NotFound', 'the server could not find the requested resource')
