import { createExpectations, expectationsTtlMs } from './expectations'

describe('expectations', () => {
  const clock = () => {
    let now = 0
    return { now: () => now, advance: (ms: number) => (now += ms) }
  }

  it('is satisfied with no record, and once every expected create and delete was observed', () => {
    const c = clock()
    const e = createExpectations(c.now)
    expect(e.satisfied('ds')).toBe(true)
    e.set('ds', 2, 1)
    expect(e.satisfied('ds')).toBe(false)
    e.creationObserved('ds')
    e.creationObserved('ds')
    expect(e.satisfied('ds')).toBe(false)
    e.deletionObserved('ds')
    expect(e.satisfied('ds')).toBe(true)
    expect(e.get('ds')).toEqual({ add: 0, del: 0, setAt: 0 })
  })

  it('lowers for writes that were skipped or failed, and counters may go negative', () => {
    const e = createExpectations(() => 0)
    e.set('job', 15, 0)
    e.lower('job', 13, 0)
    e.creationObserved('job')
    e.creationObserved('job')
    e.creationObserved('job')
    expect(e.get('job')?.add).toBe(-1)
    expect(e.satisfied('job')).toBe(true)
  })

  it('expires after five minutes, so lost events never block a key for good', () => {
    const c = clock()
    const e = createExpectations(c.now)
    e.set('ds', 1, 0)
    c.advance(expectationsTtlMs)
    expect(e.satisfied('ds')).toBe(false)
    c.advance(1)
    expect(e.satisfied('ds')).toBe(true)
  })

  it('observations do not refresh the timestamp; set does; delete forgets the key', () => {
    const c = clock()
    const e = createExpectations(c.now)
    e.set('ds', 3, 0)
    c.advance(1000)
    e.creationObserved('ds')
    expect(e.get('ds')?.setAt).toBe(0)
    e.set('ds', 1, 0)
    expect(e.get('ds')?.setAt).toBe(1000)
    e.delete('ds')
    expect(e.get('ds')).toBeUndefined()
    e.creationObserved('ds') // observing a forgotten key records nothing
    expect(e.satisfied('ds')).toBe(true)
  })
})
