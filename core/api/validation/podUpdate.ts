import type { Json } from '../json'
import type { Container, Pod, PodSpec } from '../pod'
import type { Toleration } from '../scheduling'
import { child, forbidden, invalid, nilPointer, required, type FieldError } from './fieldError'
import { semanticEqual } from './immutable'
import { validateObjectMetaUpdate } from './objectMeta'
import { validateTolerations } from './podSpec'

/** What `ValidatePodUpdate` lets change, as its Forbidden message lists it (1.31, in-place resize off). */
export const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',')

const maxInt32 = 2_147_483_647

/** `ValidateContainerUpdates`: the same number of containers, each with an image; `stop` ends the checks. */
const containerUpdates = (next: ReadonlyArray<Container>, old: ReadonlyArray<Container>, path: string): { readonly errors: ReadonlyArray<FieldError>; readonly stop: boolean } => {
  if (next.length !== old.length) return { errors: [forbidden(path, 'pod updates may not add or remove containers')], stop: true }
  const errors = next.flatMap((c, i) => {
    const image = c.image ?? ''
    const at = child(child(path, i), 'image')
    return [
      ...(image === '' ? [required(at, '')] : []),
      ...(image.trim() !== image ? [invalid(at, image, 'must not have leading or trailing whitespace')] : []),
    ]
  })
  return { errors, stop: false }
}

/** Only two changes are allowed: setting a deadline, or shortening one; `stop` ends the checks. */
const deadlineUpdate = (next: PodSpec, old: PodSpec): { readonly errors: ReadonlyArray<FieldError>; readonly stop: boolean } => {
  const path = 'spec.activeDeadlineSeconds'
  const now = next.activeDeadlineSeconds
  const before = old.activeDeadlineSeconds
  if (now != null) {
    if (now < 0 || now > maxInt32) return { errors: [invalid(path, now, `must be between 0 and ${maxInt32}, inclusive`)], stop: true }
    if (before != null && before < now) return { errors: [invalid(path, now, 'must be less than or equal to previous value')], stop: true }
    return { errors: [], stop: false }
  }
  return { errors: before != null ? [invalid(path, nilPointer, 'must not update from a positive integer to nil value')] : [], stop: false }
}

/** `reflect.DeepEqual` of two tolerations as Go structs, where an absent string is "". */
const sameToleration = (a: Toleration, b: Toleration): boolean =>
  (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '')

/** `validateOnlyAddedTolerations`: every old toleration is still there (its tolerationSeconds may change). */
const tolerationUpdates = (next: ReadonlyArray<Toleration>, old: ReadonlyArray<Toleration>): ReadonlyArray<FieldError> => {
  const path = 'spec.tolerations'
  const kept = old.every((o) => next.some((n) => sameToleration(o, n)))
  return kept ? validateTolerations(next, path) : [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')]
}

const gateNames = (spec: Json): ReadonlyArray<string> =>
  Array.isArray(spec['schedulingGates']) ? spec['schedulingGates'].map((g: unknown) => String((g as Json | null)?.['name'] ?? '')) : []

/** `validateOnlyDeletedSchedulingGates`: gates may be removed, not added. */
const gateUpdates = (next: Json, old: Json): ReadonlyArray<FieldError> => {
  const before = new Set(gateNames(old))
  return gateNames(next).flatMap((name, i) =>
    before.has(name) ? [] : [forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${name}'`)],
  )
}

/** The new spec with every field an update may change put back to its old value, for the final comparison. */
const munged = (next: PodSpec, old: PodSpec): Json => {
  const withOldImages = (cs: ReadonlyArray<Container> | undefined, was: ReadonlyArray<Container> | undefined) =>
    cs?.map((c, i) => ({ ...c, image: was?.[i]?.image }))
  const grace =
    old.terminationGracePeriodSeconds != null && old.terminationGracePeriodSeconds < 0 && next.terminationGracePeriodSeconds === 1
      ? old.terminationGracePeriodSeconds
      : next.terminationGracePeriodSeconds
  const oldJson: Json = old
  return {
    ...next,
    containers: withOldImages(next.containers, old.containers),
    initContainers: withOldImages(next.initContainers, old.initContainers),
    activeDeadlineSeconds: old.activeDeadlineSeconds,
    tolerations: old.tolerations,
    schedulingGates: oldJson['schedulingGates'],
    terminationGracePeriodSeconds: grace,
  }
}

/** The fields that differ, one `-` and one `+` line each, in the shape of the diff upstream appends. */
const specDiff = (old: Json, next: Json): string => {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((k) => !semanticEqual(old[k], next[k]))
  const show = (v: unknown): string => (v == null ? 'nil' : JSON.stringify(v))
  return ['  PodSpec{', ...keys.flatMap((k) => [`- \t${k}: ${show(old[k])},`, `+ \t${k}: ${show(next[k])},`]), '  }'].join('\n')
}

/**
 * `ValidatePodUpdate`: labels and annotations; containers neither added nor removed and each with an
 * image; the deadline only set or shortened; tolerations only added; scheduling gates only removed;
 * and nothing else in the spec changed. Deviations: the diff after the Forbidden message is ours
 * (upstream prints `cmp.Diff` of the Go structs), and the QoS class is not recomputed.
 */
export const validatePodUpdate = (next: Pod, old: Pod): ReadonlyArray<FieldError> => {
  const errors: FieldError[] = [...validateObjectMetaUpdate(next.metadata)]
  for (const key of ['containers', 'initContainers'] as const) {
    const checked = containerUpdates(next.spec[key] ?? [], old.spec[key] ?? [], child('spec', key))
    errors.push(...checked.errors)
    if (checked.stop) return errors
  }
  const deadline = deadlineUpdate(next.spec, old.spec)
  errors.push(...deadline.errors)
  if (deadline.stop) return errors
  errors.push(...tolerationUpdates(next.spec.tolerations ?? [], old.spec.tolerations ?? []), ...gateUpdates(next.spec, old.spec))
  if (semanticEqual(next.spec, old.spec)) return errors
  const mungedSpec = munged(next.spec, old.spec)
  if (!semanticEqual(mungedSpec, old.spec)) {
    errors.push(forbidden('spec', `pod updates may not change fields other than ${updatablePodSpecFields}\n${specDiff(old.spec, mungedSpec)}`))
  }
  return errors
}
