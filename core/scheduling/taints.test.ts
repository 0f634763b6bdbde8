import type { Taint, Toleration } from '../api'
import { blocksScheduling, evictsPods, findUntoleratedTaint, formatTaint } from './taints'

const noSchedule: Taint = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' }
const noExecute: Taint = { key: 'dedicated', value: 'user1', effect: 'NoExecute' }
const prefer: Taint = { key: 'soft', effect: 'PreferNoSchedule' }

describe('findUntoleratedTaint (FindMatchingUntoleratedTaint)', () => {
  it.each<[string, ReadonlyArray<Taint>, ReadonlyArray<Toleration>, Taint | undefined]>([
    ['no taints', [], [], undefined],
    ['the first untolerated taint in node order', [prefer, noSchedule, noExecute], [], prefer],
    ['every taint tolerated', [noSchedule], [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], undefined],
    ['a toleration for another effect does not help', [noExecute], [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], noExecute],
    ['any one toleration is enough', [noSchedule, noExecute], [{ key: 'other', operator: 'Exists' }, { key: 'dedicated', operator: 'Exists' }], undefined],
  ])('%s', (_name, taints, tolerations, want) => {
    expect(findUntoleratedTaint(taints, tolerations)).toBe(want)
  })

  it.each<[string, typeof blocksScheduling, Taint | undefined]>([
    ['blocksScheduling skips PreferNoSchedule', blocksScheduling, noSchedule],
    ['evictsPods looks at NoExecute only', evictsPods, noExecute],
  ])('%s', (_name, filter, want) => {
    expect(findUntoleratedTaint([prefer, noSchedule, noExecute], [], filter)).toBe(want)
  })

  it('taints with an empty or unknown effect never block scheduling', () => {
    expect(findUntoleratedTaint([{ key: 'a', effect: '' }, { key: 'b', effect: 'Whatever' }], [], blocksScheduling)).toBeUndefined()
  })

  describe('with the comparison gate on', () => {
    const gt: Toleration = { key: 'sla', operator: 'Gt', value: '100' }
    const unparsable: Taint = { key: 'sla', value: 'high', effect: 'NoSchedule' }
    const options = { comparisonOperators: true }

    it('a cleanly untolerated taint is preferred over one whose comparison failed, whatever the order', () => {
      expect(findUntoleratedTaint([unparsable, noSchedule], [gt], blocksScheduling, options)).toBe(noSchedule)
    })
    it('a comparison failure alone counts as untolerated', () => {
      expect(findUntoleratedTaint([unparsable], [gt], blocksScheduling, options)).toBe(unparsable)
    })
    it('another toleration that tolerates wins over the failure', () => {
      expect(findUntoleratedTaint([unparsable], [gt, { key: 'sla', operator: 'Exists' }], blocksScheduling, options)).toBeUndefined()
    })
    it('a numeric comparison can tolerate', () => {
      expect(findUntoleratedTaint([{ key: 'sla', value: '950', effect: 'NoSchedule' }], [gt], blocksScheduling, options)).toBeUndefined()
    })
  })
})

describe('formatTaint (Taint.ToString)', () => {
  it.each<[Taint, string]>([
    [noSchedule, 'dedicated=user1:NoSchedule'],
    [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }, 'node.kubernetes.io/network-unavailable:NoSchedule'],
    [{ key: 'k', value: '', effect: 'NoExecute' }, 'k:NoExecute'],
  ])('%j prints %s', (taint, want) => {
    expect(formatTaint(taint)).toBe(want)
  })
})
