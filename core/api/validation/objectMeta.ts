import type { ObjectMeta } from '../meta'
import { child, required, type FieldError } from './fieldError'
import { dns1123SubdomainErrors, validateAnnotations, validateLabels, validateObjectName } from './names'

/** The label and annotation rules, which a create and an update of ObjectMeta both apply. */
const labelsAndAnnotations = (meta: ObjectMeta): ReadonlyArray<FieldError> => [
  ...validateLabels(meta.labels, 'metadata.labels'),
  ...validateAnnotations(meta.annotations, 'metadata.annotations'),
]

/** `ValidateObjectMeta` for a namespaced object whose name must be a DNS subdomain. */
export const validateObjectMeta = (
  meta: ObjectMeta,
  nameCheck: (value: string) => ReadonlyArray<string> = dns1123SubdomainErrors,
): ReadonlyArray<FieldError> => [
  ...validateObjectName(meta, nameCheck),
  ...((meta.namespace ?? '') === '' ? [required(child('metadata', 'namespace'), '')] : []),
  ...labelsAndAnnotations(meta),
]

/**
 * `ValidateObjectMetaUpdate` once the store has kept the fields a client cannot change (name,
 * namespace, uid, creation and deletion marks, generation): what is left to check is the labels
 * and annotations, which the kinds' own validation checks again.
 */
export const validateObjectMetaUpdate = labelsAndAnnotations
