import * as E from 'fp-ts/Either'
import { fromLabelSelector, labelSelectorMatches, matchesSelector, parseSelector, formatSelector } from '.'

const parsed = (s: string) => {
  const r = parseSelector(s)
  if (E.isLeft(r)) throw new Error(r.left)
  return r.right
}

describe('parseSelector (kubectl -l syntax)', () => {
  it.each([
    ['name=x', { name: 'x' }, true],
    ['name=x', { name: 'y' }, false],
    ['name==x', { name: 'x' }, true],
    ['name!=x', {}, true],
    ['name!=x', { name: 'x' }, false],
    ['tier in (a,b)', { tier: 'b' }, true],
    ['tier in (a,b)', { tier: 'c' }, false],
    ['tier notin (a,b)', {}, true],
    ['tier notin (a,b)', { tier: 'a' }, false],
    ['!canary', { canary: 'true' }, false],
    ['!canary', {}, true],
    ['canary', { canary: '' }, true],
    ['n>3', { n: '4' }, true],
    ['n>3', { n: '3' }, false],
    ['n<3', { n: '02' }, true],
    ['name=x,tier in (a,b),!canary', { name: 'x', tier: 'a' }, true],
    ['name=x,tier in (a,b),!canary', { name: 'x', tier: 'a', canary: '1' }, false],
    ['', { anything: 'goes' }, true],
  ] as const)('%s on %j is %s', (sel, labels, want) => {
    expect(matchesSelector(parsed(sel), labels)).toBe(want)
  })

  it.each(['name=x,', 'tier in ()', 'tier in (a', ',', 'x>y'])('rejects %j', (sel) => {
    expect(E.isLeft(parseSelector(sel))).toBe(true)
  })

  it('formats requirements sorted by key', () => {
    expect(formatSelector(parsed('b=1,a in (y,x),!c'))).toBe('a in (x,y),b=1,!c')
  })
})

describe('fromLabelSelector (metav1.LabelSelectorAsSelector)', () => {
  it('nil selects nothing and {} selects everything', () => {
    expect(labelSelectorMatches(undefined, {})).toBe(false)
    expect(labelSelectorMatches({}, { a: 'b' })).toBe(true)
  })

  it('ANDs matchLabels and matchExpressions', () => {
    const ls = { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }
    expect(labelSelectorMatches(ls, { app: 'x' })).toBe(true)
    expect(labelSelectorMatches(ls, { app: 'x', tier: 'db' })).toBe(false)
    expect(labelSelectorMatches(ls, { tier: 'web' })).toBe(false)
  })

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'In' }] }, "for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'values set must be empty for exists and does not exist'],
    [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid label selector operator'],
  ])('rejects %j', (ls, message) => {
    expect(fromLabelSelector(ls)).toEqual(E.left(message))
  })
})
