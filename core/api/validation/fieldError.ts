/** The kinds of `field.Error` in apimachinery, with the text each one prints. */
export type FieldErrorType = 'Invalid' | 'Required' | 'NotSupported' | 'Forbidden' | 'TooLong' | 'TooMany' | 'Duplicate'

export interface FieldError {
  readonly type: FieldErrorType
  readonly field: string
  readonly value?: unknown
  readonly detail: string
}

const typeText: Readonly<Record<FieldErrorType, string>> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TooMany: 'Too many',
  Duplicate: 'Duplicate value',
}

export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail })
export const required = (field: string, detail = ''): FieldError => ({ type: 'Required', field, detail })
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail })
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value, detail: '' })
export const tooLong = (field: string, max: number): FieldError => ({
  type: 'TooLong',
  field,
  detail: `may not be more than ${max} bytes`,
})
export const notSupported = (field: string, value: unknown, supported: ReadonlyArray<string>): FieldError => ({
  type: 'NotSupported',
  field,
  value,
  detail: supported.length > 0 ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '',
})

/**
 * The bad value of a nil pointer: `ErrorBody` turns it into the string "null" before printing, so
 * it shows quoted (`spec.selector: Invalid value: "null": field is immutable`).
 */
export const nilPointer = 'null'

/** Renders a bad value as apimachinery does: strings quoted, scalars bare, structures as JSON. */
const formatValue = (value: unknown): string => {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return JSON.stringify(value)
}

/** `field.Error.Error()`: `<path>: <Type>[: <value>][: <detail>]`. */
export const formatFieldError = (e: FieldError): string => {
  const showsValue = e.type !== 'Required' && e.type !== 'Forbidden' && e.type !== 'TooLong' && 'value' in e
  const body = showsValue ? `${typeText[e.type]}: ${formatValue(e.value)}` : typeText[e.type]
  return `${e.field}: ${body}${e.detail !== '' ? `: ${e.detail}` : ''}`
}

/** kubectl's line for an invalid object: `The <Kind> "<name>" is invalid: <error>`. */
export const formatInvalid = (kind: string, name: string, e: FieldError): string =>
  `The ${kind} ${JSON.stringify(name)} is invalid: ${formatFieldError(e)}`

/** Prefixes a relative path the way `field.Path.Child` joins segments. */
export const child = (path: string, name: string | number): string =>
  typeof name === 'number' ? `${path}[${name}]` : path === '' ? name : `${path}.${name}`
