import type { Job, PodFailurePolicy, PodFailurePolicyRule } from '../api/job'
import type { Pod } from '../api/pod'
import { actionsOf } from '../plan'
import { matchPodFailurePolicy } from './podFailurePolicy'
import { reconcileJob } from './reconcileJob'
import { aJob, aPod, conditionsOf, finalStatus, t0 } from './testing/fixtures'

const terminated = (name: string, exitCode: number) => ({ name, restartCount: 0, state: { terminated: { exitCode, finishedAt: '0001-01-01T00:00:01Z' } } })
const podWith = (job: Job, name: string, status: NonNullable<Pod['status']>, extra: Partial<Pod['metadata']> = {}): Pod => {
  const base = aPod(job, { name })
  return { ...base, metadata: { ...base.metadata, ...extra }, status }
}

const onExitCodeRules: PodFailurePolicyRule[] = [
  { action: 'Ignore', onExitCodes: { operator: 'In', values: [1, 2, 3] } },
  { action: 'FailJob', onExitCodes: { operator: 'In', values: [5, 6, 7] } },
]

describe('matchPodFailurePolicy', () => {
  const job = aJob(1, 1, 6)
  const failed = (statuses: ReadonlyArray<unknown>, init: ReadonlyArray<unknown> = [], conditions: ReadonlyArray<{ type: string; status: string }> = []) =>
    podWith(job, 'mypod-0', { phase: 'Failed', containerStatuses: [...statuses] as never, conditions: [...conditions], initContainerStatuses: [...init] } as NonNullable<Pod['status']>)
  it.each<[string, PodFailurePolicy | undefined, Pod, ReturnType<typeof matchPodFailurePolicy>]>([
    ['no policy counts the failure', undefined, failed([terminated('main-container', 5)]), { countFailed: true }],
    ['Ignore on exit code', { rules: onExitCodeRules }, failed([terminated('main-container', 2)]), { countFailed: false, action: 'Ignore' }],
    [
      'FailJob on exit code names container, pod and rule index',
      { rules: onExitCodeRules },
      failed([terminated('main-container', 5)]),
      { countFailed: true, action: 'FailJob', failJobMessage: 'Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1' },
    ],
    ['exit code 0 never matches, even with NotIn', { rules: [{ action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [1] } }] }, failed([terminated('main-container', 0)]), { countFailed: true }],
    [
      'NotIn matches codes outside the list',
      { rules: [{ action: 'Count', onExitCodes: { operator: 'NotIn', values: [1] } }] },
      failed([terminated('main-container', 42)]),
      { countFailed: true, action: 'Count' },
    ],
    [
      'containerName restricts the match',
      { rules: [{ action: 'Ignore', onExitCodes: { containerName: 'main-container', operator: 'In', values: [5] } }] },
      failed([terminated('monitoring-container', 5), terminated('main-container', 42)]),
      { countFailed: true },
    ],
    [
      'init containers are searched after app containers',
      { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [9] } }] },
      failed([terminated('main-container', 42)], [terminated('init', 9)]),
      { countFailed: true, action: 'FailJob', failJobMessage: 'Container init for pod default/mypod-0 failed with exit code 9 matching FailJob rule at index 0' },
    ],
    [
      'FailJob on a pod condition',
      { rules: [{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
      failed([], [], [{ type: 'DisruptionTarget', status: 'True' }]),
      { countFailed: true, action: 'FailJob', failJobMessage: 'Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0' },
    ],
    [
      'a condition with another status does not match',
      { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
      failed([], [], [{ type: 'DisruptionTarget', status: 'False' }]),
      { countFailed: true },
    ],
    [
      'FailIndex',
      { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [3] } }] },
      failed([terminated('main-container', 3)]),
      { countFailed: true, action: 'FailIndex' },
    ],
  ])('%s', (_name, policy, pod, want) => expect(matchPodFailurePolicy(policy, pod)).toEqual(want))
})

const failJob = (name: string) => ({
  type: 'FailureTarget',
  status: 'True',
  reason: 'PodFailurePolicy',
  message: `Container main-container for pod default/${name} failed with exit code 5 matching FailJob rule at index 1`,
})

/** TestSyncJobWithJobPodFailurePolicy, with the 1.31+ delayed terminal conditions. */
describe('TestSyncJobWithJobPodFailurePolicy', () => {
  const policyJob = (rules: ReadonlyArray<PodFailurePolicyRule>, extra: Parameters<typeof aJob>[3] = {}, p = 1, c = 1) =>
    aJob(p, c, 6, { podFailurePolicy: { rules: [...rules] }, podReplacementPolicy: 'Failed', ...extra })
  const sync = (job: Job, pods: ReadonlyArray<Pod>) => {
    const plan = reconcileJob({ job, pods, now: t0 })
    return { plan, status: finalStatus(plan) }
  }

  it('default handling for pod failure if the container matching the exit codes does not match the containerName restriction', () => {
    const job = policyJob([
      { action: 'Ignore', onExitCodes: { containerName: 'main-container', operator: 'In', values: [1, 2, 3] } },
      { action: 'FailJob', onExitCodes: { containerName: 'main-container', operator: 'In', values: [5, 6, 7] } },
    ])
    const { status } = sync(job, [podWith(job, 'mypod-0', { phase: 'Failed', containerStatuses: [terminated('monitoring-container', 5), terminated('main-container', 42)] })])
    expect([status?.active, status?.failed, status?.succeeded, conditionsOf(status)]).toEqual([1, 1, 0, []])
  })

  it('running pod should not result in job fail based on OnExitCodes', () => {
    const job = policyJob(onExitCodeRules)
    const { status } = sync(job, [podWith(job, 'mypod-0', { phase: 'Running', containerStatuses: [terminated('main-container', 5)] })])
    expect([status?.active, status?.failed, conditionsOf(status)]).toEqual([1, 0, []])
  })

  it('fail job based on OnExitCodes', () => {
    const job = policyJob(onExitCodeRules)
    const { status, plan } = sync(job, [podWith(job, 'mypod-0', { phase: 'Failed', containerStatuses: [terminated('main-container', 5)] })])
    expect([status?.active, status?.failed]).toEqual([0, 1])
    expect(conditionsOf(status)).toEqual([failJob('mypod-0'), { ...failJob('mypod-0'), type: 'Failed' }])
    expect(actionsOf(plan, 'RecordEvent').map((e) => [e.eventType, e.reason])).toEqual([['Warning', 'PodFailurePolicy']])
  })

  it.each(['mypod-0', 'already-deleted-pod'])('job marked already as failure target with failed pod (message naming %s)', (named) => {
    const job = policyJob(onExitCodeRules, { status: { conditions: [failJob(named)] } })
    const { status } = sync(job, [podWith(job, 'mypod-0', { phase: 'Failed', containerStatuses: [terminated('main-container', 5)] })])
    expect(status?.failed).toBe(1)
    expect(conditionsOf(status)).toEqual([failJob(named), { ...failJob(named), type: 'Failed' }])
  })

  it('fail job with multiple pods: Failed waits until the deleted pod is gone', () => {
    const job = policyJob(onExitCodeRules, {}, 2, 2)
    const running = aPod(job, { name: 'mypod-0', phase: 'Running' })
    const failedPod = podWith(job, 'mypod-1', { phase: 'Failed', containerStatuses: [terminated('main-container', 5)] })
    const first = sync(job, [running, failedPod])
    expect(actionsOf(first.plan, 'DeletePod').map((d) => [d.name, d.reason])).toEqual([['mypod-0', 'PodFailurePolicy']])
    expect([first.status?.active, first.status?.failed, first.status?.terminating]).toEqual([0, 2, 1])
    expect(conditionsOf(first.status)).toEqual([failJob('mypod-1')])
    const gone = sync({ ...job, status: first.status ?? {} }, [])
    expect(conditionsOf(gone.status)).toEqual([failJob('mypod-1'), { ...failJob('mypod-1'), type: 'Failed' }])
  })

  it('ignored failure is not counted and the pod is replaced', () => {
    const job = policyJob(onExitCodeRules, { backoffLimit: 0 })
    const { status, plan } = sync(job, [podWith(job, 'mypod-0', { phase: 'Failed', containerStatuses: [terminated('main-container', 1)] })])
    expect([status?.active, status?.failed, conditionsOf(status)]).toEqual([1, 0, []])
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(1)
  })

  it('Count rule counts toward backoffLimit', () => {
    const job = policyJob([{ action: 'Count', onExitCodes: { operator: 'In', values: [1] } }], { backoffLimit: 0 })
    const { status } = sync(job, [podWith(job, 'mypod-0', { phase: 'Failed', containerStatuses: [terminated('main-container', 1)] })])
    expect(conditionsOf(status).map((c) => `${c.type}/${c.reason}`)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded'])
  })

  it('fail job based on a pod condition (DisruptionTarget)', () => {
    const job = policyJob([{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }])
    const { status } = sync(job, [podWith(job, 'mypod-0', { phase: 'Failed', conditions: [{ type: 'DisruptionTarget', status: 'True' }] })])
    expect(conditionsOf(status).map((c) => c.message)).toEqual([
      'Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0',
      'Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0',
    ])
  })

  it('a terminating pod is neither a failure nor replaced while a podFailurePolicy is set', () => {
    const job = policyJob(onExitCodeRules)
    const { status, plan } = sync(job, [aPod(job, { name: 'mypod-0', phase: 'Running', deleting: true })])
    expect([status?.active, status?.failed, status?.terminating]).toEqual([0, 0, 1])
    expect(actionsOf(plan, 'CreatePod')).toHaveLength(0)
  })
})
