import type { PodSpec, Toleration } from '../api'
import { addOrUpdateToleration, daemonTolerations, NodeTaintKeys, withDaemonTolerations } from './daemonTolerations'

const spec = (tolerations?: Toleration[], hostNetwork?: boolean): PodSpec => ({
  containers: [{ name: 'c' }],
  ...(tolerations !== undefined ? { tolerations } : {}),
  ...(hostNetwork !== undefined ? { hostNetwork } : {}),
})
const notReady: Toleration = { key: NodeTaintKeys.notReady, operator: 'Exists', effect: 'NoExecute' }
const defaults6: ReadonlyArray<Toleration> = [
  notReady,
  { key: NodeTaintKeys.unreachable, operator: 'Exists', effect: 'NoExecute' },
  { key: NodeTaintKeys.diskPressure, operator: 'Exists', effect: 'NoSchedule' },
  { key: NodeTaintKeys.memoryPressure, operator: 'Exists', effect: 'NoSchedule' },
  { key: NodeTaintKeys.pidPressure, operator: 'Exists', effect: 'NoSchedule' },
  { key: NodeTaintKeys.unschedulable, operator: 'Exists', effect: 'NoSchedule' },
]
const networkUnavailable: Toleration = { key: NodeTaintKeys.networkUnavailable, operator: 'Exists', effect: 'NoSchedule' }
const user: Toleration = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' }

describe('TestAddOrUpdateDaemonPodTolerations (daemonset_util.go, reference §2.1)', () => {
  it.each<[string, PodSpec, ReadonlyArray<Toleration>]>([
    ['no tolerations: the six defaults, in order', spec(), defaults6],
    ['null tolerations: the six defaults', { ...spec(), tolerations: null }, defaults6],
    ['hostNetwork adds network-unavailable last', spec(undefined, true), [...defaults6, networkUnavailable]],
    ['hostNetwork false does not', spec([], false), defaults6],
    ['user tolerations stay first, in their order', spec([user, { operator: 'Exists' }]), [user, { operator: 'Exists' }, ...defaults6]],
    ['a matching toleration with tolerationSeconds is replaced in place and becomes infinite',
      spec([user, { ...notReady, tolerationSeconds: 300 }]), [user, notReady, ...defaults6.slice(1)]],
    ['an identical toleration is kept, not duplicated', spec([user, notReady]), [user, ...defaults6]],
    ['an empty effect is a different toleration: kept, and the default appended',
      spec([{ key: NodeTaintKeys.notReady, operator: 'Exists' }]), [{ key: NodeTaintKeys.notReady, operator: 'Exists' }, ...defaults6]],
    ['operator "" is not Exists: kept, and the default appended',
      spec([{ key: NodeTaintKeys.notReady, effect: 'NoExecute' }]), [{ key: NodeTaintKeys.notReady, effect: 'NoExecute' }, ...defaults6]],
    ['every matching toleration is replaced', spec([{ ...notReady, tolerationSeconds: 300 }, { ...notReady, tolerationSeconds: 600 }]),
      [notReady, notReady, ...defaults6.slice(1)]],
    ['an identical one anywhere leaves the others, even with tolerationSeconds, untouched',
      spec([{ ...notReady, tolerationSeconds: 300 }, notReady]), [{ ...notReady, tolerationSeconds: 300 }, notReady, ...defaults6.slice(1)]],
    ['tolerationSeconds null counts as absent', spec([{ ...notReady, tolerationSeconds: null }]), [{ ...notReady, tolerationSeconds: null }, ...defaults6.slice(1)]],
  ])('%s', (_name, input, want) => {
    expect(withDaemonTolerations(input).tolerations).toEqual(want)
  })

  it('does not change its input, and keeps the rest of the spec', () => {
    const input = spec([{ ...notReady, tolerationSeconds: 300 }], true)
    const snapshot = JSON.stringify(input)
    const out = withDaemonTolerations(input)
    expect(JSON.stringify(input)).toBe(snapshot)
    expect(out.hostNetwork).toBe(true)
    expect(out.containers).toBe(input.containers)
  })

  it('is idempotent: a spec that already has them comes back as is', () => {
    const once = withDaemonTolerations(spec([user], true))
    expect(withDaemonTolerations(once)).toBe(once)
  })
})

describe('addOrUpdateToleration (AddOrUpdateTolerationInPodSpec)', () => {
  it('appends when nothing matches', () => {
    expect(addOrUpdateToleration([user], notReady)).toEqual([user, notReady])
  })
  it('returns the same list when an identical toleration is present', () => {
    const list = [user, notReady]
    expect(addOrUpdateToleration(list, notReady)).toBe(list)
  })
  it('compares tolerationSeconds when the new one has some', () => {
    const timed = { ...notReady, tolerationSeconds: 300 }
    expect(addOrUpdateToleration([notReady], timed)).toEqual([timed])
    const list = [timed]
    expect(addOrUpdateToleration(list, { ...timed })).toBe(list)
  })
})

describe('daemonTolerations', () => {
  it('lists six defaults, seven with hostNetwork, none with tolerationSeconds', () => {
    expect(daemonTolerations(false)).toEqual(defaults6)
    expect(daemonTolerations(true)).toEqual([...defaults6, networkUnavailable])
    expect(daemonTolerations(true).every((t) => t.tolerationSeconds === undefined)).toBe(true)
  })
})
