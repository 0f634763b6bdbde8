import type { ObjectMeta } from '../meta'
import { child, required, type FieldError } from './fieldError'
import { dns1123SubdomainErrors, validateAnnotations, validateLabels, validateObjectName } from './names'

/** `ValidateObjectMeta` for a namespaced object whose name must be a DNS subdomain. */
export const validateObjectMeta = (
  meta: ObjectMeta,
  nameCheck: (value: string) => ReadonlyArray<string> = dns1123SubdomainErrors,
): ReadonlyArray<FieldError> => [
  ...validateObjectName(meta, nameCheck),
  ...((meta.namespace ?? '') === '' ? [required(child('metadata', 'namespace'), '')] : []),
  ...validateLabels(meta.labels, 'metadata.labels'),
  ...validateAnnotations(meta.annotations, 'metadata.annotations'),
]
