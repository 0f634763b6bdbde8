import type { Subscription } from 'rxjs'
import { formatInstant, taintsOf, type Node, type Pod } from '../../core/api'
import { Resources, type WatchEvent } from '../runtime/clusterApi'
import type { ContainerRuntime } from './containerRuntime'
import type { MemoryStore } from './memoryStore'
import { evictionDelaySeconds, NodeRing } from './podPlacement'
import { createPodRunner, type RunningPod } from './podRunner'
import type { TimerId } from './virtualClock'

export interface KubeletOptions {
  /** Seconds a container takes to exit after SIGTERM (no annotation sets it); default 0. */
  readonly stopSeconds?: number
  /** Who runs the containers (default: the simulated runtime). */
  readonly runtime?: ContainerRuntime
}

export interface Kubelet {
  /** Pods whose machine is running. */
  running(): number
  /** Pods waiting for a node. */
  pending(): number
  stop(): void
}

interface Tracked extends RunningPod {
  node?: string
  eviction?: TimerId
}

const isTerminating = (pod: Pod): boolean => pod.metadata.deletionTimestamp != null
const sameTaints = (a: Node, b: Node): boolean => JSON.stringify(taintsOf(a)) === JSON.stringify(taintsOf(b))

/**
 * The simulated node agents, plus the parts of the control plane that act on nodes' behalf:
 * - the scheduler: binds each pending pod through the `pods/binding` subresource, a daemon pod to
 *   the node its `matchFields` affinity names, any other to the next fitting Ready node in name
 *   order (`NodeRing`);
 * - the kubelets: one `machines/pod` actor per bound pod on the virtual clock, writing status
 *   through the status subresource and removing the pod once graceful deletion is over;
 * - the taint manager: pods on a node with an untolerated NoExecute taint are deleted (after
 *   their `tolerationSeconds`, if any);
 * - PodGC for a deleted node: its pods are stopped, marked Failed with a `DisruptionTarget`
 *   condition (`DeletionByPodGC`) and force-deleted at once (upstream waits a 40 s quarantine).
 * A pod bound to a node that does not exist waits, Pending, until that node appears.
 * Everything runs on virtual-clock timers or inside store writes, so runs repeat exactly.
 */
export const startKubelet = (store: MemoryStore, options: KubeletOptions = {}): Kubelet => {
  const { clock } = store
  const ring = new NodeRing()
  const pods = new Map<string, Tracked>()
  const onNode = new Map<string, Set<string>>()
  const unbound = new Set<string>()
  let fresh: string[] = []
  let retryAll = false
  let pass: TimerId | undefined
  const runner = createPodRunner(store, options.stopSeconds ?? 0, (uid) => pods.get(uid), options.runtime)

  const podsOn = (node: string): Set<string> => {
    const set = onNode.get(node) ?? new Set<string>()
    onNode.set(node, set)
    return set
  }

  // Binding happens on a timer at the current instant, after the creating write has settled.
  const schedulePass = (): void => {
    pass ??= clock.setTimer(clock.now(), bindPending)
  }
  function bindPending(): void {
    pass = undefined
    const candidates = retryAll ? [...unbound] : fresh
    retryAll = false
    fresh = []
    for (const uid of candidates) {
      const pod = pods.get(uid)?.pod
      if (pod === undefined || !unbound.has(uid) || isTerminating(pod)) continue
      const node = ring.place(pod)
      if (node === undefined) continue
      const { namespace = '', name = '' } = pod.metadata
      store.bind({ namespace, name, nodeName: node })
    }
  }

  const scheduleEviction = (entry: Tracked): void => {
    if (entry.eviction !== undefined) clock.cancel(entry.eviction)
    delete entry.eviction
    const node = entry.node === undefined ? undefined : ring.get(entry.node)
    if (node === undefined || isTerminating(entry.pod)) return
    const delay = evictionDelaySeconds(entry.pod, taintsOf(node))
    if (delay === undefined) return
    entry.eviction = clock.setTimer(clock.now() + delay * 1000, () => {
      delete entry.eviction
      const { namespace = '', name = '', uid = '' } = entry.pod.metadata
      store.delete({ resource: Resources.pods, namespace, name, preconditions: { uid } })
    })
  }

  const observePod = (pod: Pod): void => {
    const uid = pod.metadata.uid ?? ''
    const known = pods.get(uid)
    const wasTerminating = known !== undefined && isTerminating(known.pod)
    const entry: Tracked = known ?? { pod }
    entry.pod = pod
    pods.set(uid, entry)
    const nodeName = pod.spec.nodeName ?? ''
    if (nodeName === '') {
      if (!isTerminating(pod) && !unbound.has(uid)) {
        unbound.add(uid)
        fresh.push(uid)
        schedulePass()
      }
      return
    }
    unbound.delete(uid)
    if (entry.node === undefined) {
      entry.node = nodeName
      podsOn(nodeName).add(uid)
      if (ring.get(nodeName) !== undefined) {
        runner.start(entry, nodeName)
        scheduleEviction(entry)
      }
      return
    }
    if (isTerminating(pod) && !wasTerminating) {
      runner.requestDeletion(entry)
      if (entry.eviction !== undefined) clock.cancel(entry.eviction)
    }
  }

  const forgetPod = (uid: string): void => {
    const entry = pods.get(uid)
    if (entry === undefined) return
    runner.halt(entry)
    if (entry.eviction !== undefined) clock.cancel(entry.eviction)
    if (entry.node !== undefined) onNode.get(entry.node)?.delete(uid)
    unbound.delete(uid)
    pods.delete(uid)
  }

  /** PodGC's `gcOrphaned` with `markFailedAndDeletePodWithCondition`, without the quarantine. */
  const collectPodsOf = (nodeName: string): void => {
    for (const uid of [...(onNode.get(nodeName) ?? [])]) {
      const entry = pods.get(uid)
      if (entry === undefined) continue
      runner.halt(entry)
      const current = store.byUid(uid)?.object
      if (current === undefined) continue
      const { namespace = '', name = '' } = current.metadata
      const status = (current['status'] ?? {}) as { readonly phase?: string; readonly conditions?: ReadonlyArray<{ readonly type: string }> }
      if (status.phase !== 'Succeeded' && status.phase !== 'Failed') {
        const disruption = {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByPodGC',
          message: 'PodGC: node no longer exists',
          lastTransitionTime: formatInstant(clock.now()),
        }
        const conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), disruption]
        store.updateStatus({ resource: Resources.pods, namespace, name, body: { ...current, status: { ...status, phase: 'Failed', conditions } } })
      }
      store.delete({ resource: Resources.pods, namespace, name, gracePeriodSeconds: 0, preconditions: { uid } })
    }
    onNode.delete(nodeName)
  }

  const observeNode = (event: WatchEvent): void => {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') return
    const node = event.object as unknown as Node
    const name = node.metadata.name ?? ''
    if (event.type === 'DELETED') {
      ring.delete(name)
      collectPodsOf(name)
      return
    }
    const before = ring.get(name)
    ring.set(node)
    for (const uid of onNode.get(name) ?? []) {
      const entry = pods.get(uid)
      if (entry === undefined) continue
      if (entry.actor === undefined && before === undefined && !isTerminating(entry.pod)) runner.start(entry, name)
      if (before === undefined || !sameTaints(before, node)) scheduleEviction(entry)
    }
    if (unbound.size > 0) {
      retryAll = true
      schedulePass()
    }
  }

  const observePodEvent = (event: WatchEvent): void => {
    if (event.type === 'ADDED' || event.type === 'MODIFIED') observePod(event.object as unknown as Pod)
    else if (event.type === 'DELETED') forgetPod(event.object.metadata.uid ?? '')
  }

  const subscriptions: Subscription[] = [
    store.watch({ resource: Resources.nodes }).subscribe(observeNode),
    store.watch({ resource: Resources.pods }).subscribe(observePodEvent),
  ]

  return {
    running: () => [...pods.values()].filter((p) => p.actor !== undefined).length,
    pending: () => unbound.size,
    stop: () => {
      for (const s of subscriptions) s.unsubscribe()
      if (pass !== undefined) clock.cancel(pass)
      for (const uid of [...pods.keys()]) forgetPod(uid)
    },
  }
}
