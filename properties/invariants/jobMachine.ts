import { initialTransition, transition, type SnapshotFrom } from 'xstate'
import type { Job } from '../../core/api'
import { actionsOf } from '../../core/plan'
import { jobMachine, jobStateOf, jobSynced, ttlExpired, type JobMachine, type JobState } from '../../machines/job'
import type { JobSyncRecord } from './jobWorld'
import { allOf, check, violated, type Verdict } from './verdict'

type Snapshot = SnapshotFrom<JobMachine>

const isTrue = (job: Job, type: string): boolean => (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')

/**
 * The machine states each combination of True conditions allows, written out from reference
 * §13 rather than taken from the machine's own mapping: terminal, then interim, then Suspended;
 * no deciding condition means the Job runs (Active, or BackingOff while creation waits).
 */
export const statesAllowedBy = (job: Job): ReadonlyArray<JobState> => {
  if (isTrue(job, 'Complete')) return ['Complete', 'TTLExpired']
  if (isTrue(job, 'Failed')) return ['Failed', 'TTLExpired']
  if (isTrue(job, 'FailureTarget')) return ['FailureTarget']
  if (isTrue(job, 'SuccessCriteriaMet')) return ['SuccessCriteriaMet']
  if (isTrue(job, 'Suspended')) return ['Suspended']
  return ['Active', 'BackingOff']
}

/** Named actions of a machine step (XState's own raise/cancel left out). */
const namedTypes = (actions: ReadonlyArray<{ readonly type: string }>): ReadonlyArray<string> =>
  actions.map((a) => a.type).filter((t) => !t.startsWith('xstate.'))

/**
 * Feeds each sync of a history to the Job machine as `job.synced` (the Job with the status the
 * plan wrote, and the backoff record the sync ended with) and checks after every step that the
 * machine's state agrees with the conditions; BackingOff only when the plan created nothing and
 * asked for a requeue; and when the reducer's plan deletes the Job for its TTL, the machine
 * accepts `ttl.expired` at that instant and asks for the same deletion.
 */
export const machineFollowsConditions = (records: ReadonlyArray<JobSyncRecord>): Verdict => replayJobMachine(records).verdict

/** `machineFollowsConditions` with the states the machine went through (the initial one first). */
export const replayJobMachine = (records: ReadonlyArray<JobSyncRecord>): { readonly verdict: Verdict; readonly states: ReadonlyArray<JobState> } => {
  const first = records[0]
  if (first === undefined) return { verdict: { ok: true }, states: [] }
  let [snapshot]: [Snapshot, unknown] = initialTransition(jobMachine, { job: first.input.job, at: first.input.now })
  const problems: Verdict[] = []
  const states: JobState[] = [jobStateOf(snapshot)]
  records.forEach((r, n) => {
    const at = r.input.now
    // A DeleteJob lost in a crash is planned again by the next sync.
    const deletes = actionsOf(r.applied, 'DeleteJob')
    if (deletes.length > 0) {
      const [next, actions] = transition(jobMachine, snapshot, ttlExpired(at))
      snapshot = next
      states.push(jobStateOf(snapshot))
      problems.push(
        check(jobStateOf(snapshot) === 'TTLExpired' && namedTypes(actions).includes('deleteJob'), () => `sync ${n}: the reducer deleted the Job for its TTL but the machine is ${jobStateOf(snapshot)}`),
      )
      return
    }
    const [next] = transition(jobMachine, snapshot, jobSynced(at, r.after.job, r.after.backoff))
    snapshot = next
    const state = jobStateOf(snapshot)
    states.push(state)
    const allowed = statesAllowedBy(r.after.job)
    const conditions = (r.after.job.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type)
    problems.push(check(allowed.includes(state), () => `sync ${n}: machine is ${state}, conditions [${conditions.join(', ')}] allow ${allowed.join(' or ')}`))
    if (state === 'BackingOff') {
      problems.push(
        check(
          actionsOf(r.plan, 'CreatePod').length === 0 && actionsOf(r.plan, 'Requeue').length > 0,
          () => `sync ${n}: machine is BackingOff but the plan created ${actionsOf(r.plan, 'CreatePod').length} pods`,
        ),
      )
    }
  })
  const verdict = allOf(problems)
  return { verdict: verdict.ok ? verdict : violated(`${verdict.message}\n  states: ${states.join(' → ')}`), states }
}
