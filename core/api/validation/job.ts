import * as E from 'fp-ts/Either'
import { fromLabelSelector, matchesSelector } from '../../labels'
import { JobKeys, type Job, type JobSpec, type PodFailurePolicyOnExitCodesRequirement, type PodFailurePolicyRule } from '../job'
import { child, duplicate, invalid, notSupported, required, tooLong, type FieldError } from './fieldError'
import { validateLabelSelector } from './labelSelector'
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from './names'
import { validateObjectMeta } from './objectMeta'
import { validatePodTemplateSpec } from './podSpec'

const nonNegative = 'must be greater than or equal to 0'
const indexedLimit = 100_000
const completionsSoftLimit = 100_000
const perIndexHighLimit = 10_000
const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore']
const operators = ['In', 'NotIn']
const conditionStatuses = ['False', 'True', 'Unknown']
const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"

/** An `Invalid` error whose value apimachinery omits (`field.OmitValueType`). */
const invalidNoValue = (field: string, detail: string): FieldError => ({ type: 'Invalid', field, detail })
const tooMany = (field: string, actual: number, max: number): FieldError => ({
  type: 'TooMany',
  field,
  value: actual,
  detail: `must have at most ${max} items`,
})
const goList = (values: ReadonlyArray<string>): string => `[${values.map((v) => JSON.stringify(v)).join(' ')}]`
const nonNegatives = (spec: JobSpec, keys: ReadonlyArray<keyof JobSpec>): ReadonlyArray<FieldError> =>
  keys.flatMap((k) => {
    const v = spec[k]
    return typeof v === 'number' && v < 0 ? [invalid(child('spec', k), v, nonNegative)] : []
  })

/** `validateIndexesFormat`: `x` or `x-y` parts, increasing, below completions; returns the count. */
export const validateIndexesFormat = (text: string, completions: number): E.Either<string, number> => {
  if (text === '') return E.right(0)
  let last: number | undefined
  let total = 0
  for (const part of text.split(',')) {
    const limits = part.split('-')
    if (limits.length > 2) {
      return E.left(`the fragment ${JSON.stringify(part)} violates the requirement that an index interval can have at most two parts separated by '-'`)
    }
    const bounds: number[] = []
    for (const s of limits) {
      if (!/^[+-]?[0-9]+$/.test(s)) return E.left(`cannot convert string to integer for index: ${JSON.stringify(s)}`)
      const n = Number(s)
      if (n >= completions) return E.left(`too large index: ${JSON.stringify(s)}`)
      bounds.push(n)
    }
    const [x = 0, y = x] = bounds
    if (bounds.length === 2 && x >= y) return E.left(`non-increasing order, previous: ${x}, current: ${y}`)
    if (last !== undefined && last >= x) return E.left(`non-increasing order, previous: ${last}, current: ${x}`)
    total += y - x + 1
    last = y
  }
  return E.right(total)
}

const validateOnExitCodes = (req: PodFailurePolicyOnExitCodesRequirement, path: string, containers: ReadonlySet<string>) => {
  const errs: FieldError[] = []
  if (req.operator === '') errs.push(required(child(path, 'operator'), `valid values: ${goList(operators)}`))
  else if (!operators.includes(req.operator)) errs.push(notSupported(child(path, 'operator'), req.operator, operators))
  if (req.containerName != null && !containers.has(req.containerName)) {
    errs.push(invalid(child(path, 'containerName'), req.containerName, 'must be one of the container or initContainer names in the pod template'))
  }
  const values = req.values ?? []
  const valuesPath = child(path, 'values')
  if (values.length === 0) errs.push(invalid(valuesPath, values, 'at least one value is required'))
  else if (values.length > 255) errs.push(tooMany(valuesPath, values.length, 255))
  const seen = new Set<number>()
  values.forEach((v, j) => {
    if (req.operator === 'In' && v === 0) errs.push(invalid(child(valuesPath, j), v, 'must not be 0 for the In operator'))
    if (seen.has(v)) errs.push(duplicate(child(valuesPath, j), v))
    seen.add(v)
  })
  if (values.some((v, j) => j > 0 && (values[j - 1] ?? v) > v)) errs.push(invalid(valuesPath, values, 'must be ordered'))
  return errs
}

const validateRule = (spec: JobSpec, rule: PodFailurePolicyRule, path: string, containers: ReadonlySet<string>) => {
  const errs: FieldError[] = []
  const actionPath = child(path, 'action')
  if (rule.action === '') errs.push(required(actionPath, `valid values: ${goList(actions)}`))
  else if (rule.action === 'FailIndex') {
    if (spec.backoffLimitPerIndex == null) errs.push(invalid(actionPath, rule.action, 'requires the backoffLimitPerIndex to be set'))
  } else if (!actions.includes(rule.action)) errs.push(notSupported(actionPath, rule.action, actions))
  const patterns = rule.onPodConditions ?? []
  if (rule.onExitCodes != null) errs.push(...validateOnExitCodes(rule.onExitCodes, child(path, 'onExitCodes'), containers))
  if (patterns.length > 0) {
    const pp = child(path, 'onPodConditions')
    if (patterns.length > 20) errs.push(tooMany(pp, patterns.length, 20))
    patterns.forEach((p, j) => {
      errs.push(...qualifiedNameErrors(p.type).map((m) => invalid(child(child(pp, j), 'type'), p.type, m)))
      const status = p.status ?? ''
      if (status === '') errs.push(required(child(child(pp, j), 'status'), `valid values: ${goList(conditionStatuses)}`))
      else if (!conditionStatuses.includes(status)) errs.push(notSupported(child(child(pp, j), 'status'), status, conditionStatuses))
    })
  }
  if (rule.onExitCodes != null && patterns.length > 0) errs.push(invalidNoValue(path, 'specifying both OnExitCodes and OnPodConditions is not supported'))
  if (rule.onExitCodes == null && patterns.length === 0) errs.push(invalidNoValue(path, 'specifying one of OnExitCodes and OnPodConditions is required'))
  return errs
}

const validatePodFailurePolicy = (spec: JobSpec): ReadonlyArray<FieldError> => {
  const rules = spec.podFailurePolicy?.rules ?? []
  const path = 'spec.podFailurePolicy.rules'
  const podSpec = spec.template.spec
  const containers = new Set([...podSpec.containers, ...(podSpec.initContainers ?? [])].map((c) => c.name))
  return [...(rules.length > 20 ? [tooMany(path, rules.length, 20)] : []), ...rules.flatMap((r, i) => validateRule(spec, r, child(path, i), containers))]
}

const validateSuccessPolicy = (spec: JobSpec): ReadonlyArray<FieldError> => {
  const rules = spec.successPolicy?.rules ?? []
  const path = 'spec.successPolicy.rules'
  const completions = spec.completions ?? 0
  const errs: FieldError[] = []
  if (rules.length === 0) errs.push(required(path, 'at least one rules must be specified when the successPolicy is specified'))
  if (rules.length > 20) errs.push(tooMany(path, rules.length, 20))
  rules.forEach((rule, i) => {
    const rp = child(path, i)
    if (rule.succeededCount == null && rule.succeededIndexes == null) {
      errs.push(required(rp, 'at least one of succeededCount or succeededIndexes must be specified'))
    }
    let totalIndexes = 0
    if (rule.succeededIndexes != null) {
      const ip = child(rp, 'succeededIndexes')
      if (rule.succeededIndexes.length > 64 * 1024) errs.push(tooLong(ip, 64 * 1024))
      const parsed = validateIndexesFormat(rule.succeededIndexes, completions)
      if (E.isLeft(parsed)) errs.push(invalid(ip, rule.succeededIndexes, `error parsing succeededIndexes: ${parsed.left}`))
      else totalIndexes = parsed.right
    }
    if (rule.succeededCount != null) {
      const cp = child(rp, 'succeededCount')
      const count = rule.succeededCount
      if (count < 0) errs.push(invalid(cp, count, nonNegative))
      if (count > completions) errs.push(invalid(cp, count, `must be less than or equal to ${completions} (the number of specified completions)`))
      if (rule.succeededIndexes != null && count > totalIndexes) {
        errs.push(invalid(cp, count, `must be less than or equal to ${totalIndexes} (the number of indexes in the specified succeededIndexes field)`))
      }
    }
  })
  return errs
}

const validateManagedBy = (managedBy: string): ReadonlyArray<FieldError> => {
  const path = 'spec.managedBy'
  const lengthErr = managedBy.length > 63 ? [tooLong(path, 63)] : []
  if (managedBy === '') return [required(path, '')]
  const slash = managedBy.indexOf('/')
  const host = managedBy.slice(0, Math.max(slash, 0))
  const rest = managedBy.slice(slash + 1)
  if (slash <= 0 || rest === '') return [invalid(path, managedBy, 'must be a domain-prefixed path (such as "acme.io/foo")'), ...lengthErr]
  const hostErrs = dns1123SubdomainErrors(host).map((m) => invalid(path, host, m))
  if (!new RegExp(`^${httpPathFmt}$`).test(rest)) {
    return [...hostErrs, invalid(path, rest, `Invalid path (regex used for validation is '${httpPathFmt}')`), ...lengthErr]
  }
  return [...hostErrs, ...lengthErr]
}

const validateCompletionMode = (spec: JobSpec): ReadonlyArray<FieldError> => {
  const errs: FieldError[] = []
  const mode = spec.completionMode
  if (mode != null && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported('spec.completionMode', mode, ['NonIndexed', 'Indexed']))
  if (mode === 'Indexed') {
    const { completions, parallelism, maxFailedIndexes: maxFailed } = spec
    if (completions == null) errs.push(required('spec.completions', 'when completion mode is Indexed'))
    if (parallelism != null && parallelism > indexedLimit) {
      errs.push(invalid('spec.parallelism', parallelism, `must be less than or equal to ${indexedLimit} when completion mode is Indexed`))
    }
    if (completions != null && maxFailed != null && maxFailed > completions) errs.push(invalid('spec.maxFailedIndexes', maxFailed, 'must be less than or equal to completions'))
    if (maxFailed != null && maxFailed > indexedLimit) errs.push(invalid('spec.maxFailedIndexes', maxFailed, `must be less than or equal to ${indexedLimit}`))
    if (completions != null && completions > completionsSoftLimit && spec.backoffLimitPerIndex != null) {
      const tail = `when completions are above ${completionsSoftLimit} and used with backoff limit per index`
      if (maxFailed == null) errs.push(required('spec.maxFailedIndexes', `must be specified when completions is above ${completionsSoftLimit}`))
      if (parallelism != null && parallelism > perIndexHighLimit) errs.push(invalid('spec.parallelism', parallelism, `must be less than or equal to ${perIndexHighLimit} ${tail}`))
      if (maxFailed != null && maxFailed > perIndexHighLimit) errs.push(invalid('spec.maxFailedIndexes', maxFailed, `must be less than or equal to ${perIndexHighLimit} ${tail}`))
    }
  } else if (mode == null || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex != null) errs.push(invalid('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, 'requires indexed completion mode'))
    if (spec.maxFailedIndexes != null) errs.push(invalid('spec.maxFailedIndexes', spec.maxFailedIndexes, 'requires indexed completion mode'))
  }
  return errs
}

const validateReplacementAndRestart = (spec: JobSpec): ReadonlyArray<FieldError> => {
  const errs: FieldError[] = []
  const rpp = spec.podReplacementPolicy
  if (rpp != null) {
    if (spec.podFailurePolicy != null) {
      if (rpp !== 'Failed') errs.push(notSupported('spec.podReplacementPolicy', rpp, ['Failed']))
    } else if (rpp !== 'Failed' && rpp !== 'TerminatingOrFailed') {
      errs.push(notSupported('spec.podReplacementPolicy', rpp, ['Failed', 'TerminatingOrFailed']))
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'))
  const restart = spec.template.spec.restartPolicy ?? ''
  const path = 'spec.template.spec.restartPolicy'
  // Pod defaulting turns an unset restartPolicy into Always, so both read as "Required" (PR #95747).
  if (restart === 'Always' || restart === '') errs.push(required(path, 'valid values: "OnFailure", "Never"'))
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupported(path, restart, ['OnFailure', 'Never']))
  else if (spec.podFailurePolicy != null && restart !== 'Never') errs.push(invalid(path, restart, 'only "Never" is supported when podFailurePolicy is specified'))
  return errs
}

/** `validateJobSpec` (pkg/apis/batch/validation): counters, modes, policies, template; a CronJob's Job template gets only these. */
export const validateJobSpecFields = (spec: JobSpec): ReadonlyArray<FieldError> => [
  ...nonNegatives(spec, ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']),
  ...(spec.maxFailedIndexes != null && spec.backoffLimitPerIndex == null ? [required('spec.backoffLimitPerIndex', 'when maxFailedIndexes is specified')] : []),
  ...(spec.managedBy != null ? validateManagedBy(spec.managedBy) : []),
  ...validateCompletionMode(spec),
  ...(spec.podFailurePolicy != null ? validatePodFailurePolicy(spec) : []),
  ...(spec.successPolicy != null
    ? spec.completionMode !== 'Indexed'
      ? [invalid('spec.successPolicy', spec.successPolicy, 'requires indexed completion mode')]
      : validateSuccessPolicy(spec)
    : []),
  ...validateReplacementAndRestart(spec),
]

/** The selector checks of `ValidateJobSpec`; a missing selector selects nothing, so it never matches the template either. */
const validateSelector = (spec: JobSpec): ReadonlyArray<FieldError> => {
  const labels = spec.template.metadata?.labels ?? {}
  const mismatch = [invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`')]
  if (spec.selector == null) return [required('spec.selector', ''), ...mismatch]
  const syntax = validateLabelSelector(spec.selector, 'spec.selector')
  const parsed = fromLabelSelector(spec.selector)
  return [...syntax, ...(E.isRight(parsed) && !matchesSelector(parsed.right, labels) ? mismatch : [])]
}

/** `ValidateJobSpec`: the spec's own rules, then its selector against the template. */
export const validateJobSpec = (spec: JobSpec): ReadonlyArray<FieldError> => [...validateJobSpecFields(spec), ...validateSelector(spec)]

const hasLabel = (job: Job, key: string, expected: string): ReadonlyArray<FieldError> => {
  const labels = job.spec.template.metadata?.labels ?? {}
  const path = `spec.template.metadata.labels[${key}]`
  const actual = labels[key]
  if (actual === undefined) return [required(path, expected)]
  return actual === expected ? [] : [invalid(path, labels, expected)]
}

/**
 * `validateGeneratedSelector`, applied to Jobs in generated-selector mode (manualSelector not
 * true and a selector keyed by controller-uid). Jobs with a hand-written selector and no
 * manualSelector are taken as stored objects, whose updates upstream does not re-check.
 */
const validateGeneratedSelector = (job: Job): ReadonlyArray<FieldError> => {
  const matchLabels = job.spec.selector?.matchLabels ?? {}
  const prefixed = JobKeys.controllerUid in matchLabels
  if (job.spec.manualSelector === true || !(prefixed || JobKeys.legacyControllerUid in matchLabels)) return []
  const uid = job.metadata.uid ?? ''
  const name = job.metadata.name ?? ''
  const expected: Record<string, string> = { [JobKeys.legacyControllerUid]: uid, [JobKeys.legacyJobName]: name }
  if (prefixed) Object.assign(expected, { [JobKeys.controllerUid]: uid, [JobKeys.jobName]: name })
  const parsed = fromLabelSelector(job.spec.selector)
  return [
    ...(uid === '' ? [required('metadata.uid', '')] : []),
    ...hasLabel(job, JobKeys.legacyControllerUid, uid),
    ...hasLabel(job, JobKeys.legacyJobName, name),
    ...(prefixed ? [...hasLabel(job, JobKeys.controllerUid, uid), ...hasLabel(job, JobKeys.jobName, name)] : []),
    ...(E.isRight(parsed) && !matchesSelector(parsed.right, expected) ? [invalid('spec.selector', job.spec.selector, '`selector` not auto-generated')] : []),
  ]
}

/** `ValidateJob` on a defaulted batch/v1 Job, with Kubernetes' field paths and messages. */
export const validateJob = (job: Job): ReadonlyArray<FieldError> => {
  const { completionMode, completions } = job.spec
  const hostname = `${job.metadata.name ?? ''}-${(completions ?? 0) - 1}`
  const badHostname = completionMode === 'Indexed' && completions != null && completions > 0 && dns1123LabelErrors(hostname).length > 0
  return [
    ...validateObjectMeta(job.metadata),
    ...validateGeneratedSelector(job),
    ...validateJobSpec(job.spec),
    ...(badHostname ? [invalid('metadata.name', job.metadata.name, `will not able to create pod with invalid DNS label: ${hostname}`)] : []),
  ]
}
