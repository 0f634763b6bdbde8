import { child, invalid, required, tooLong, type FieldError } from './fieldError'

const dns1123LabelRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const dns1123SubdomainRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const qualifiedNameRe = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/** Messages of apimachinery `validation.IsDNS1123Subdomain`. */
export const dns1123SubdomainErrors = (value: string): ReadonlyArray<string> => {
  const out: string[] = []
  if (value.length > 253) out.push('must be no more than 253 characters')
  if (!dns1123SubdomainRe.test(value)) {
    out.push(
      `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    )
  }
  return out
}

/** Messages of apimachinery `validation.IsDNS1123Label`. */
export const dns1123LabelErrors = (value: string): ReadonlyArray<string> => {
  const out: string[] = []
  if (value.length > 63) out.push('must be no more than 63 characters')
  if (!dns1123LabelRe.test(value)) {
    out.push(
      `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    )
  }
  return out
}

/** Messages of `validation.IsQualifiedName` (label and annotation keys). */
export const qualifiedNameErrors = (value: string): ReadonlyArray<string> => {
  const parts = value.split('/')
  const out: string[] = []
  let name = value
  if (parts.length === 2) {
    const [prefix = '', rest = ''] = parts
    name = rest
    if (prefix.length === 0) out.push('prefix part must be non-empty')
    else out.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`))
  } else if (parts.length > 2) {
    return [
      `a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  if (name.length === 0) out.push('name part must be non-empty')
  else if (name.length > 63) out.push('name part must be no more than 63 characters')
  if (!qualifiedNameRe.test(name)) {
    out.push(
      `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    )
  }
  return out
}

/** Messages of `validation.IsValidLabelValue`. */
export const labelValueErrors = (value: string): ReadonlyArray<string> => {
  const out: string[] = []
  if (value.length > 63) out.push('must be no more than 63 characters')
  if (!labelValueRe.test(value)) {
    out.push(
      `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    )
  }
  return out
}

/** `ValidateLabels`: keys are qualified names, values are label values. */
export const validateLabels = (labels: Readonly<Record<string, string>> | undefined, path: string): ReadonlyArray<FieldError> =>
  Object.entries(labels ?? {}).flatMap(([k, v]) => [
    ...qualifiedNameErrors(k).map((m) => invalid(path, k, m)),
    ...labelValueErrors(v).map((m) => invalid(path, v, m)),
  ])

/** `ValidateAnnotations`: keys are qualified names (lower-cased), total size at most 256 KiB. */
export const validateAnnotations = (annotations: Readonly<Record<string, string>> | undefined, path: string): ReadonlyArray<FieldError> => {
  const entries = Object.entries(annotations ?? {})
  const errs = entries.flatMap(([k]) => qualifiedNameErrors(k.toLowerCase()).map((m) => invalid(path, k, m)))
  const size = entries.reduce((n, [k, v]) => n + k.length + v.length, 0)
  return size > 262144 ? [...errs, tooLong(path, 262144)] : errs
}

/** Name or generateName, checked as a DNS subdomain (most kinds) or label (pods use subdomain too). */
export const validateObjectName = (
  meta: { readonly name?: string; readonly generateName?: string },
  check: (value: string) => ReadonlyArray<string>,
  path = 'metadata',
): ReadonlyArray<FieldError> => {
  if (meta.generateName !== undefined && meta.generateName !== '' && (meta.name === undefined || meta.name === '')) {
    // generateName gets a suffix, so a trailing '-' is fine: check it as the server would with a suffix.
    return check(`${meta.generateName}a`).map((m) => invalid(child(path, 'generateName'), meta.generateName, m))
  }
  if (meta.name === undefined || meta.name === '') return [required(child(path, 'name'), 'name or generateName is required')]
  return check(meta.name).map((m) => invalid(child(path, 'name'), meta.name, m))
}
