import { allowsNewRun, decideConcurrency, isWithinStartingDeadline, replacesActive } from './concurrency'

describe('concurrency predicates', () => {
  it.each([
    ['Allow', 0, true, false],
    ['Allow', 2, true, false],
    ['Forbid', 0, true, false],
    ['Forbid', 1, false, false],
    ['Replace', 0, true, false],
    ['Replace', 1, true, true],
    // Anything else acts as Allow, as upstream's two ifs do.
    ['Sometimes', 1, true, false],
  ])('%s with %d running: allowsNewRun %s, replacesActive %s', (policy, active, allows, replaces) => {
    expect(allowsNewRun(policy, active)).toBe(allows)
    expect(replacesActive(policy, active)).toBe(replaces)
  })

  it('decideConcurrency follows reference §5', () => {
    const running = [{ name: 'a' }, { name: 'b' }]
    expect(decideConcurrency('Allow', running)).toEqual({ _tag: 'Create' })
    expect(decideConcurrency('Forbid', running)).toEqual({ _tag: 'Skip' })
    expect(decideConcurrency('Forbid', [])).toEqual({ _tag: 'Create' })
    expect(decideConcurrency('Replace', running)).toEqual({ _tag: 'Replace', jobs: running })
    expect(decideConcurrency('Replace', [])).toEqual({ _tag: 'Create' })
  })

  it('isWithinStartingDeadline: the window (now − deadline, now]', () => {
    expect(isWithinStartingDeadline(0, undefined, 1e12)).toBe(true)
    expect(isWithinStartingDeadline(0, 10, 9_999)).toBe(true)
    expect(isWithinStartingDeadline(0, 10, 10_000)).toBe(false)
    expect(isWithinStartingDeadline(0, 0, 0)).toBe(false)
  })
})
