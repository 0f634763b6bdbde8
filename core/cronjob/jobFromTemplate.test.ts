import { CronJobKeys } from '../api/cronJob'
import { jobFromTemplate } from './jobFromTemplate'
import { jobName } from './jobName'
import { formatRfc3339InZone } from './scheduledTimestamp'
import { cronJob, jobSpec } from './testing/fixtures'

const slot = Date.parse('2016-05-19T10:00:00Z')

describe('jobName (getJobName)', () => {
  it('is <cronjob>-<unix minutes>, whatever the zone', () => {
    expect(jobName('mycronjob', slot)).toBe('mycronjob-24394200')
    // The two fall-back runs of `30 1 * * *` in New York (2024-11-03 01:30 EDT and EST) get different names.
    expect(jobName('j', Date.parse('2024-11-03T05:30:00Z'))).toBe('j-28843530')
    expect(jobName('j', Date.parse('2024-11-03T06:30:00Z'))).toBe('j-28843590')
  })
})

describe('formatRfc3339InZone (the scheduled-timestamp annotation)', () => {
  it.each([
    [undefined, '2016-05-19T10:00:00Z'],
    ['UTC', '2016-05-19T10:00:00Z'],
    ['America/New_York', '2016-05-19T06:00:00-04:00'],
    ['Europe/Rome', '2016-05-19T12:00:00+02:00'],
    ['Asia/Kolkata', '2016-05-19T15:30:00+05:30'],
    // Go prints Z for any zero offset, not only for UTC.
    ['Europe/London', '2016-01-19T10:00:00Z'],
  ])('in %s', (zone, expected) => {
    const at = zone === 'Europe/London' ? Date.parse('2016-01-19T10:00:00Z') : slot
    expect(formatRfc3339InZone(at, zone)).toBe(expected)
  })

  it('gives the wall time of each side of a fall-back', () => {
    expect(formatRfc3339InZone(Date.parse('2024-11-03T05:30:00Z'), 'America/New_York')).toBe('2024-11-03T01:30:00-04:00')
    expect(formatRfc3339InZone(Date.parse('2024-11-03T06:30:00Z'), 'America/New_York')).toBe('2024-11-03T01:30:00-05:00')
  })
})

describe('jobFromTemplate (getJobFromTemplate2)', () => {
  it('builds the full manifest: name, namespace, template labels and annotations, the owner, the spec as is', () => {
    const job = jobFromTemplate(cronJob(), slot)
    expect(job).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'mycronjob-24394200',
        namespace: 'snazzycats',
        labels: { a: 'b' },
        annotations: { x: 'y', [CronJobKeys.scheduledTimestamp]: '2016-05-19T10:00:00Z' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'mycronjob', uid: '1a2b3c', controller: true, blockOwnerDeletion: true }],
      },
      spec: jobSpec(),
    })
  })

  it('renders the scheduled timestamp in spec.timeZone', () => {
    const job = jobFromTemplate(cronJob({ timeZone: 'America/New_York' }), slot)
    expect(job.metadata.annotations?.[CronJobKeys.scheduledTimestamp]).toBe('2016-05-19T06:00:00-04:00')
  })

  it('copies the spec deeply and adds no defaults', () => {
    const cj = cronJob()
    const job = jobFromTemplate(cj, slot)
    expect(job.spec).not.toBe(cj.spec.jobTemplate.spec)
    expect(job.spec.backoffLimit).toBeUndefined()
    expect(job.spec.selector).toBeUndefined()
  })

  it('leaves labels out when the template has none (Job defaulting copies the pod labels later)', () => {
    const cj = cronJob({ jobTemplate: { spec: jobSpec() } })
    const job = jobFromTemplate(cj, slot)
    expect(job.metadata.labels).toBeUndefined()
    expect(job.metadata.annotations).toEqual({ [CronJobKeys.scheduledTimestamp]: '2016-05-19T10:00:00Z' })
  })
})
