import * as E from 'fp-ts/Either'
import { parseSchedule } from '../../cron'
import { decodeManifest, formatManifestError } from '../manifest'
import { formatFieldError, invalid } from './fieldError'

const jobTemplate = (spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}) => ({
  spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure', ...podSpec } }, ...spec },
})
const errorsOf = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'hello' }): ReadonlyArray<string> => {
  const decoded = decodeManifest({ apiVersion: 'batch/v1', kind: 'CronJob', metadata, spec: { schedule: '*/1 * * * *', jobTemplate: jobTemplate(), ...spec } })
  return E.isLeft(decoded) ? formatManifestError(decoded.left) : []
}
const line = (detail: string, name = 'hello'): string => `The CronJob "${name}" is invalid: ${detail}`

describe('ValidateCronJobCreate through decodeManifest', () => {
  it('accepts the seed hello CronJob, defaulted (Allow, not suspended, limits 3 and 1)', () => {
    const decoded = decodeManifest({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '*/1 * * * *', jobTemplate: jobTemplate() } })
    expect(E.isRight(decoded) && decoded.right._tag).toBe('CronJob')
    if (E.isRight(decoded) && decoded.right._tag === 'CronJob') {
      expect(decoded.right.object.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 })
      expect(decoded.right.object.metadata.namespace).toBe('default')
    }
  })

  it.each<[string, Record<string, unknown>, ReadonlyArray<string>]>([
    ['empty schedule', { schedule: '' }, ['spec.schedule: Required value']],
    ['day-of-week 7', { schedule: '0 0 * * 7' }, ['spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7']],
    ['six fields', { schedule: '0 0 * * * *' }, ['spec.schedule: Invalid value: "0 0 * * * *": expected exactly 5 fields, found 6: [0 0 * * * *]']],
    ['unknown descriptor', { schedule: '@minutely' }, ['spec.schedule: Invalid value: "@minutely": unrecognized descriptor: @minutely']],
    ['TZ in the schedule', { schedule: 'TZ=UTC 0 0 * * *' }, ['spec.schedule: Invalid value: "TZ=UTC 0 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
    [
      'TZ in a schedule robfig also rejects: both, robfig first',
      { schedule: '0 0 * * TZ' },
      [
        'spec.schedule: Invalid value: "0 0 * * TZ": failed to parse int from TZ: strconv.Atoi: parsing "TZ": invalid syntax',
        'spec.schedule: Invalid value: "0 0 * * TZ": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
    ],
    ['never-firing schedule is accepted', { schedule: '59 23 31 2 *' }, []],
    ['@every is accepted', { schedule: '@every 1h30m' }, []],
    ['negative startingDeadlineSeconds', { startingDeadlineSeconds: -1 }, ['spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0']],
    ['startingDeadlineSeconds 0 is accepted', { startingDeadlineSeconds: 0 }, []],
    ['empty timeZone', { timeZone: '' }, ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string']],
    ['timeZone Local', { timeZone: 'Local' }, ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
    ['unknown timeZone', { timeZone: 'Mars/Olympus' }, ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']],
    ['timeZone breaking the character rule', { timeZone: 'America/New York' }, ['spec.timeZone: Invalid value: "America/New York": unknown time zone America/New York']],
    ['a real timeZone', { timeZone: 'Europe/Berlin' }, []],
    ['unknown concurrencyPolicy', { concurrencyPolicy: 'Sometimes' }, ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"']],
    ['negative successfulJobsHistoryLimit', { successfulJobsHistoryLimit: -1 }, ['spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['negative failedJobsHistoryLimit', { failedJobsHistoryLimit: -2 }, ['spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0']],
    ['history limits of 0 are accepted', { successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }, []],
    [
      'a selector in the job template',
      { jobTemplate: jobTemplate({ selector: { matchLabels: { a: 'b' } } }) },
      ['spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated'],
    ],
    ['manualSelector true', { jobTemplate: jobTemplate({ manualSelector: true }) }, ['spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"']],
    ['manualSelector false is accepted', { jobTemplate: jobTemplate({ manualSelector: false }) }, []],
    ['a negative parallelism in the template', { jobTemplate: jobTemplate({ parallelism: -1 }) }, ['spec.jobTemplate.spec.parallelism: Invalid value: -1: must be greater than or equal to 0']],
    [
      'restartPolicy Always in the template',
      { jobTemplate: jobTemplate({}, { restartPolicy: 'Always' }) },
      ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ],
  ])('%s', (_, spec, expected) => {
    expect(errorsOf(spec)).toEqual(expected.map((d) => line(d)))
  })

  it('caps the name at 52 characters (63 less the Job name suffix), after the other rules', () => {
    const name = 'a'.repeat(53)
    expect(errorsOf({ startingDeadlineSeconds: -1 }, { name })).toEqual([
      line('spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0', name),
      line(`metadata.name: Invalid value: "${name}": must be no more than 52 characters`, name),
    ])
    expect(errorsOf({}, { name: 'a'.repeat(52) })).toEqual([])
  })

  it('requires a DNS-subdomain name', () => {
    expect(errorsOf({}, { name: 'Hello' })[0]).toMatch(/^The CronJob "Hello" is invalid: metadata.name: Invalid value: "Hello": a lowercase RFC 1123 subdomain/)
  })

  it('schedule errors read exactly as core/cron prints them', () => {
    for (const schedule of ['0 0 * * 7', '61 * * * *', 'TZ=Nowhere 0 3 * * *', '@every 1x']) {
      const parsed = parseSchedule(schedule)
      const fromCron = E.isLeft(parsed) ? parsed.left.fieldErrors : []
      expect(errorsOf({ schedule })).toEqual(fromCron.map((l) => line(l)))
    }
    expect(formatFieldError(invalid('spec.schedule', 'x', 'y'))).toBe('spec.schedule: Invalid value: "x": y')
  })
})
