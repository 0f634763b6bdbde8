import { JobKeys } from '../../core/api'
import { actionsOf } from '../../core/plan'
import {
  completedIndexSet,
  holdsFinalizer,
  indexOf,
  isFailedForAccounting,
  isFinished,
  isIndexed,
  listsOf,
  ownedPods,
  phaseOf,
  statusOf,
  statusSequence,
  uid,
} from './jobFacts'
import type { JobSyncRecord } from './jobWorld'
import { allOf, violated, type Verdict } from './verdict'

/**
 * Each finished pod is counted exactly once (reference §10.2), over a whole history: a UID enters
 * `uncountedTerminatedPods` at most once and never both lists; the counters grow by exactly the
 * UIDs leaving the lists (Indexed: `succeeded` is the number of completed indexes); a listed
 * success is a Succeeded pod and a listed failure is not; and every pod that is finished and still
 * holds the tracking finalizer when a sync runs is recorded by that sync and released.
 */
export const countsEachFinishedPodOnce = (records: ReadonlyArray<JobSyncRecord>): Verdict => {
  const everListed = new Set<string>()
  const problems: string[] = []
  records.forEach((r, n) => {
    const job = r.input.job
    const indexed = isIndexed(job)
    const podsByUid = new Map(ownedPods(job, r.input.pods).map((p) => [uid(p), p] as const))
    const seq = statusSequence(r)
    const listedThisSync = new Set<string>()
    for (let i = 1; i < seq.length; i++) {
      const prev = seq[i - 1] ?? {}
      const next = seq[i] ?? {}
      const [a, b] = [listsOf(prev), listsOf(next)]
      for (const u of b.succeeded) if (b.failed.has(u)) problems.push(`sync ${n}: ${u} is listed as both succeeded and failed`)
      if (indexed && b.succeeded.size > 0) problems.push(`sync ${n}: an Indexed Job listed successes by UID`)
      for (const [kind, now, before] of [['succeeded', b.succeeded, a.succeeded], ['failed', b.failed, a.failed]] as const) {
        for (const u of now) {
          if (before.has(u)) continue
          if (everListed.has(u)) problems.push(`sync ${n}: ${u} is listed in uncounted ${kind} a second time`)
          everListed.add(u)
          listedThisSync.add(u)
          const pod = podsByUid.get(u)
          if (pod === undefined) problems.push(`sync ${n}: uncounted ${kind} lists ${u}, which is no pod of the Job`)
          else if ((kind === 'succeeded') !== (phaseOf(pod) === 'Succeeded')) problems.push(`sync ${n}: ${u} (phase ${phaseOf(pod)}) listed as ${kind}`)
        }
      }
      const left = (x: ReadonlySet<string>, y: ReadonlySet<string>) => [...x].filter((u) => !y.has(u)).length
      const dFailed = (next.failed ?? 0) - (prev.failed ?? 0)
      if (dFailed !== left(a.failed, b.failed)) problems.push(`sync ${n} write ${i}: failed grew by ${dFailed} while ${left(a.failed, b.failed)} UIDs left the list`)
      if (!indexed) {
        const dSucceeded = (next.succeeded ?? 0) - (prev.succeeded ?? 0)
        if (dSucceeded !== left(a.succeeded, b.succeeded)) {
          problems.push(`sync ${n} write ${i}: succeeded grew by ${dSucceeded} while ${left(a.succeeded, b.succeeded)} UIDs left the list`)
        }
      } else if ((next.succeeded ?? 0) !== completedIndexSet(next.completedIndexes).size) {
        problems.push(`sync ${n} write ${i}: succeeded ${next.succeeded ?? 0} but completedIndexes "${next.completedIndexes ?? ''}"`)
      }
    }
    // A sync cut short by a crash promises nothing more; the next one picks up.
    if (isFinished(statusOf(job)) || r.crashed) return
    // Every finished pod still holding the finalizer is recorded in this sync and released.
    const before = listsOf(statusOf(job))
    const released = new Set(
      actionsOf(r.applied, 'UpdatePod')
        .filter((a) => !((((a.patch['metadata'] ?? {}) as { finalizers?: ReadonlyArray<string> }).finalizers ?? []).includes(JobKeys.trackingFinalizer)))
        .map((a) => a.name),
    )
    const completed = completedIndexSet(statusOf(r.after.job).completedIndexes)
    const completions = job.spec.completions ?? 0
    for (const pod of podsByUid.values()) {
      const u = uid(pod)
      if (!holdsFinalizer(pod) || before.succeeded.has(u) || before.failed.has(u)) continue
      const succeeded = phaseOf(pod) === 'Succeeded'
      if (!succeeded && !isFailedForAccounting(job, pod)) continue
      const name = pod.metadata.name ?? u
      if (!released.has(name)) problems.push(`sync ${n}: finished pod ${name} (${phaseOf(pod)}) kept its tracking finalizer`)
      if (indexed && succeeded) {
        const index = indexOf(pod)
        if (index < completions && !completed.has(index)) problems.push(`sync ${n}: succeeded pod ${name} of index ${index} is not in completedIndexes`)
      } else if (!listedThisSync.has(u)) problems.push(`sync ${n}: finished pod ${name} (${phaseOf(pod)}) was released without being counted`)
    }
  })
  return allOf(problems.map(violated))
}
