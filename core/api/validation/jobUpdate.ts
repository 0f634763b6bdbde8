import type { Json } from '../json'
import type { Job, JobSpec } from '../job'
import type { PodTemplateSpec } from '../pod'
import { invalid, type FieldError } from './fieldError'
import { immutableField, semanticEqual } from './immutable'
import { validateJob, validateJobSpec } from './job'
import { validateObjectMetaUpdate } from './objectMeta'

/** `into` with `key` as `from` has it: copied, or removed when `from` has none. */
const withKeyOf = (into: Json, from: Json, key: string): Json => {
  const { [key]: _old, ...rest } = into
  return from[key] === undefined ? rest : { ...rest, [key]: from[key] }
}

/**
 * The old template as a suspended Job that never started may turn it into: node affinity,
 * nodeSelector, tolerations, schedulingGates and the template's labels and annotations take the
 * new values (`validatePodTemplateUpdate`), so that only other changes remain to compare.
 */
const withSchedulingDirectives = (next: PodTemplateSpec, old: PodTemplateSpec): Json => {
  const nextSpec: Json = next.spec
  const nextAffinity: Json | undefined = next.spec.affinity ?? undefined
  const oldAffinity: Json | undefined = old.spec.affinity ?? undefined
  let spec: Json = old.spec
  if (nextAffinity === undefined && oldAffinity !== undefined) {
    // The affinity may be cleared when node affinity was all it held.
    const rest = withKeyOf(oldAffinity, {}, 'nodeAffinity')
    spec = Object.values(rest).every((v) => v == null) ? withKeyOf(spec, {}, 'affinity') : { ...spec, affinity: rest }
  } else if (nextAffinity !== undefined) {
    spec = { ...spec, affinity: withKeyOf(oldAffinity ?? {}, nextAffinity, 'nodeAffinity') }
  }
  for (const key of ['nodeSelector', 'tolerations', 'schedulingGates']) spec = withKeyOf(spec, nextSpec, key)
  let metadata: Json = old.metadata ?? {}
  for (const key of ['labels', 'annotations']) metadata = withKeyOf(metadata, next.metadata ?? {}, key)
  return { ...old, metadata, spec }
}

/**
 * `validateCompletions` with ElasticIndexedJob (GA in 1.31): completions are immutable, except that
 * an Indexed Job may change them together with parallelism (the new values equal).
 */
const completionsErrors = (next: JobSpec, old: JobSpec): ReadonlyArray<FieldError> => {
  if (next.completionMode !== 'Indexed') return immutableField('spec.completions', next.completions, old.completions)
  if (semanticEqual(next.completions, old.completions) || next.completions == null) return []
  return next.completions !== next.parallelism ? [invalid('spec.completions', next.completions, 'can only be modified in tandem with spec.parallelism')] : []
}

/**
 * The Job strategy's `ValidateUpdate` on a defaulted batch/v1 Job and the stored one it replaces:
 * `ValidateJob` on the new Job, then `ValidateJobUpdate` (labels and annotations, `ValidateJobSpec`
 * again, then the fields that cannot change). The repeated checks repeat their errors, as
 * upstream's list does; the store's message names each once.
 */
export const validateJobUpdate = (next: Job, old: Job): ReadonlyArray<FieldError> => {
  const spec = next.spec
  const oldSpec = old.spec
  const schedulingMutable = oldSpec.suspend === true && old.status?.startTime == null
  const oldTemplate = schedulingMutable ? withSchedulingDirectives(spec.template, oldSpec.template) : oldSpec.template
  return [
    ...validateJob(next),
    ...validateObjectMetaUpdate(next.metadata),
    ...validateJobSpec(spec),
    ...completionsErrors(spec, oldSpec),
    ...immutableField('spec.selector', spec.selector, oldSpec.selector),
    ...immutableField('spec.template', spec.template, oldTemplate),
    ...immutableField('spec.completionMode', spec.completionMode, oldSpec.completionMode),
    ...immutableField('spec.podFailurePolicy', spec.podFailurePolicy, oldSpec.podFailurePolicy),
    ...immutableField('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, oldSpec.backoffLimitPerIndex),
    ...immutableField('spec.managedBy', spec.managedBy, oldSpec.managedBy),
    ...immutableField('spec.successPolicy', spec.successPolicy, oldSpec.successPolicy),
  ]
}
