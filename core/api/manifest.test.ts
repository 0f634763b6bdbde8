import * as E from 'fp-ts/Either'
import { decodeManifest, formatManifestError, syntheticUid } from '.'

const errors = (raw: unknown): ReadonlyArray<string> => {
  const r = decodeManifest(raw)
  return E.isLeft(r) ? formatManifestError(r.left) : []
}

describe('decodeManifest', () => {
  it('reads null maps and lists as absent, as Go does (a bare `labels:` in YAML)', () => {
    const r = decodeManifest({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: null, annotations: null }, status: { conditions: null } })
    expect(E.isRight(r) && r.right.object).toEqual({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: {} })
  })

  it('keeps a ControllerRevision’s data verbatim, nulls included (it is compared byte for byte)', () => {
    const data = { spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null } } } }
    const r = decodeManifest({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'ds-1', labels: null }, revision: 1, data })
    expect(E.isRight(r) && r.right._tag === 'ControllerRevision' && r.right.object.data).toEqual(data)
  })

  it('names the object even when its metadata is malformed', () => {
    expect(errors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 1 } }, spec: { containers: [] } })).toEqual([
      'The Pod "p" is invalid: metadata.labels.a: Invalid value: 1: must be a string',
    ])
  })

  it('requires a name on the objects controllers only read', () => {
    expect(errors({ apiVersion: 'v1', kind: 'Node', metadata: {} })).toEqual([
      'The Node "" is invalid: metadata.name: Required value: name or generateName is required',
    ])
  })

  it('accepts a snapshot pod without spec or uid, deriving the uid from namespace and name', () => {
    const r = decodeManifest({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1' }, status: { phase: 'Succeeded' } })
    expect(E.isRight(r) && r.right.object).toMatchObject({ metadata: { name: 'p1', namespace: 'default', uid: syntheticUid('default', 'p1') }, spec: { containers: [] } })
  })

  it('gives CronJob active references without a uid the uid their Job gets', () => {
    const cj = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c', namespace: 'ns' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } } } },
      status: { active: [{ kind: 'Job', name: 'c-1' }] },
    }
    const r = decodeManifest(cj)
    expect(E.isRight(r) && r.right._tag === 'CronJob' && r.right.object.status?.active).toEqual([{ kind: 'Job', name: 'c-1', uid: syntheticUid('ns', 'c-1') }])
  })
})
