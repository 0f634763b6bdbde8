import { DaemonSetKeys, type DaemonSet, type Pod } from '../api'

/** Mirrors `GetTemplateGeneration`: the deprecated annotation, when present and a decimal integer. */
export const templateGenerationOf = (ds: DaemonSet): number | undefined => {
  const raw = ds.metadata.annotations?.[DaemonSetKeys.templateGenerationAnnotation]
  return raw !== undefined && /^-?[0-9]+$/.test(raw) ? Number.parseInt(raw, 10) : undefined
}

/**
 * Mirrors `util.IsPodUpdated`: the pod carries the current revision hash, or (legacy) the current
 * template generation. Either match is enough.
 */
export const isPodUpdated = (pod: Pod, hash: string, generation: number | undefined): boolean => {
  const labels = pod.metadata.labels ?? {}
  const byGeneration = generation !== undefined && labels[DaemonSetKeys.templateGeneration] === String(generation)
  const byHash = hash !== '' && labels[DaemonSetKeys.revisionHash] === hash
  return byHash || byGeneration
}
