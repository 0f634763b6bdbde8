import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern } from '../api/job'
import { namespaceOf, nameOf } from '../api/meta'
import type { Pod, PodCondition } from '../api/pod'
import { containerStatusesOf, initContainerStatusesOf, type ContainerStatusView } from './containerStatuses'

/** What a failed pod's match against the podFailurePolicy decides. */
export interface PodFailurePolicyMatch {
  /** The FailJob message, when a FailJob rule matched. */
  readonly failJobMessage?: string
  /** False when an Ignore rule matched: the failure is not counted toward the limits. */
  readonly countFailed: boolean
  /** The action of the matched rule, if any. */
  readonly action?: 'Count' | 'FailIndex' | 'FailJob' | 'Ignore'
}

const noMatch: PodFailurePolicyMatch = { countFailed: true }

const exitCodeMatches = (code: number, req: PodFailurePolicyOnExitCodesRequirement): boolean => {
  const values = req.values ?? []
  if (req.operator === 'In') return values.includes(code)
  if (req.operator === 'NotIn') return !values.includes(code)
  return false
}

/** `getMatchingContainerFromList`: the first terminated, non-zero container the requirement matches. */
const matchingContainer = (
  statuses: ReadonlyArray<ContainerStatusView>,
  req: PodFailurePolicyOnExitCodesRequirement,
): ContainerStatusView | undefined =>
  statuses.find(
    (s) =>
      s.terminated !== undefined &&
      (req.containerName == null || req.containerName === s.name) &&
      s.terminated.exitCode !== 0 &&
      exitCodeMatches(s.terminated.exitCode, req),
  )

const matchingCondition = (pod: Pod, patterns: ReadonlyArray<PodFailurePolicyOnPodConditionsPattern>): PodCondition | undefined =>
  (pod.status?.conditions ?? []).find((c) => patterns.some((p) => p.type === c.type && (p.status ?? 'True') === c.status))

/**
 * Mirrors `matchPodFailurePolicy` (pod_failure_policy.go): rules in order, first match wins; app
 * containers are searched before init containers; no policy or no match counts the failure.
 */
export const matchPodFailurePolicy = (policy: PodFailurePolicy | null | undefined, failedPod: Pod): PodFailurePolicyMatch => {
  if (policy == null) return noMatch
  const podRef = `${namespaceOf(failedPod)}/${nameOf(failedPod)}`
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    let subject: string | undefined
    if (rule.onExitCodes != null) {
      const req = rule.onExitCodes
      const container = matchingContainer(containerStatusesOf(failedPod), req) ?? matchingContainer(initContainerStatusesOf(failedPod), req)
      if (container !== undefined) {
        subject = `Container ${container.name} for pod ${podRef} failed with exit code ${container.terminated?.exitCode ?? 0}`
      }
    } else if (rule.onPodConditions != null) {
      const condition = matchingCondition(failedPod, rule.onPodConditions)
      if (condition !== undefined) subject = `Pod ${podRef} has condition ${condition.type}`
    }
    if (subject === undefined) continue
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' }
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' }
      case 'Count':
        return { countFailed: true, action: 'Count' }
      case 'FailJob':
        return { failJobMessage: `${subject} matching FailJob rule at index ${index}`, countFailed: true, action: 'FailJob' }
      default:
        // An unknown action (rejected by validation) matches nothing, as Go's switch falls out.
        continue
    }
  }
  return noMatch
}
