import { JobKeys } from '../api/job'
import type { Pod } from '../api/pod'

/** `getCompletionIndex`: the annotation as a non-negative decimal, else -1 (`unknownCompletionIndex`). */
export const completionIndexOf = (pod: Pod): number => {
  const text = pod.metadata.annotations?.[JobKeys.completionIndex]
  if (text === undefined || !/^[+-]?[0-9]+$/.test(text)) return -1
  const index = Number(text)
  return index < 0 || !Number.isSafeInteger(index) ? -1 : index
}

/** Whether the pod has a valid index inside `[0, completions)`, as Indexed accounting requires. */
export const hasIndexBelow = (pod: Pod, completions: number): boolean => {
  const index = completionIndexOf(pod)
  return index >= 0 && index < completions
}

/** `parseInt32`: invalid, negative or above MaxInt32 values read as 0. */
const annotationCount = (pod: Pod, key: string): number => {
  const text = pod.metadata.annotations?.[key]
  if (text === undefined || !/^[+-]?[0-9]+$/.test(text)) return 0
  const n = Number(text)
  return n < 0 || n > 2147483647 ? 0 : n
}

/** `getIndexFailureCount`: the pod's `job-index-failure-count` annotation. */
export const indexFailureCountOf = (pod: Pod): number => annotationCount(pod, JobKeys.indexFailureCount)

/** The pod's `job-index-ignored-failure-count` annotation. */
export const indexIgnoredFailureCountOf = (pod: Pod): number => annotationCount(pod, JobKeys.indexIgnoredFailureCount)

/** `getIndexAbsoluteFailureCount`: counted plus ignored failures of the index so far. */
export const indexAbsoluteFailureCountOf = (pod: Pod): number => indexFailureCountOf(pod) + indexIgnoredFailureCountOf(pod)

/** `byCompletionIndex` as a stable sort (pods without an index first, in their original order). */
export const sortByCompletionIndex = (pods: ReadonlyArray<Pod>): ReadonlyArray<Pod> =>
  pods
    .map((pod) => ({ pod, index: completionIndexOf(pod) }))
    .sort((a, b) => a.index - b.index)
    .map(({ pod }) => pod)

/** `podGenerateNameWithIndex`: `<job>-<index>-`, the job part cut so the prefix fits 58 characters. */
export const generateNameWithIndex = (jobName: string, index: number): string => {
  const suffix = `-${index}-`
  const prefix = `${jobName}${suffix}`
  const maxGeneratedNameLength = 58
  return prefix.length > maxGeneratedNameLength ? `${prefix.slice(0, maxGeneratedNameLength - suffix.length)}${suffix}` : prefix
}
