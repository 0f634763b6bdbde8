import { compileDaemonEligibility } from '../../core/scheduling'
import type { Pod } from '../../core/api'
import { noLiveOrphans } from './invariants'
import { describePod, isFinishedJob, isLivePod, isReadyPod, isTerminating, ownedBy, type ClusterView } from './view'

/**
 * Every controller's goal, checked once the cluster has settled. Each returns violations.
 */

const nodeOf = (p: Pod): string => p.spec.nodeName ?? ''

/**
 * Each DaemonSet runs exactly one ready, up-to-date pod on every node it should run on, none on
 * nodes it must not run on (or that are gone), and at most one where an untolerated NoSchedule
 * taint came after the pod (upstream's shouldContinueRunning without shouldRun).
 */
export const daemonSetsCoverEligibleNodes = (view: ClusterView): ReadonlyArray<string> =>
  view.daemonSets.filter((ds) => !isTerminating(ds)).flatMap((ds) => {
    const decide = compileDaemonEligibility(ds)
    const image = ds.spec.template.spec.containers[0]?.image ?? ''
    const pods = ownedBy(ds.metadata.uid, view.pods).filter(isLivePod)
    const name = ds.metadata.name ?? ''
    const known = new Set(view.nodes.map((n) => n.metadata.name ?? ''))
    const strays = pods.filter((p) => !known.has(nodeOf(p))).map((p) => `DaemonSet ${name} keeps ${describePod(p)} on no existing node`)
    return [
      ...strays,
      ...view.nodes.flatMap((node) => {
        const here = pods.filter((p) => nodeOf(p) === node.metadata.name)
        const decision = decide(node)
        const where = `DaemonSet ${name} on node ${node.metadata.name ?? ''} (${decision._tag})`
        if (decision._tag === 'Ineligible') return here.length === 0 ? [] : [`${where} keeps ${here.map(describePod).join(', ')}`]
        if (decision._tag === 'ContinueOnly') return here.length <= 1 ? [] : [`${where} has ${here.length} pods`]
        if (here.length !== 1) return [`${where} has ${here.length} pods, want 1: ${here.map(describePod).join(', ')}`]
        const pod = here[0]
        if (pod === undefined) return []
        return [
          ...(isReadyPod(pod) ? [] : [`${where}: ${describePod(pod)} is not ready`]),
          ...(pod.spec.containers[0]?.image === image ? [] : [`${where}: ${describePod(pod)} runs ${pod.spec.containers[0]?.image ?? '?'}, want ${image}`]),
        ]
      }),
    ]
  })

/**
 * Each Job has finished, or is progressing as far as the cluster lets it: exactly
 * min(parallelism, remaining) active pods, counted in status.active, none of them running (a
 * settled cluster has no pod timers left, so they wait for a node that fits).
 */
export const jobsFinishedOrProgressing = (view: ClusterView): ReadonlyArray<string> =>
  view.jobs.filter((job) => !isFinishedJob(job)).flatMap((job) => {
    const active = ownedBy(job.metadata.uid, view.pods).filter(isLivePod)
    const succeeded = job.status?.succeeded ?? 0
    const want = Math.min(job.spec.parallelism ?? 1, Math.max(0, (job.spec.completions ?? 1) - succeeded))
    const name = job.metadata.name ?? ''
    return [
      ...(active.length === want ? [] : [`unfinished Job ${name} has ${active.length} active pods, want ${want}`]),
      ...((job.status?.active ?? 0) === active.length ? [] : [`unfinished Job ${name} says active ${job.status?.active ?? 0}, ${active.length} pods are`]),
      ...active.filter((p) => p.status?.phase !== 'Pending').map((p) => `unfinished Job ${name} settled with ${describePod(p)}`),
    ]
  })

/** Each CronJob's status.active names exactly its unfinished Jobs. */
export const cronJobsTrackActiveJobs = (view: ClusterView): ReadonlyArray<string> =>
  view.cronJobs.flatMap((cj) => {
    const listed = (cj.status?.active ?? []).map((r) => r.uid ?? '').sort()
    const unfinished = ownedBy(cj.metadata.uid, view.jobs).filter((j) => !isFinishedJob(j)).map((j) => j.metadata.uid ?? '').sort()
    return JSON.stringify(listed) === JSON.stringify(unfinished)
      ? []
      : [`CronJob ${cj.metadata.name ?? ''} lists active ${JSON.stringify(listed)}, unfinished Jobs are ${JSON.stringify(unfinished)}`]
  })

/** Every goal at once; no orphan may remain, not even a terminating one. */
export const settledGoals = (view: ClusterView): ReadonlyArray<string> => [
  ...daemonSetsCoverEligibleNodes(view),
  ...jobsFinishedOrProgressing(view),
  ...cronJobsTrackActiveJobs(view),
  ...noLiveOrphans(view, false),
]
