import * as E from 'fp-ts/Either'
import { decodeManifest, decodeUpdate, formatManifestError } from '../manifest'

type Json = Record<string, unknown>

/** A manifest as the store keeps it after a create: defaulted, with its uid and generated selector. */
const stored = (raw: Json): Json => {
  const decoded = decodeManifest(raw)
  if (E.isLeft(decoded)) throw new Error(formatManifestError(decoded.left).join('\n'))
  return decoded.right.object as Json
}
/** The distinct kubectl lines of an update of `old` to `next` (kubectl names a repeated cause once). */
const updateErrors = (old: Json, next: Json): ReadonlyArray<string> => {
  const decoded = decodeUpdate(next, old)
  return E.isLeft(decoded) ? [...new Set(formatManifestError(decoded.left))] : []
}
/** `o` with `spec` (or another top-level part) merged in. */
const withSpec = (o: Json, spec: Json, part = 'spec'): Json => ({ ...o, [part]: { ...(o[part] as Json), ...spec } })
const templateOf = (o: Json): Json => (o['spec'] as Json)['template'] as Json
const withPodSpec = (o: Json, podSpec: Json): Json => withSpec(o, { template: { ...templateOf(o), spec: { ...(templateOf(o)['spec'] as Json), ...podSpec } } })

const job = (spec: Json = {}): Json =>
  stored({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', uid: 'u-1' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } }, ...spec },
  })
const jobLine = (detail: string): string => `The Job "pi" is invalid: ${detail}`

describe('Job updates (the strategy’s ValidateUpdate)', () => {
  it.each<[string, Json]>([
    ['parallelism', { parallelism: 3 }],
    ['suspend', { suspend: true }],
    ['activeDeadlineSeconds', { activeDeadlineSeconds: 60 }],
    ['backoffLimit', { backoffLimit: 1 }],
    ['ttlSecondsAfterFinished', { ttlSecondsAfterFinished: 10 }],
  ])('%s may change', (_name, spec) => expect(updateErrors(job(), withSpec(job(), spec))).toEqual([]))

  it('completions of a NonIndexed Job may not', () => {
    expect(updateErrors(job({ completions: 4 }), withSpec(job({ completions: 4 }), { completions: 5 }))).toEqual([jobLine('spec.completions: Invalid value: 5: field is immutable')])
  })

  it('completions of an Indexed Job change only together with parallelism (ElasticIndexedJob)', () => {
    const indexed = job({ completionMode: 'Indexed', completions: 4, parallelism: 4 })
    expect(updateErrors(indexed, withSpec(indexed, { completions: 6, parallelism: 6 }))).toEqual([])
    expect(updateErrors(indexed, withSpec(indexed, { completions: 6 }))).toEqual([jobLine('spec.completions: Invalid value: 6: can only be modified in tandem with spec.parallelism')])
  })

  it.each<[string, Json, Json, ReadonlyArray<string>]>([
    ['Indexed: parallelism alone may change', { completions: 4, parallelism: 2 }, { parallelism: 6 }, []],
    ['Indexed: new completions equal to new parallelism, whatever the old ones were', { completions: 4, parallelism: 2 }, { completions: 3, parallelism: 3 }, []],
    [
      'Indexed: completions removed is reported by the spec rules, not as a tandem change',
      { completions: 4, parallelism: 4 },
      { completions: null },
      ['spec.completions: Required value: when completion mode is Indexed'],
    ],
  ])('%s (TestValidateJobUpdate)', (_name, spec, change, details) => {
    const indexed = job({ completionMode: 'Indexed', ...spec })
    expect(updateErrors(indexed, withSpec(indexed, change))).toEqual(details.map(jobLine))
  })

  it('the template may not change', () => {
    const errors = updateErrors(job(), withPodSpec(job(), { containers: [{ name: 'pi', image: 'perl:2' }] }))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^The Job "pi" is invalid: spec\.template: Invalid value: \{.*"image":"perl:2".*\}: field is immutable$/)
  })

  it('a removed selector is Required, matches no labels, and was changed (as kubectl replace finds out)', () => {
    const { selector: _dropped, ...spec } = job()['spec'] as Json
    expect(updateErrors(job(), { ...job(), spec })).toEqual([
      jobLine('spec.selector: Required value'),
      expect.stringContaining('spec.template.metadata.labels: Invalid value: {'),
      jobLine('spec.selector: Invalid value: "null": field is immutable'),
    ])
  })

  it.each<[string, Json, Json, string]>([
    ['completionMode', { completionMode: 'NonIndexed' }, { completionMode: 'Indexed', completions: 1 }, 'spec.completionMode: Invalid value: "Indexed": field is immutable'],
    ['managedBy', {}, { managedBy: 'example.com/queue' }, 'spec.managedBy: Invalid value: "example.com/queue": field is immutable'],
    [
      'backoffLimitPerIndex',
      { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 },
      { backoffLimitPerIndex: 2 },
      'spec.backoffLimitPerIndex: Invalid value: 2: field is immutable',
    ],
  ])('%s may not change', (_name, spec, change, detail) => {
    expect(updateErrors(job(spec), withSpec(job(spec), change))).toContain(jobLine(detail))
  })

  describe('scheduling directives of a suspended Job that never started', () => {
    const suspended = job({ suspend: true })
    const changed = (o: Json): Json => {
      const t = templateOf(o)
      const nodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } }
      return withSpec(o, {
        template: {
          metadata: { ...(t['metadata'] as Json), annotations: { queue: 'q' } },
          spec: { ...(t['spec'] as Json), nodeSelector: { zone: 'a' }, tolerations: [{ key: 'k', operator: 'Exists' }], affinity: { nodeAffinity } },
        },
      })
    }

    it('may change', () => expect(updateErrors(suspended, changed(suspended))).toEqual([]))

    it('may not once the Job started, nor when it is not suspended', () => {
      const started = { ...suspended, status: { startTime: '2026-01-01T00:00:00Z' } }
      expect(updateErrors(started, changed(started))[0]).toMatch(/spec\.template: Invalid value: .*: field is immutable$/)
      expect(updateErrors(job(), changed(job()))[0]).toMatch(/spec\.template: Invalid value: .*: field is immutable$/)
    })

    it('other template changes are still refused', () => {
      expect(updateErrors(suspended, withPodSpec(suspended, { containers: [{ name: 'pi', image: 'perl:2' }] }))[0]).toMatch(/spec\.template: .*field is immutable$/)
    })
  })
})

const daemonSet = (app = 'agent'): Json =>
  stored({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: { selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
  })

describe('DaemonSet updates', () => {
  it('the template may change, the selector may not (apps/v1)', () => {
    expect(updateErrors(daemonSet(), withPodSpec(daemonSet(), { containers: [{ name: 'c', image: 'i:2' }] }))).toEqual([])
    expect(updateErrors(daemonSet(), { ...daemonSet('other'), metadata: daemonSet()['metadata'] })).toEqual([
      'The DaemonSet "agent" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"other"}}: field is immutable',
    ])
  })

  it('an invalid spec is reported once, though ValidateUpdate checks it twice', () => {
    expect(updateErrors(daemonSet(), withPodSpec(daemonSet(), { restartPolicy: 'Never' }))).toEqual([
      'The DaemonSet "agent" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ])
    const decoded = decodeUpdate(withPodSpec(daemonSet(), { restartPolicy: 'Never' }), daemonSet())
    expect(E.isLeft(decoded) && decoded.left.errors.length).toBe(2)
  })
})

const cronJob = (name: string, spec: Json = {}): Json =>
  ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default', uid: 'u-2' },
    spec: {
      schedule: '* * * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
      concurrencyPolicy: 'Allow',
      ...spec,
    },
  }) as Json

describe('CronJob updates', () => {
  it('a name over 52 characters may still be updated, though no longer created', () => {
    const long = cronJob('x'.repeat(60))
    expect(E.isLeft(decodeManifest(long))).toBe(true)
    expect(updateErrors(long, withSpec(long, { suspend: true }))).toEqual([])
  })

  it('a schedule that already used TZ= may keep it, but not together with timeZone', () => {
    const old = cronJob('tz', { schedule: 'TZ=UTC 0 * * * *' })
    expect(updateErrors(old, withSpec(old, { schedule: 'TZ=UTC 30 * * * *' }))).toEqual([])
    expect(updateErrors(old, withSpec(old, { schedule: 'TZ=UTC 30 * * * *', timeZone: 'Etc/UTC' }))).toEqual([
      'The CronJob "tz" is invalid: spec.schedule: Invalid value: "TZ=UTC 30 * * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule',
    ])
    const plain = cronJob('plain')
    expect(updateErrors(plain, withSpec(plain, { schedule: 'TZ=UTC 0 * * * *' }))).toEqual([
      'The CronJob "plain" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ])
  })
})

describe('ControllerRevision', () => {
  const revision = (data: unknown, number = 1): Json => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r-1', namespace: 'default' }, revision: number, ...(data !== undefined ? { data } : {}) })

  it('is created leniently, as snapshots hold it, but an update needs data and a revision that is not negative', () => {
    const old = stored(revision(undefined))
    expect(updateErrors(old, { ...old, revision: -1 })).toEqual([
      'The ControllerRevision "r-1" is invalid: data: Required value: data is mandatory',
      'The ControllerRevision "r-1" is invalid: revision: Invalid value: -1: must be greater than or equal to 0',
    ])
  })

  it('may be renumbered but its data may not change', () => {
    const old = stored(revision({ spec: { template: { a: 1 } } }))
    expect(updateErrors(old, { ...old, revision: 2 })).toEqual([])
    expect(updateErrors(old, { ...old, data: { spec: { template: { a: 2 } } } })).toEqual([
      'The ControllerRevision "r-1" is invalid: data: Invalid value: {"spec":{"template":{"a":2}}}: field is immutable',
    ])
  })
})
