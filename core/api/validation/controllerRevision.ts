import type { ControllerRevision } from '../revision'
import { invalid, required, type FieldError } from './fieldError'
import { immutableField } from './immutable'
import { dns1123SubdomainErrors, validateObjectName } from './names'
import { validateObjectMetaUpdate } from './objectMeta'

/** `ValidateControllerRevision`: a DNS-subdomain name, a snapshot, and a revision number that is not negative (updates only: see manifest.ts). */
export const validateControllerRevision = (r: ControllerRevision): ReadonlyArray<FieldError> => [
  ...validateObjectName(r.metadata, dns1123SubdomainErrors),
  ...(r.data == null ? [required('data', 'data is mandatory')] : []),
  ...(r.revision < 0 ? [invalid('revision', r.revision, 'must be greater than or equal to 0')] : []),
]

/** `ValidateControllerRevisionUpdate`: the revision number and labels may change, the snapshot may not. */
export const validateControllerRevisionUpdate = (next: ControllerRevision, old: ControllerRevision): ReadonlyArray<FieldError> => [
  ...validateObjectMetaUpdate(next.metadata),
  ...validateControllerRevision(next),
  ...immutableField('data', next.data, old.data),
]
