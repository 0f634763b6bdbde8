import * as E from 'fp-ts/Either'
import { decodeManifest, formatManifestError } from '../manifest'

const template = (spec: Record<string, unknown> = {}, labels?: Record<string, string>) => ({
  ...(labels !== undefined ? { metadata: { labels } } : {}),
  spec: { containers: [{ name: 'main', image: 'perl' }], restartPolicy: 'Never', ...spec },
})
const errorsOf = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'pi' }): ReadonlyArray<string> => {
  const decoded = decodeManifest({ apiVersion: 'batch/v1', kind: 'Job', metadata, spec: { template: template(), ...spec } })
  return E.isLeft(decoded) ? formatManifestError(decoded.left) : []
}
const line = (detail: string, name = 'pi'): string => `The Job "${name}" is invalid: ${detail}`

describe('ValidateJob through decodeManifest', () => {
  it('accepts the seed pi Job', () => expect(errorsOf({ backoffLimit: 4 })).toEqual([]))

  it.each<[string, Record<string, unknown>, ReadonlyArray<string>]>([
    ['restartPolicy left to default (Always)', { template: template({ restartPolicy: undefined }) }, ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy Always', { template: template({ restartPolicy: 'Always' }) }, ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    [
      'restartPolicy unknown',
      { template: template({ restartPolicy: 'Sometimes' }) },
      [
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      ],
    ],
    ['negative parallelism', { parallelism: -1 }, ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0']],
    ['negative completions', { completions: -1 }, ['spec.completions: Invalid value: -1: must be greater than or equal to 0']],
    ['negative activeDeadlineSeconds', { activeDeadlineSeconds: -1 }, ['spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0']],
    ['negative backoffLimit', { backoffLimit: -1 }, ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['negative ttlSecondsAfterFinished', { ttlSecondsAfterFinished: -1 }, ['spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0']],
    ['activeDeadlineSeconds 0 is accepted', { activeDeadlineSeconds: 0 }, []],
    ['Indexed without completions', { completionMode: 'Indexed', parallelism: 2 }, ['spec.completions: Required value: when completion mode is Indexed']],
    ['unknown completionMode', { completionMode: 'Foo' }, ['spec.completionMode: Unsupported value: "Foo": supported values: "NonIndexed", "Indexed"']],
    ['Indexed parallelism over 100000', { completionMode: 'Indexed', completions: 5, parallelism: 100001 }, ['spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed']],
    ['backoffLimitPerIndex on NonIndexed', { backoffLimitPerIndex: 1 }, ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode']],
    [
      'maxFailedIndexes without backoffLimitPerIndex',
      { completionMode: 'Indexed', completions: 5, maxFailedIndexes: 1 },
      ['spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified'],
    ],
    ['maxFailedIndexes over completions', { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: 3 }, ['spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions']],
    [
      'completions over 100000 with backoffLimitPerIndex need maxFailedIndexes',
      { completionMode: 'Indexed', completions: 100001, parallelism: 10001, backoffLimitPerIndex: 1 },
      [
        'spec.maxFailedIndexes: Required value: must be specified when completions is above 100000',
        'spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index',
      ],
    ],
    ['podReplacementPolicy unknown', { podReplacementPolicy: 'Foo' }, ['spec.podReplacementPolicy: Unsupported value: "Foo": supported values: "Failed", "TerminatingOrFailed"']],
    [
      'podReplacementPolicy with a podFailurePolicy must be Failed',
      { podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: { rules: [] } },
      ['spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"'],
    ],
    [
      'podFailurePolicy needs restartPolicy Never',
      { podFailurePolicy: { rules: [] }, template: template({ restartPolicy: 'OnFailure' }) },
      ['spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified'],
    ],
    [
      'podFailurePolicy rule without action or requirement',
      { podFailurePolicy: { rules: [{ action: '' }] } },
      [
        'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
        'spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      ],
    ],
    [
      'podFailurePolicy unknown action, both requirements',
      { podFailurePolicy: { rules: [{ action: 'Retry', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget' }] }] } },
      [
        'spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
        'spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported',
      ],
    ],
    [
      'FailIndex requires backoffLimitPerIndex',
      { podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } }] } },
      ['spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set'],
    ],
    [
      'onExitCodes values',
      { podFailurePolicy: { rules: [{ action: 'Count', onExitCodes: { operator: 'In', containerName: 'nope', values: [3, 0, 0] } }] } },
      [
        'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Invalid value: 0: must not be 0 for the In operator',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 0',
        'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [3,0,0]: must be ordered',
      ],
    ],
    [
      'onExitCodes operator and empty values',
      { podFailurePolicy: { rules: [{ action: 'Count', onExitCodes: { operator: '', values: [] } }] } },
      [
        'spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]',
        'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required',
      ],
    ],
    [
      'too many podFailurePolicy rules',
      { podFailurePolicy: { rules: Array.from({ length: 21 }, () => ({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] })) } },
      ['spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items'],
    ],
    ['successPolicy on NonIndexed', { successPolicy: { rules: [] } }, ['spec.successPolicy: Invalid value: {"rules":[]}: requires indexed completion mode']],
    [
      'successPolicy without rules',
      { completionMode: 'Indexed', completions: 5, successPolicy: {} },
      ['spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified'],
    ],
    [
      'successPolicy rule without fields',
      { completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{}] } },
      ['spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified'],
    ],
    [
      'successPolicy succeededIndexes out of order',
      { completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: '1-3,2' }] } },
      ['spec.successPolicy.rules[0].succeededIndexes: Invalid value: "1-3,2": error parsing succeededIndexes: non-increasing order, previous: 3, current: 2'],
    ],
    [
      'successPolicy succeededIndexes too large and count too large',
      { completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: '7', succeededCount: 6 }] } },
      [
        'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "7": error parsing succeededIndexes: too large index: "7"',
        'spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)',
        'spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)',
      ],
    ],
    [
      'successPolicy succeededIndexes with three parts',
      { completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: '1-2-3' }] } },
      ["spec.successPolicy.rules[0].succeededIndexes: Invalid value: \"1-2-3\": error parsing succeededIndexes: the fragment \"1-2-3\" violates the requirement that an index interval can have at most two parts separated by '-'"],
    ],
    [
      'managedBy not a domain-prefixed path',
      { managedBy: 'invalid custom controller name' },
      ['spec.managedBy: Invalid value: "invalid custom controller name": must be a domain-prefixed path (such as "acme.io/foo")'],
    ],
    // A nil selector is `labels.Nothing()` to LabelSelectorAsSelector, which matches no template either.
    [
      'manualSelector without a selector',
      { manualSelector: true, template: template({}, { app: 'x' }) },
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`'],
    ],
    [
      'manual selector not matching the template',
      { manualSelector: true, selector: { matchLabels: { app: 'y' } }, template: template({}, { app: 'x' }) },
      ['spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`'],
    ],
  ])('%s', (_name, spec, want) => expect(errorsOf(spec)).toEqual(want.map((d) => line(d))))

  it('a user label conflicting with the generated ones is rejected', () => {
    const errors = errorsOf({ template: template({}, { 'job-name': 'other' }) }, { name: 'pi', uid: 'u-1' })
    expect(errors).toEqual([
      line(
        'spec.template.metadata.labels[job-name]: Invalid value: {"job-name":"other","batch.kubernetes.io/job-name":"pi","controller-uid":"u-1","batch.kubernetes.io/controller-uid":"u-1"}: pi',
      ),
    ])
  })

  it('a name that is not a DNS subdomain', () => {
    expect(errorsOf({}, { name: 'Pi' })[0]).toBe(
      line(
        "metadata.name: Invalid value: \"Pi\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'Pi',
      ),
    )
  })

  it('a name longer than 63 characters cannot be a job-name label', () => {
    const name = 'a'.repeat(64)
    expect(errorsOf({}, { name })).toContain(line(`spec.template.metadata.labels: Invalid value: "${name}": must be no more than 63 characters`, name))
  })

  it('an Indexed name whose last pod hostname is not a DNS label', () => {
    const name = 'a'.repeat(62)
    expect(errorsOf({ completionMode: 'Indexed', completions: 10 }, { name })).toEqual([
      line(`metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-9`, name),
    ])
  })

  it('tags a valid Job with its kind', () => {
    const decoded = decodeManifest({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: template() }, extra: 1 })
    expect(E.isRight(decoded) && decoded.right._tag).toBe('Job')
    expect(E.isRight(decoded) && (decoded.right.object as unknown as { extra: number }).extra).toBe(1)
  })
})
