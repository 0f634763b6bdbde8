import { annotationsOf, controllerOf, type Pod, type StringMap } from '../../core/api'

/** The simulation annotations of contracts §3, read from a pod (or its owner's template). */
export const simAnnotations = {
  startSeconds: 'sim.kuberules.io/start-seconds',
  runSeconds: 'sim.kuberules.io/run-seconds',
  exitCode: 'sim.kuberules.io/exit-code',
  failTimes: 'sim.kuberules.io/fail-times',
} as const

/** How a simulated pod's containers behave; the pod machine's input next to the Pod itself. */
export interface PodLifecycle {
  /** From binding to the containers running (image pull and container creation). */
  readonly startSeconds: number
  /** How long each container run lasts; absent: it runs until it is stopped. */
  readonly runSeconds?: number
  /** Exit code of a run that is not one of the failing ones. */
  readonly exitCode: number
  /** The first `failTimes` runs of this pod exit with code 1 (the adapter apportions the owner's budget). */
  readonly failTimes: number
  /** How long a container takes to exit after SIGTERM; past the grace period it is killed instead. */
  readonly stopSeconds: number
  /**
   * A real runtime runs the containers: each run, and each stop after SIGTERM, lasts until the
   * adapter sends `container.exited` (or the grace period ends); run-seconds and stopSeconds are unused.
   */
  readonly exitsWhenTold?: true
}

export const defaultStartSeconds = 2
export const defaultJobRunSeconds = 5

export interface LifecycleOptions {
  /** Annotations of the owning Job or DaemonSet, used where the pod has none of its own. */
  readonly ownerAnnotations?: StringMap
  /** Seconds a container needs to exit after SIGTERM (no annotation in contracts §3); default 0. */
  readonly stopSeconds?: number
}

const seconds = (text: string | undefined): number | undefined => {
  if (text === undefined || text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) && n >= 0 ? n : undefined
}

const wholeNumber = (text: string | undefined, max: number): number | undefined => {
  const n = seconds(text)
  return n !== undefined && Number.isInteger(n) && n <= max ? n : undefined
}

/**
 * Reads contracts §3's lifecycle annotations: start-seconds [2], run-seconds [5 for pods a Job
 * controls, otherwise forever], exit-code [0], fail-times [0]. The pod's own annotations win over
 * the owner's; an unreadable value falls back to the default rather than failing the pod.
 */
export const podLifecycleOf = (pod: Pod, options: LifecycleOptions = {}): PodLifecycle => {
  const own = annotationsOf(pod)
  const owner = options.ownerAnnotations ?? {}
  const read = (key: string): string | undefined => own[key] ?? owner[key]
  const runSeconds =
    seconds(read(simAnnotations.runSeconds)) ?? (controllerOf(pod)?.kind === 'Job' ? defaultJobRunSeconds : undefined)
  return {
    startSeconds: seconds(read(simAnnotations.startSeconds)) ?? defaultStartSeconds,
    ...(runSeconds !== undefined ? { runSeconds } : {}),
    exitCode: wholeNumber(read(simAnnotations.exitCode), 255) ?? 0,
    failTimes: wholeNumber(read(simAnnotations.failTimes), Number.MAX_SAFE_INTEGER) ?? 0,
    stopSeconds: options.stopSeconds ?? 0,
  }
}

/** The exit code of run number `run` (0-based): the first `failTimes` runs fail with 1. */
export const exitCodeOfRun = (lifecycle: PodLifecycle, run: number): number =>
  run < lifecycle.failTimes ? 1 : lifecycle.exitCode
