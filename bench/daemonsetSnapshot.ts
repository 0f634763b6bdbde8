import { formatInstant, makeInstant, type DaemonSet, type Node, type Pod } from '../core/api'
import { aDaemonSet } from '../properties/builders'

export interface DaemonSetBenchInput {
  readonly daemonSet: DaemonSet
  readonly nodes: ReadonlyArray<Node>
  readonly pods: ReadonlyArray<Pod>
}

const readyPod = (name: string, node: string, labels: Record<string, string>, owner?: DaemonSet): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    uid: `uid-${name}`,
    creationTimestamp: formatInstant(makeInstant(0)),
    labels,
    ...(owner !== undefined
      ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true }] }
      : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-web', controller: true }] }),
  },
  spec: {
    nodeName: node,
    containers: [{ name: 'c', image: 'busybox' }],
    ...(owner !== undefined
      ? {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
              },
            },
          },
        }
      : {}),
  },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: formatInstant(makeInstant(0)) }] },
})

/**
 * The snapshot, scaled by `nodes`: `nodes` nodes, 30 pods per node in all. The DaemonSet
 * owns `nodes` pods: one on each of the first half of the nodes, and as many again bound to nodes
 * that are gone (left for PodGC); the second half of the nodes miss their pod. The rest belong to
 * another workload and must be filtered out by the claim.
 */
export const daemonSetBenchInput = (nodeCount: number): DaemonSetBenchInput => {
  const ds = aDaemonSet('agent')
  const nodes: Node[] = Array.from({ length: nodeCount }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `node-${String(i).padStart(5, '0')}`, labels: { zone: `z${i % 3}` } },
    spec: { taints: i % 10 === 0 ? [{ key: 'dedicated', value: 'db', effect: 'PreferNoSchedule' }] : [] },
  }))
  const labels = { name: 'agent', 'controller-revision-hash': 'h' }
  const pods: Pod[] = []
  const half = Math.floor(nodeCount / 2)
  for (let i = 0; i < half; i++) pods.push(readyPod(`agent-${i}`, nodes[i]?.metadata.name ?? '', labels, ds))
  for (let i = 0; i < nodeCount - half; i++) pods.push(readyPod(`agent-gone-${i}`, `gone-${i}`, labels, ds))
  const others = nodeCount * 30 - pods.length
  for (let i = 0; i < others; i++) pods.push(readyPod(`web-${i}`, nodes[i % nodeCount]?.metadata.name ?? '', { app: 'web' }))
  return { daemonSet: ds, nodes, pods }
}

/**
 * The floor: one plain pass over the same arrays that touches what any reconcile must read (each
 * pod's labels, owner and node; each node's taints), building the node → pods index.
 */
export const linearFloor = (input: DaemonSetBenchInput): number => {
  const byNode = new Map<string, number>()
  let owned = 0
  for (const pod of input.pods) {
    const ref = pod.metadata.ownerReferences?.[0]
    if (ref?.uid === input.daemonSet.metadata.uid && pod.metadata.labels?.['name'] === 'agent') {
      owned++
      const n = pod.spec.nodeName ?? ''
      byNode.set(n, (byNode.get(n) ?? 0) + 1)
    }
  }
  let missing = 0
  for (const node of input.nodes) {
    if ((node.spec?.taints ?? []).length >= 0 && !byNode.has(node.metadata.name ?? '')) missing++
  }
  return owned + missing
}
