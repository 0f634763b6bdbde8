import { Job } from './job'
import { syntheticUid } from './identity'
import { defaultJob } from './jobDefaults'

const template = { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } }
const job = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'pi' }): Job =>
  ({ apiVersion: 'batch/v1', kind: 'Job', metadata, spec: { template, ...spec } }) as Job

describe('SetDefaults_Job and selector generation', () => {
  it('defaults the seed pi Job and generates its selector and labels from the uid', () => {
    const out = defaultJob(job({ backoffLimit: 4 }))
    const uid = syntheticUid('default', 'pi')
    expect(out.metadata.uid).toBe(uid)
    expect(out.metadata.namespace).toBe('default')
    expect(out.spec).toEqual(
      expect.objectContaining({
        parallelism: 1,
        completions: 1,
        backoffLimit: 4,
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        manualSelector: false,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      }),
    )
    const labels = { 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'batch.kubernetes.io/controller-uid': uid }
    expect(out.spec.template.metadata?.labels).toEqual(labels)
    expect(out.metadata.labels).toEqual(labels)
    expect(out.spec.template.spec.terminationGracePeriodSeconds).toBe(30)
  })
  it('a synthetic uid is a deterministic UUID-shaped string', () => {
    expect(syntheticUid('default', 'pi')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(syntheticUid('default', 'pi')).toBe(syntheticUid('default', 'pi'))
    expect(syntheticUid('default', 'pi')).not.toBe(syntheticUid('other', 'pi'))
  })
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['parallelism alone leaves completions unset (work queue)', { parallelism: 3 }, { parallelism: 3, backoffLimit: 6 }],
    ['completions alone defaults parallelism to 1', { completions: 5 }, { parallelism: 1, completions: 5 }],
    ['backoffLimitPerIndex makes backoffLimit MaxInt32', { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }, { backoffLimit: 2147483647 }],
    ['a podFailurePolicy makes podReplacementPolicy Failed', { podFailurePolicy: { rules: [] } }, { podReplacementPolicy: 'Failed' }],
  ])('%s', (_name, spec, want) => {
    const out = defaultJob(job(spec))
    expect(out.spec).toEqual(expect.objectContaining(want))
    if (!('completions' in want) && 'parallelism' in spec && !('completions' in spec)) expect(out.spec.completions).toBeUndefined()
  })
  it('onPodConditions patterns default their status to True', () => {
    const out = defaultJob(job({ podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } }))
    expect(out.spec.podFailurePolicy?.rules?.[0]?.onPodConditions).toEqual([{ type: 'DisruptionTarget', status: 'True' }])
  })
  it('manualSelector: nothing is generated; job labels come from the template', () => {
    const spec = { manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: { ...template, metadata: { labels: { app: 'x' } } } }
    const out = defaultJob(job(spec))
    expect(out.spec.selector).toEqual({ matchLabels: { app: 'x' } })
    expect(out.spec.template.metadata?.labels).toEqual({ app: 'x' })
    expect(out.metadata.labels).toEqual({ app: 'x' })
    expect(out.metadata.uid).toBe(syntheticUid('default', 'pi'))
  })
  it('keeps the uid it is given and a conflicting user label (validation rejects it)', () => {
    const spec = { template: { ...template, metadata: { labels: { 'job-name': 'other' } } } }
    const out = defaultJob(job(spec, { name: 'pi', uid: 'u-1', labels: { team: 'a' } }))
    expect(out.spec.selector?.matchLabels).toEqual({ 'batch.kubernetes.io/controller-uid': 'u-1' })
    expect(out.spec.template.metadata?.labels?.['job-name']).toBe('other')
    expect(out.metadata.labels).toEqual({ team: 'a' })
  })
  it('a Job read from a cluster (selector present) keeps its selector and labels', () => {
    const spec = { selector: { matchLabels: { 'controller-uid': 'old' } }, template: { ...template, metadata: { labels: { 'controller-uid': 'old', 'job-name': 'pi' } } } }
    const out = defaultJob(job(spec, { name: 'pi', uid: 'old' }))
    expect(out.spec.selector).toEqual({ matchLabels: { 'controller-uid': 'old' } })
    expect(out.spec.template.metadata?.labels).toEqual({ 'controller-uid': 'old', 'job-name': 'pi' })
  })
})
