import { actionsOf } from '../plan'
import { reconcileJob } from './reconcileJob'
import { aJob, finalStatus, iso, podsByPhase, t0 } from './testing/fixtures'

describe('suspend and resume', () => {
  it('a Job created suspended gets Suspended=True, event Suspended, and no startTime', () => {
    const job = aJob(2, 4, 6, { suspend: true })
    const plan = reconcileJob({ job, pods: [], now: t0 })
    expect(actionsOf(plan, 'RecordEvent').map((e) => [e.reason, e.message])).toEqual([['Suspended', 'Job suspended']])
    expect(finalStatus(plan)?.startTime).toBeUndefined()
  })
  it('resuming flips the condition in place, restarts startTime and records Resumed', () => {
    const job = aJob(2, 4, 6, {
      activeDeadlineSeconds: 100,
      status: { startTime: iso(-50), conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' }] },
    })
    const plan = reconcileJob({ job, pods: [], now: t0 })
    const status = finalStatus(plan)
    expect(status?.startTime).toBe(iso(0))
    expect(status?.conditions?.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])).toEqual([['Suspended', 'False', 'JobResumed', iso(0)]])
    expect(actionsOf(plan, 'RecordEvent').map((e) => e.reason)).toEqual(['Resumed'])
    // Quirk kept: the deadline was checked (and requeued) against the old startTime before the reset.
    expect(actionsOf(plan, 'Requeue').map((r) => r.afterSeconds)).toEqual([50])
  })
  it('suspending a running Job deletes its pods without counting them as failures and keeps startTime', () => {
    const job = aJob(2, 4, 6, { suspend: true, status: { startTime: iso(-30), active: 2 } })
    const plan = reconcileJob({ job, pods: podsByPhase(job, { active: 2 }), now: t0 })
    expect(actionsOf(plan, 'DeletePod').map((d) => d.reason)).toEqual(['Suspended', 'Suspended'])
    expect(finalStatus(plan)).toEqual(expect.objectContaining({ startTime: iso(-30), active: 0, failed: 0, terminating: 2 }))
  })
  it('a Job that completes is never marked suspended', () => {
    const job = aJob(2, 2, 6, { suspend: true })
    const plan = reconcileJob({ job, pods: podsByPhase(job, { succeeded: 2 }), now: t0 })
    expect(finalStatus(plan)?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete'])
  })
  it('Completed event, with TooManySucceededPods when more pods succeeded than completions', () => {
    const job = aJob(3, 2, 6)
    const plan = reconcileJob({ job, pods: podsByPhase(job, { succeeded: 3 }), now: t0 })
    expect(actionsOf(plan, 'RecordEvent').map((e) => [e.eventType, e.reason, e.message])).toEqual([
      ['Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached'],
      ['Normal', 'Completed', 'Job completed'],
    ])
  })
})
