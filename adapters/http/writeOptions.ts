import * as E from 'fp-ts/Either'
import { forbidden, notSupported, required, tooLong, type FieldError } from '../../core/api'
import { invalid, type Status } from '../memory/status'
import { formatDecodePath, type Path } from './openapi/fieldPath'

/** What to do with fields the schema does not declare (`fieldValidation`; Warn when absent, as since 1.27). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

export type WriteVerb = 'create' | 'update' | 'patch' | 'apply'

export interface WriteOptions {
  readonly dryRun: boolean
  readonly validation: FieldValidation
  /** Who the write's fields are recorded for in `metadata.managedFields`. */
  readonly manager: string
  /** Apply only: take over fields other managers own instead of failing with a conflict. */
  readonly force: boolean
}

const optionsKind: Readonly<Record<WriteVerb, string>> = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions', apply: 'PatchOptions' }

const managerMaxLength = 128

/**
 * The write options of the query string, checked as the apiserver checks Create/Update/PatchOptions
 * (a 422 naming the option). Without `fieldManager`, non-apply writes are recorded under the
 * User-Agent's product name (`kubectl/v1.32.4 …` → `kubectl`).
 */
export const parseWriteOptions = (query: URLSearchParams, verb: WriteVerb, userAgent: string): E.Either<Status, WriteOptions> => {
  const errors: FieldError[] = []
  const validation = query.get('fieldValidation') ?? ''
  if (!['', 'Ignore', 'Strict', 'Warn'].includes(validation)) errors.push(notSupported('fieldValidation', validation, ['', 'Ignore', 'Strict', 'Warn']))
  const manager = query.get('fieldManager') ?? ''
  if (manager.length > managerMaxLength) errors.push(tooLong('fieldManager', managerMaxLength))
  const unprintable = /[\u0000-\u001f\u007f]/.exec(manager)
  if (unprintable !== null) errors.push({ type: 'Invalid', field: 'fieldManager', value: manager, detail: `invalid character U+${unprintable[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (at position ${unprintable.index})` })
  const forceParam = query.get('force')
  if (verb === 'apply' && manager === '') errors.push(required('fieldManager', 'is required for apply patch'))
  if (verb !== 'apply' && forceParam !== null) errors.push(forbidden('force', 'may not be specified for non-apply patch'))
  if (errors.length > 0) return E.left(invalid({ group: 'meta.k8s.io', kind: optionsKind[verb] }, '', errors))
  return E.right({
    dryRun: query.get('dryRun') === 'All',
    validation: validation === '' ? 'Warn' : (validation as FieldValidation),
    manager: manager !== '' ? manager : userAgent.split('/')[0] ?? '',
    force: forceParam === 'true' || forceParam === '1',
  })
}

/** `strict decoding error: unknown field "spec.templat", unknown field "…"`. */
export const strictDecodingText = (paths: ReadonlyArray<Path>): string =>
  `strict decoding error: ${paths.map((p) => `unknown field ${JSON.stringify(formatDecodePath(p))}`).join(', ')}`

/** One `Warning` header value per dropped field, as kubectl prints `Warning: unknown field "…"`. */
export const unknownFieldWarnings = (paths: ReadonlyArray<Path>): ReadonlyArray<string> => paths.map((p) => `unknown field ${JSON.stringify(formatDecodePath(p))}`)

/** RFC 7234 warn-text: code 299, no agent, the text quoted with `"` and `\` escaped. */
export const warningHeader = (text: string): string => `299 - "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`
