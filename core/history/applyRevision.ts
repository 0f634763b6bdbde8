import * as E from 'fp-ts/Either'
import { PodTemplateSpec, nameOf, type ControllerRevision, type DaemonSet } from '../api'

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The DaemonSet as it would be after the revision's strategic merge patch: `$patch: replace` makes
 * `spec.template` the stored template, and nothing else of the object changes. Mirrors
 * `applyDaemonSetHistory` in kubectl for the patches the controller writes; a revision whose data
 * holds no pod template fails with kubectl's `unable to parse history <name>`.
 */
export const applyRevision = (ds: DaemonSet, revision: ControllerRevision): E.Either<string, DaemonSet> => {
  const spec = isRecord(revision.data) ? revision.data['spec'] : undefined
  const stored = isRecord(spec) ? spec['template'] : undefined
  if (!isRecord(stored)) return E.left(`unable to parse history ${nameOf(revision)}`)
  const { $patch: _directive, ...template } = stored
  const decoded = PodTemplateSpec.decode(template)
  if (E.isLeft(decoded)) return E.left(`unable to parse history ${nameOf(revision)}`)
  return E.right({ ...ds, spec: { ...ds.spec, template: decoded.right } })
}
