import { addIndexes, formatIntervals, indexesOf, intervalsHas, intervalsTotal, mergeIntervals, parseIndexes, withIndexes, type OrderedIntervals } from './intervals'

const iv = (...pairs: ReadonlyArray<readonly [number, number]>): OrderedIntervals => pairs.map(([first, last]) => ({ first, last }))

describe('TestIntervalsHaveIndex', () => {
  it.each<[string, OrderedIntervals, number, boolean]>([
    ['empty', [], 4, false],
    ['before all', iv([2, 4], [5, 7]), 1, false],
    ['after all', iv([2, 4], [6, 8]), 9, false],
    ['in between', iv([2, 4], [6, 8]), 5, false],
    ['in first', iv([2, 4], [6, 8]), 2, true],
    ['in second', iv([2, 4], [6, 8]), 8, true],
  ])('%s', (_name, intervals, index, want) => expect(intervalsHas(intervals, index)).toBe(want))
})

describe('completedIndexes format (orderedIntervals.String)', () => {
  it.each<[OrderedIntervals, string]>([
    [[], ''],
    [iv([1, 1], [3, 5], [7, 7]), '1,3-5,7'],
    [iv([0, 1]), '0,1'],
    [iv([2, 2], [4, 5], [7, 9]), '2,4,5,7-9'],
    [iv([0, 499]), '0-499'],
  ])('%j → %s', (intervals, text) => expect(formatIntervals(intervals)).toBe(text))
})

describe('parseIndexesFromString', () => {
  it.each<[string, string, number, OrderedIntervals]>([
    ['single and ranges', '1,3-5,7', 10, iv([1, 1], [3, 5], [7, 7])],
    ['adjacent parts merge', '0,1,2-4,5', 10, iv([0, 5])],
    ['prev interval out of range', '0-5,8-10', 8, iv([0, 5])],
    ['prev interval partially out of range', '0-5,8-10', 10, iv([0, 5], [8, 9])],
    ['corrupted interval', '0,1-foo,bar', 4, iv([0, 0])],
    ['stops at the first part past completions', '0,6,2', 5, iv([0, 0])],
    ['negative parts are skipped', '-2,3', 5, iv([3, 3])],
    ['empty', '', 5, []],
  ])('%s', (_name, text, completions, want) => expect(parseIndexes(text, completions)).toEqual(want))
})

describe('orderedIntervals.merge and withOrderedIndexes', () => {
  it('merges overlapping and adjacent intervals', () => {
    expect(mergeIntervals(iv([0, 2], [8, 9]), iv([3, 4], [6, 8], [12, 12]))).toEqual(iv([0, 4], [6, 9], [12, 12]))
  })
  it('adds unordered indexes, with duplicates', () => {
    expect(withIndexes(iv([2, 7]), [9, 0, 3, 5, 0])).toEqual(iv([0, 0], [2, 7], [9, 9]))
  })
  it('adds sparse unordered indexes (typed sort path)', () => {
    expect(withIndexes([], [1_000_000, 5, 3_000_000, 4])).toEqual(iv([4, 5], [1_000_000, 1_000_000], [3_000_000, 3_000_000]))
  })
  it('counts and lists indexes', () => {
    expect(intervalsTotal(iv([0, 2], [5, 5]))).toBe(4)
    expect(indexesOf(iv([0, 2], [5, 5]))).toEqual([0, 1, 2, 5])
  })
  it('round-trips a status string', () => {
    expect(addIndexes('1,3-5,7', [2, 6], 10)).toBe('1-7')
    expect(addIndexes('0,1', [], 10)).toBe('0,1')
  })
})

describe('updating completedIndexes for 100,000 indexes', () => {
  const n = 100_000
  it('stays cheap for contiguous and shuffled indexes', () => {
    const shuffled = Array.from({ length: n }, (_, i) => (i * 7919) % n)
    addIndexes('', shuffled, n)
    const started = performance.now()
    const text = addIndexes('', shuffled, n)
    const elapsed = performance.now() - started
    expect(text).toBe(`0-${n - 1}`)
    // Generous bound for shared CI machines; the bench measures the real figure.
    expect(elapsed).toBeLessThan(50)
  })
  it('does not depend on how many indexes are already completed', () => {
    const big = addIndexes('', Array.from({ length: n - 1 }, (_, i) => i), n)
    expect(addIndexes(big, [n - 1], n)).toBe(`0-${n - 1}`)
  })
})
