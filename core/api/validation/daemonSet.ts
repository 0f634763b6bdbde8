import * as E from 'fp-ts/Either'
import { fromLabelSelector, isEverything, matchesSelector } from '../../labels'
import type { DaemonSet, RollingUpdateDaemonSet } from '../daemonSet'
import { isPercent, rawNumber, type IntOrString } from '../intOrString'
import { child, forbidden, invalid, notSupported, required, type FieldError } from './fieldError'
import { validateLabelSelector } from './labelSelector'
import { immutableField } from './immutable'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'
import { validatePodTemplateSpec } from './podSpec'

const spec = 'spec'
const nonNegative = 'must be greater than or equal to 0'

/** `ValidateNonnegativeIntOrPercent` plus the 100% cap of `IsNotMoreThan100Percent`. */
const validateIntOrPercent = (value: IntOrString, path: string): ReadonlyArray<FieldError> => {
  if (typeof value === 'string') {
    if (!isPercent(value)) {
      return [
        invalid(
          path,
          value,
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        ),
      ]
    }
    return rawNumber(value) > 100 ? [invalid(path, value, 'must not be greater than 100%')] : []
  }
  return value < 0 ? [invalid(path, value, nonNegative)] : []
}

const validateRollingUpdate = (ru: RollingUpdateDaemonSet, path: string): ReadonlyArray<FieldError> => {
  const unavailable = ru.maxUnavailable ?? 0
  const surge = ru.maxSurge ?? 0
  const errs = [
    ...validateIntOrPercent(unavailable, child(path, 'maxUnavailable')),
    ...validateIntOrPercent(surge, child(path, 'maxSurge')),
  ]
  if (errs.length > 0) return errs
  if (rawNumber(unavailable) === 0 && rawNumber(surge) === 0) {
    return [required(child(path, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0')]
  }
  if (rawNumber(unavailable) !== 0 && rawNumber(surge) !== 0) {
    return [invalid(child(path, 'maxSurge'), surge, 'may not be set when maxUnavailable is non-zero')]
  }
  return []
}

const validateStrategy = (ds: DaemonSet): ReadonlyArray<FieldError> => {
  const path = child(spec, 'updateStrategy')
  const strategy = ds.spec.updateStrategy ?? {}
  switch (strategy.type) {
    case 'OnDelete':
      return []
    case 'RollingUpdate':
      return strategy.rollingUpdate == null
        ? [required(child(path, 'rollingUpdate'), '')]
        : validateRollingUpdate(strategy.rollingUpdate, child(path, 'rollingUpdate'))
    default:
      return [notSupported(path, strategy.type ?? '', ['RollingUpdate', 'OnDelete'])]
  }
}

const validateSelector = (ds: DaemonSet): ReadonlyArray<FieldError> => {
  const ls = ds.spec.selector
  const labelsPath = 'spec.template.metadata.labels'
  const templateLabels = ds.spec.template.metadata?.labels ?? {}
  if (ls == null) {
    return [required(child(spec, 'selector'), ''), invalid(labelsPath, templateLabels, '`selector` does not match template `labels`')]
  }
  const syntax = validateLabelSelector(ls, child(spec, 'selector'))
  if (syntax.length > 0) return syntax
  const parsed = fromLabelSelector(ls)
  if (E.isLeft(parsed)) return [invalid(child(spec, 'selector'), ls, parsed.left)]
  if (isEverything(parsed.right)) return [invalid(child(spec, 'selector'), ls, 'empty selector is invalid for daemonset')]
  return matchesSelector(parsed.right, templateLabels)
    ? []
    : [invalid(labelsPath, templateLabels, '`selector` does not match template `labels`')]
}

/** `ValidateDaemonSetSpec`: selector, template, restart policy, counters and strategy. */
export const validateDaemonSetSpec = (ds: DaemonSet): ReadonlyArray<FieldError> => {
  const podSpec = ds.spec.template.spec
  return [
    ...validateSelector(ds),
    ...validatePodTemplateSpec(ds.spec.template, 'spec.template'),
    ...(podSpec.restartPolicy !== 'Always'
      ? [notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always'])]
      : []),
    ...(podSpec.activeDeadlineSeconds !== undefined
      ? [forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported')]
      : []),
    ...((ds.spec.minReadySeconds ?? 0) < 0 ? [invalid('spec.minReadySeconds', ds.spec.minReadySeconds, nonNegative)] : []),
    ...((ds.spec.revisionHistoryLimit ?? 0) < 0
      ? [invalid('spec.revisionHistoryLimit', ds.spec.revisionHistoryLimit, nonNegative)]
      : []),
    ...validateStrategy(ds),
  ]
}

/**
 * `ValidateDaemonSet` on a defaulted apps/v1 DaemonSet: ObjectMeta, selector, template, restart
 * policy, strategy and counters, each error with Kubernetes' field path and text.
 */
export const validateDaemonSet = (ds: DaemonSet): ReadonlyArray<FieldError> => [...validateObjectMeta(ds.metadata), ...validateDaemonSetSpec(ds)]

/**
 * The apps/v1 DaemonSet strategy's `ValidateUpdate`: `ValidateDaemonSet`, then
 * `ValidateDaemonSetUpdate` (labels and annotations, the spec again; the template generation is
 * the store's to keep), then the selector, which apps/v1 makes immutable. Repeated checks repeat
 * their errors, as upstream's list does; the store's message names each once.
 */
export const validateDaemonSetUpdate = (next: DaemonSet, old: DaemonSet): ReadonlyArray<FieldError> => [
  ...validateDaemonSet(next),
  ...validateObjectMetaUpdate(next.metadata),
  ...validateDaemonSetSpec(next),
  ...immutableField('spec.selector', next.spec.selector, old.spec.selector),
]
