import type { PodSpec, PodTemplateSpec } from '../pod'
import type { NodeSelectorRequirement, Toleration } from '../scheduling'
import { child, duplicate, forbidden, invalid, notSupported, required, type FieldError } from './fieldError'
import { dns1123LabelErrors, labelValueErrors, qualifiedNameErrors, validateAnnotations, validateLabels } from './names'

const restartPolicies = ['Always', 'OnFailure', 'Never']
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** `ValidateTolerations`, with Kubernetes' messages. */
export const validateTolerations = (tolerations: ReadonlyArray<Toleration>, path: string): ReadonlyArray<FieldError> =>
  tolerations.flatMap((t, i) => {
    const p = child(path, i)
    const errs: FieldError[] = []
    const key = t.key ?? ''
    const op = t.operator ?? ''
    if (key !== '') errs.push(...qualifiedNameErrors(key).map((m) => invalid(child(p, 'key'), key, m)))
    if (key === '' && op !== 'Exists') {
      errs.push(invalid(child(p, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    }
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute') {
      errs.push(invalid(child(p, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    }
    switch (op) {
      case '':
      case 'Equal':
        errs.push(...labelValueErrors(t.value ?? '').map((m) => invalid(child(p, 'operator'), t.value ?? '', m)))
        break
      case 'Exists':
        if ((t.value ?? '') !== '') errs.push(invalid(child(p, 'operator'), t, "value must be empty when `operator` is 'Exists'"))
        break
      default:
        errs.push(notSupported(child(p, 'operator'), op, ['Equal', 'Exists']))
    }
    if ((t.effect ?? '') !== '' && !effects.includes(t.effect ?? '')) {
      errs.push(notSupported(child(p, 'effect'), t.effect, effects))
    }
    return errs
  })

const validateRequirement = (r: NodeSelectorRequirement, path: string, fields: boolean): ReadonlyArray<FieldError> => {
  const values = r.values ?? []
  if (fields) {
    const errs: FieldError[] = []
    if (r.key !== 'metadata.name') errs.push(notSupported(child(path, 'key'), r.key, ['metadata.name']))
    if (r.operator !== 'In' && r.operator !== 'NotIn') errs.push(invalid(child(path, 'operator'), r.operator, 'not a valid selector operator'))
    else if (values.length !== 1) errs.push(required(child(path, 'values'), 'must have one element'))
    return errs
  }
  const errs: FieldError[] = [...qualifiedNameErrors(r.key).map((m) => invalid(child(path, 'key'), r.key, m))]
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"))
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
      break
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(child(path, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"))
      break
    default:
      errs.push(invalid(child(path, 'operator'), r.operator, 'not a valid selector operator'))
  }
  return errs
}

const validateNodeAffinity = (spec: PodSpec, path: string): ReadonlyArray<FieldError> => {
  const req = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (req == null) return []
  const p = child(child(child(child(path, 'affinity'), 'nodeAffinity'), 'requiredDuringSchedulingIgnoredDuringExecution'), 'nodeSelectorTerms')
  const terms = req.nodeSelectorTerms ?? []
  if (terms.length === 0) return [required(p, 'must have at least one node selector term')]
  return terms.flatMap((term, i) => [
    ...(term.matchExpressions ?? []).flatMap((r, j) => validateRequirement(r, child(child(child(p, i), 'matchExpressions'), j), false)),
    ...(term.matchFields ?? []).flatMap((r, j) => validateRequirement(r, child(child(child(p, i), 'matchFields'), j), true)),
  ])
}

const validateContainers = (spec: PodSpec, path: string): ReadonlyArray<FieldError> => {
  const p = child(path, 'containers')
  if (spec.containers.length === 0) return [required(p, '')]
  const seen = new Set<string>()
  return spec.containers.flatMap((c, i) => {
    const cp = child(p, i)
    const errs: FieldError[] = []
    if (c.name === '') errs.push(required(child(cp, 'name'), ''))
    else {
      errs.push(...dns1123LabelErrors(c.name).map((m) => invalid(child(cp, 'name'), c.name, m)))
      if (seen.has(c.name)) errs.push(duplicate(child(cp, 'name'), c.name))
      seen.add(c.name)
    }
    if ((c.image ?? '') === '') errs.push(required(child(cp, 'image'), ''))
    return errs
  })
}

/** The part of `ValidatePodSpec` that a workload template reaches, with Kubernetes' messages. */
export const validatePodSpec = (spec: PodSpec, path: string): ReadonlyArray<FieldError> => [
  ...validateContainers(spec, path),
  ...(spec.restartPolicy !== undefined && !restartPolicies.includes(spec.restartPolicy)
    ? [notSupported(child(path, 'restartPolicy'), spec.restartPolicy, restartPolicies)]
    : []),
  ...(spec.dnsPolicy !== undefined && !dnsPolicies.includes(spec.dnsPolicy)
    ? [notSupported(child(path, 'dnsPolicy'), spec.dnsPolicy, dnsPolicies)]
    : []),
  ...(spec.activeDeadlineSeconds !== undefined && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)
    ? [invalid(child(path, 'activeDeadlineSeconds'), spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive')]
    : []),
  ...(spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0
    ? [invalid(child(path, 'terminationGracePeriodSeconds'), spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0')]
    : []),
  ...validateLabels(spec.nodeSelector ?? undefined, child(path, 'nodeSelector')),
  ...validateNodeAffinity(spec, path),
  ...validateTolerations(spec.tolerations ?? [], child(path, 'tolerations')),
]

/** `ValidatePodTemplateSpec`: template metadata labels and annotations, then the pod spec. */
export const validatePodTemplateSpec = (template: PodTemplateSpec, path: string): ReadonlyArray<FieldError> => [
  ...validateLabels(template.metadata?.labels, child(child(path, 'metadata'), 'labels')),
  ...validateAnnotations(template.metadata?.annotations, child(child(path, 'metadata'), 'annotations')),
  ...validatePodSpec(template.spec, child(path, 'spec')),
  ...((template.spec.ephemeralContainers ?? []).length > 0
    ? [forbidden(child(child(path, 'spec'), 'ephemeralContainers'), 'ephemeral containers not allowed in pod template')]
    : []),
]
