import * as E from 'fp-ts/Either'
import { decodeManifest, decodeUpdate, formatManifestError } from '../manifest'
import { updatablePodSpecFields } from './podUpdate'

type Json = Record<string, unknown>

const pod = (spec: Json = {}): Json => {
  const decoded = decodeManifest({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'u-1' },
    spec: { containers: [{ name: 'c', image: 'nginx:1' }], ...spec },
  })
  if (E.isLeft(decoded)) throw new Error(formatManifestError(decoded.left).join('\n'))
  return decoded.right.object as Json
}
const withPodSpec = (o: Json, spec: Json): Json => ({ ...o, spec: { ...(o['spec'] as Json), ...spec } })
const errors = (old: Json, next: Json): ReadonlyArray<string> => {
  const decoded = decodeUpdate(next, old)
  return E.isLeft(decoded) ? formatManifestError(decoded.left).map((l) => l.replace('The Pod "web" is invalid: ', '')) : []
}

describe('Pod updates (ValidatePodUpdate)', () => {
  it('a container image, labels and annotations may change', () => {
    const old = pod()
    expect(errors(old, withPodSpec(old, { containers: [{ ...((old['spec'] as Json)['containers'] as Json[])[0], image: 'nginx:2' }] }))).toEqual([])
    expect(errors(old, { ...old, metadata: { ...(old['metadata'] as Json), labels: { tier: 'web' }, annotations: { note: 'x' } } })).toEqual([])
  })

  it('containers may be neither added nor removed, nor lose their image', () => {
    const old = pod()
    const containers = (old['spec'] as Json)['containers'] as Json[]
    expect(errors(old, withPodSpec(old, { containers: [...containers, { name: 'd', image: 'x' }] }))).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers'])
    expect(errors(old, withPodSpec(old, { containers: [{ ...containers[0], image: '' }] }))).toEqual(['spec.containers[0].image: Required value'])
  })

  it('the deadline may be set or shortened, not lengthened or removed', () => {
    expect(errors(pod(), withPodSpec(pod(), { activeDeadlineSeconds: 30 }))).toEqual([])
    const timed = pod({ activeDeadlineSeconds: 30 })
    expect(errors(timed, withPodSpec(timed, { activeDeadlineSeconds: 10 }))).toEqual([])
    expect(errors(timed, withPodSpec(timed, { activeDeadlineSeconds: 60 }))).toEqual(['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value'])
    const { activeDeadlineSeconds: _dropped, ...rest } = timed['spec'] as Json
    expect(errors(timed, { ...timed, spec: rest })).toEqual(['spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value'])
  })

  it('tolerations may only be added (their tolerationSeconds may change)', () => {
    const old = pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] })
    const added = [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 20 }, { key: 'other', operator: 'Exists' }]
    expect(errors(old, withPodSpec(old, { tolerations: added }))).toEqual([])
    expect(errors(old, withPodSpec(old, { tolerations: [] }))).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds'])
  })

  it('anything else is Forbidden, with the list of what may change and the fields that did', () => {
    const old = pod()
    const [line = ''] = errors(old, withPodSpec(old, { nodeSelector: { zone: 'a' } }))
    expect(line.startsWith(`spec: Forbidden: pod updates may not change fields other than ${updatablePodSpecFields}\n`)).toBe(true)
    expect(line).toContain('- \tnodeSelector: nil,\n+ \tnodeSelector: {"zone":"a"},')
    expect(updatablePodSpecFields).toBe(
      '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    )
  })

  it('scheduling gates may only be removed', () => {
    const gated = pod({ schedulingGates: [{ name: 'a' }] })
    expect(errors(gated, withPodSpec(gated, { schedulingGates: [] }))).toEqual([])
    expect(errors(gated, withPodSpec(gated, { schedulingGates: [{ name: 'a' }, { name: 'b' }] }))).toEqual([
      "spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'b'",
    ])
  })
})
