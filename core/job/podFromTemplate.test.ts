import { podFromTemplate } from './podFromTemplate'
import { aJob } from './testing/fixtures'

describe('pods created by the Job', () => {
  it('NonIndexed: generateName, template labels, tracking finalizer and controller reference', () => {
    const job = aJob(1, 1, 6, { name: 'pi' })
    const pod = podFromTemplate(job)
    expect(pod.metadata).toEqual({
      generateName: 'pi-',
      namespace: 'default',
      labels: { foo: 'bar' },
      finalizers: ['batch.kubernetes.io/job-tracking'],
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid', controller: true, blockOwnerDeletion: true }],
    })
    expect(pod.spec).toEqual(job.spec.template.spec)
  })
  it('Indexed: index annotation and label, hostname, JOB_COMPLETION_INDEX and per-index counts', () => {
    const job = aJob(1, 3, 6, { name: 'indexed', completionMode: 'Indexed' })
    const pod = podFromTemplate(job, { index: 2, failureCounts: { failures: 1, ignored: 0 } })
    expect(pod.metadata.generateName).toBe('indexed-2-')
    expect(pod.metadata.labels).toEqual({ foo: 'bar', 'batch.kubernetes.io/job-completion-index': '2' })
    expect(pod.metadata.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '2', 'batch.kubernetes.io/job-index-failure-count': '1' })
    expect(pod.spec.hostname).toBe('indexed-2')
    expect(pod.spec.containers[0]?.env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } },
    ])
  })
  it('keeps a JOB_COMPLETION_INDEX the user defined', () => {
    const base = aJob(1, 3, 6, { completionMode: 'Indexed' })
    const env = [{ name: 'JOB_COMPLETION_INDEX', value: '7' }]
    const job = { ...base, spec: { ...base.spec, template: { ...base.spec.template, spec: { ...base.spec.template.spec, containers: [{ name: 'c', image: 'i', env }] } } } }
    expect(podFromTemplate(job, { index: 0 }).spec.containers[0]?.env).toEqual(env)
  })
})
