import type { Taint, Toleration } from '../api'
import { toleranceOf, toleratesTaint, type Tolerance } from './tolerations'

const sla = 'node.kubernetes.io/sla'

describe('TestTolerationToleratesTaint (toleration_test.go)', () => {
  // The last column is upstream's (tolerated, error) pair with the comparison gate on.
  it.each<[string, Toleration, Taint, Tolerance]>([
    ['toleration and taint have the same key and effect, and operator is Exists, and taint has no value, expect tolerated',
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' }, { key: 'foo', effect: 'NoSchedule' }, 'Tolerated'],
    ['toleration and taint have the same key and effect, and operator is Exists, and taint has some value, expect tolerated',
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }, 'Tolerated'],
    ['toleration and taint have the same effect, toleration has empty key and operator is Exists, means match all taints, expect tolerated',
      { key: '', operator: 'Exists', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }, 'Tolerated'],
    ['toleration and taint have the same key, effect and value, and operator is Equal, expect tolerated',
      { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }, 'Tolerated'],
    ['toleration and taint have the same key and effect, but different values, and operator is Equal, expect not tolerated',
      { key: 'foo', operator: 'Equal', value: 'value1', effect: 'NoSchedule' }, { key: 'foo', value: 'value2', effect: 'NoSchedule' }, 'NotTolerated'],
    ['toleration and taint have the same key and value, but different effects, and operator is Equal, expect not tolerated',
      { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoExecute' }, 'NotTolerated'],
    ['toleration with Gt operator - taint value less than toleration value, expect not tolerated',
      { key: sla, operator: 'Gt', value: '950', effect: 'NoSchedule' }, { key: sla, value: '800', effect: 'NoSchedule' }, 'NotTolerated'],
    ['toleration with Gt operator - taint value greater than toleration value, expect tolerated',
      { key: sla, operator: 'Gt', value: '750', effect: 'NoSchedule' }, { key: sla, value: '950', effect: 'NoSchedule' }, 'Tolerated'],
    ['toleration with Lt operator - taint value greater than toleration value, expect not tolerated',
      { key: sla, operator: 'Lt', value: '800', effect: 'NoSchedule' }, { key: sla, value: '950', effect: 'NoSchedule' }, 'NotTolerated'],
    ['toleration with Lt operator - taint value less than toleration value, expect tolerated',
      { key: sla, operator: 'Lt', value: '950', effect: 'NoSchedule' }, { key: sla, value: '800', effect: 'NoSchedule' }, 'Tolerated'],
    ['toleration with Gt operator and taint with equal numeric value, expect not tolerated',
      { key: sla, operator: 'Gt', value: '950', effect: 'NoSchedule' }, { key: sla, value: '950', effect: 'NoSchedule' }, 'NotTolerated'],
    ['toleration with Gt operator and taint with non-numeric value, expect not tolerated',
      { key: sla, operator: 'Gt', value: '950', effect: 'NoSchedule' }, { key: sla, value: 'high', effect: 'NoSchedule' }, 'Unparsable'],
    ['toleration with Gt operator and negative numeric values - taint value less than threshold, expect not tolerated',
      { key: 'test-key', operator: 'Gt', value: '-100', effect: 'NoSchedule' }, { key: 'test-key', value: '-200', effect: 'NoSchedule' }, 'NotTolerated'],
    ['toleration with Gt operator and large int64 values - taint value less than threshold, expect not tolerated',
      { key: 'test-key', operator: 'Gt', value: '9223372036854775806', effect: 'NoSchedule' }, { key: 'test-key', value: '100', effect: 'NoSchedule' }, 'NotTolerated'],
    // content.IsDecimalInteger is stricter than ParseInt.
    ['Gt with a leading zero is not a decimal integer', { key: sla, operator: 'Gt', value: '0950', effect: 'NoSchedule' }, { key: sla, value: '999', effect: 'NoSchedule' }, 'Unparsable'],
    ['Gt with a plus sign is not a decimal integer', { key: sla, operator: 'Gt', value: '+1', effect: 'NoSchedule' }, { key: sla, value: '2', effect: 'NoSchedule' }, 'Unparsable'],
    ['Lt with "-0" is not a decimal integer', { key: sla, operator: 'Lt', value: '5', effect: 'NoSchedule' }, { key: sla, value: '-0', effect: 'NoSchedule' }, 'Unparsable'],
    ['Lt with a taint value beyond int64', { key: sla, operator: 'Lt', value: '5', effect: 'NoSchedule' }, { key: sla, value: '-9223372036854775809', effect: 'NoSchedule' }, 'Unparsable'],
    ['Lt with an empty taint value', { key: sla, operator: 'Lt', value: '5', effect: 'NoSchedule' }, { key: sla, effect: 'NoSchedule' }, 'Unparsable'],
  ])('%s', (_name, toleration, taint, want) => {
    expect(toleranceOf(toleration, taint, true)).toBe(want)
    expect(toleratesTaint(toleration, taint, { comparisonOperators: true })).toBe(want === 'Tolerated')
  })

  it('with the TaintTolerationComparisonOperators gate off (the default), Lt and Gt never tolerate', () => {
    const gt: Toleration = { key: sla, operator: 'Gt', value: '750', effect: 'NoSchedule' }
    const taint: Taint = { key: sla, value: '950', effect: 'NoSchedule' }
    expect(toleratesTaint(gt, taint)).toBe(false)
    expect(toleranceOf(gt, taint, false)).toBe('NotTolerated')
    expect(toleratesTaint({ ...gt, operator: 'Lt', value: '999' }, taint, { comparisonOperators: false })).toBe(false)
  })
})

describe('toleratesTaint: the matching rules of ToleratesTaint', () => {
  const taint: Taint = { key: 'dedicated', value: 'user1', effect: 'NoExecute' }
  it.each<[string, Toleration, boolean]>([
    ['an empty effect matches every effect', { key: 'dedicated', operator: 'Exists' }, true],
    ['an empty key with Exists matches every key', { operator: 'Exists' }, true],
    ['the empty toleration {operator: Exists} tolerates everything', { operator: 'Exists', effect: '' }, true],
    ['operator "" means Equal', { key: 'dedicated', value: 'user1' }, true],
    ['operator "" compares values', { key: 'dedicated', value: 'user2' }, false],
    ['Equal with a missing value does not match a valued taint', { key: 'dedicated', operator: 'Equal' }, false],
    ['a different key', { key: 'other', operator: 'Exists' }, false],
    ['a different effect', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, false],
    ['tolerationSeconds is ignored', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }, true],
    ['operators are case-sensitive', { key: 'dedicated', operator: 'exists' }, false],
    ['an unknown operator never tolerates', { key: 'dedicated', operator: 'In', value: 'user1' }, false],
  ])('%s', (_name, toleration, want) => {
    expect(toleratesTaint(toleration, taint)).toBe(want)
  })

  it('an empty key with the empty operator (refused by validation) still compares values', () => {
    expect(toleratesTaint({ value: '' }, { key: 'anything', effect: 'NoSchedule' })).toBe(true)
    expect(toleratesTaint({ value: '' }, { key: 'anything', value: 'x', effect: 'NoSchedule' })).toBe(false)
  })
})
