import { instantOf, type Pod } from '../api'

/**
 * Mirrors `podByCreationTimestampAndPhase`, which despite its name ignores the phase: bound pods
 * first, then older creationTimestamp, then name. The first pod is the one kept and reported.
 */
export const comparePods = (a: Pod, b: Pod): number => {
  const boundA = (a.spec.nodeName ?? '') !== ''
  const boundB = (b.spec.nodeName ?? '') !== ''
  if (boundA !== boundB) return boundA ? -1 : 1
  const ta = instantOf(a.metadata.creationTimestamp) ?? 0
  const tb = instantOf(b.metadata.creationTimestamp) ?? 0
  if (ta !== tb) return ta - tb
  const na = a.metadata.name ?? ''
  const nb = b.metadata.name ?? ''
  return na < nb ? -1 : na > nb ? 1 : 0
}

export const sortPods = (pods: ReadonlyArray<Pod>): ReadonlyArray<Pod> => [...pods].sort(comparePods)
