/**
 * `sim.kuberules.io/fail-times` counted per owner (contracts §3): the first N container runs of
 * the pods of one Job or DaemonSet fail, then runs succeed. A pod machine fixes its failing runs
 * when it starts, so the budget is handed out as pods start: a pod that runs once
 * (`restartPolicy: Never`) takes one failure while any is left; a pod that restarts in place
 * takes all that are left (its own restarts use them up), and later pods get none.
 */
export interface FailBudget {
  /** Failing runs for a pod of `owner` starting now, out of `failTimes`, given how many runs the pod can have. */
  allot(owner: string, failTimes: number, runsPerPod: number): number
  forget(owner: string): void
}

export const createFailBudget = (): FailBudget => {
  const used = new Map<string, number>()
  return {
    allot: (owner, failTimes, runsPerPod) => {
      const before = used.get(owner) ?? 0
      const given = Math.max(0, Math.min(failTimes - before, runsPerPod))
      used.set(owner, before + (Number.isFinite(runsPerPod) ? runsPerPod : given))
      return given
    },
    forget: (owner) => {
      used.delete(owner)
    },
  }
}
