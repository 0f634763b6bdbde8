import * as E from 'fp-ts/Either'
import { decodeManifest, formatManifestError } from '..'

const base = (patch: { spec?: Record<string, unknown>; template?: Record<string, unknown>; podSpec?: Record<string, unknown> } = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'ds', namespace: 'default' },
  spec: {
    selector: { matchLabels: { a: 'b' } },
    template: {
      metadata: { labels: { a: 'b' } },
      spec: { containers: [{ name: 'c', image: 'img:1' }], ...(patch.podSpec ?? {}) },
      ...(patch.template ?? {}),
    },
    ...(patch.spec ?? {}),
  },
})

const errorsOf = (raw: unknown): ReadonlyArray<string> => {
  const r = decodeManifest(raw)
  return E.isLeft(r) ? formatManifestError(r.left).map((l) => l.replace('The DaemonSet "ds" is invalid: ', '')) : []
}

const ru = (rollingUpdate: Record<string, unknown>) => ({ spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate } } })

describe('validateDaemonSet (ports of TestValidateDaemonSet)', () => {
  it('accepts a valid DaemonSet and applies apps/v1 defaults', () => {
    const r = decodeManifest(base())
    expect(E.isRight(r) && r.right._tag === 'DaemonSet' && r.right.object.spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
      template: { spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' } },
    })
  })

  it.each([
    ['selector does not match', { template: { metadata: { labels: { a: 'c' } } } }, 'spec.template.metadata.labels: Invalid value: {"a":"c"}: `selector` does not match template `labels`'],
    ['empty selector', { spec: { selector: {} } }, 'spec.selector: Invalid value: {}: empty selector is invalid for daemonset'],
    ['restartPolicy OnFailure', { podSpec: { restartPolicy: 'OnFailure' } }, 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ['activeDeadlineSeconds', { podSpec: { activeDeadlineSeconds: 10 } }, 'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported'],
    ['negative minReadySeconds', { spec: { minReadySeconds: -1 } }, 'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    ['negative revisionHistoryLimit', { spec: { revisionHistoryLimit: -1 } }, 'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    ['unknown strategy', { spec: { updateStrategy: { type: 'Recreate' } } }, 'spec.updateStrategy: Unsupported value: "Recreate": supported values: "RollingUpdate", "OnDelete"'],
    ['both zero', ru({ maxUnavailable: 0, maxSurge: 0 }), 'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    ['both zero percent', ru({ maxUnavailable: '0%', maxSurge: 0 }), 'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    ['both non-zero', ru({ maxUnavailable: 1, maxSurge: '10%' }), 'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "10%": may not be set when maxUnavailable is non-zero'],
    ['over 100%', ru({ maxUnavailable: '101%' }), 'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "101%": must not be greater than 100%'],
    ['not a percent', ru({ maxUnavailable: 'half' }), "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"half\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"],
    ['negative', ru({ maxUnavailable: -1 }), 'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0'],
    ['no containers', { podSpec: { containers: [] } }, 'spec.template.spec.containers: Required value'],
    ['toleration without key needs Exists', { podSpec: { tolerations: [{ operator: 'Equal', value: 'x' }] } }, 'spec.template.spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'],
  ])('%s', (_name, patch, message) => {
    expect(errorsOf(base(patch))).toContain(message)
  })

  it('a missing template spec is a Required value, not a crash', () => {
    const raw = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { a: 'b' } }, template: {} } }
    expect(errorsOf(raw)).toEqual(['spec.template.spec: Required value'])
  })

  it('a mistyped field names its path', () => {
    expect(errorsOf(base({ spec: { minReadySeconds: 'soon' } }))).toEqual(['spec.minReadySeconds: Invalid value: "soon": must be a number'])
  })

  it('maxUnavailable 0 with a surge is valid, and a percent that scales to 0 is valid', () => {
    expect(errorsOf(base(ru({ maxUnavailable: 0, maxSurge: 1 })))).toEqual([])
    expect(errorsOf(base(ru({ maxUnavailable: '1%' })))).toEqual([])
  })

  it('unknown fields survive decoding', () => {
    const raw = { ...base(), status: { numberReady: 1, futureField: 'x' }, extra: { keep: true } }
    const r = decodeManifest(raw)
    expect(E.isRight(r) && r.right.object).toMatchObject({ extra: { keep: true }, status: { futureField: 'x' } })
  })
})
