import { performance } from 'node:perf_hooks'
import { createActor } from 'xstate'
import { makeInstant, type Pod } from '../core/api'
import { createVirtualClock } from '../adapters/memory/virtualClock'
import { xstateClock } from '../adapters/memory/xstateClock'
import { podLifecycleOf, podMachine, podScheduled } from '../machines/pod'

/** As many pods as the cluster bench runs in its hour (1,000 daemon, 5,000 Job and 6,000 CronJob pods). */
const pods = 12_000
const hourMs = 60 * 60 * 1000
const start = Date.UTC(2026, 0, 1)

const jobPod = (i: number): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${i}`, namespace: 'default', uid: `uid-${i}`, creationTimestamp: '2026-01-01T00:00:00Z', labels: { 'batch.kubernetes.io/job-name': 'p' } },
    spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox' }] },
  }) as Pod

/** One run: every pod's actor from creation through ContainerCreating and Running to Succeeded. */
const lifecycles = (): { readonly ms: number; readonly writes: number } => {
  const clock = createVirtualClock({ start })
  let writes = 0
  // The effects do nothing but count: this is the machines' own cost, without the store.
  const machine = podMachine.provide({ actions: { writeStatus: () => void writes++, removePod: () => undefined } })
  const options = { clock: xstateClock(clock) }
  const began = performance.now()
  for (let i = 0; i < pods; i++) {
    const pod = jobPod(i)
    const actor = createActor(machine, { ...options, input: { pod, lifecycle: { ...podLifecycleOf(pod, { ownerAnnotations: {}, stopSeconds: 0 }), runSeconds: 5 } } })
    actor.start()
    actor.send(podScheduled(makeInstant(clock.now()), 'node-1'))
  }
  clock.runUntil(start + hourMs)
  return { ms: performance.now() - began, writes }
}

/**
 * The pod machines' share of issue 5's speed target: the XState actors alone, driven through the
 * lifecycle of as many pods as the cluster bench runs, against the 3.6 s of wall time that one
 * virtual hour may take at 1,000×. Median of three runs after a warm-up.
 */
export const benchPodMachine = (): ReadonlyArray<string> => {
  lifecycles()
  const runs = [lifecycles(), lifecycles(), lifecycles()].sort((a, b) => a.ms - b.ms)
  const median = runs[1] ?? { ms: Number.NaN, writes: 0 }
  const budgetMs = hourMs / 1000
  return [
    `Pod machines alone (${pods.toLocaleString('en')} XState actors: create, schedule, start, run, succeed; effects only counted)`,
    `  ${(median.ms / 1000).toFixed(2)} s, ${((median.ms * 1000) / pods).toFixed(0)} µs per pod, ${median.writes.toLocaleString('en')} status writes; ${((median.ms / budgetMs) * 100).toFixed(0)} % of the 3.6 s a virtual hour may take at 1,000×`,
  ]
}
