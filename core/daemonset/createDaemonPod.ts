import { controllerRef, DaemonSetKeys, namespaceOf, nameOf, type DaemonSet, type Pod } from '../api'
import { pinToNode, withDaemonTolerations } from '../scheduling'

const validPrefix = /^[a-z0-9]([-a-z0-9.]*)?$/

/** `<ds>-` when that is a valid name prefix, else the bare name (as upstream's `getPodsPrefix`). */
export const daemonPodPrefix = (dsName: string): string => {
  const prefix = `${dsName}-`
  return prefix.length <= 253 - 5 && validPrefix.test(prefix) ? prefix : dsName
}

/**
 * The pods the controller creates: mirrors `CreatePodTemplate` (default daemon tolerations,
 * generation and revision-hash labels) plus the node-affinity pin of
 * `ReplaceDaemonSetPodNodeNameNodeAffinity`. The shared part is built once per sync; the name is
 * left to the API server (`generateName`).
 */
export const daemonPodFactory = (ds: DaemonSet, hash: string, generation: number | undefined): ((nodeName: string) => Pod) => {
  const template = ds.spec.template
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) }
  if (generation !== undefined) labels[DaemonSetKeys.templateGeneration] = String(generation)
  if (hash !== '') labels[DaemonSetKeys.revisionHash] = hash
  const annotations = template.metadata?.annotations
  const finalizers = template.metadata?.finalizers
  const metadata = {
    generateName: daemonPodPrefix(nameOf(ds)),
    namespace: namespaceOf(ds),
    labels,
    ...(annotations !== undefined ? { annotations } : {}),
    ...(finalizers !== undefined ? { finalizers } : {}),
    ownerReferences: [controllerRef('apps/v1', 'DaemonSet', ds)],
  }
  const spec = withDaemonTolerations(template.spec)
  return (nodeName) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec: pinToNode(spec, nodeName) })
}

export const createDaemonPod = (ds: DaemonSet, nodeName: string, hash: string, generation: number | undefined): Pod =>
  daemonPodFactory(ds, hash, generation)(nodeName)
