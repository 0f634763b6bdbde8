import { makeInstant } from '../../core/api'
import { formatGoDuration, isInBackOff, nextBackOff, type BackOffEntry } from './crashLoopBackOff'

const t = (seconds: number) => makeInstant(seconds * 1000)

describe('crashLoopBackOff (client-go flowcontrol.Backoff as the kubelet uses it: 10 s initial, 300 s cap)', () => {
  it('has no back-off before the first restart: the first exit restarts at once', () => {
    expect(isInBackOff(undefined, t(100), t(100))).toBe(false)
    expect(nextBackOff(undefined, t(100), t(100))).toEqual({ seconds: 10, updatedAt: t(100) })
  })

  it('backs off for the current delay after a later exit, counted from finishedAt', () => {
    const entry: BackOffEntry = { seconds: 10, updatedAt: t(100) }
    expect(isInBackOff(entry, t(101), t(101))).toBe(true)
    expect(isInBackOff(entry, t(101), t(110.999))).toBe(true)
    expect(isInBackOff(entry, t(101), t(111))).toBe(false)
  })

  it('doubles on each restart and caps at 300 s', () => {
    const delays: number[] = []
    let entry: BackOffEntry | undefined
    for (let i = 0; i < 8; i++) {
      entry = nextBackOff(entry, t(i), t(i))
      delays.push(entry.seconds)
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300, 300])
  })

  it('starts over after the container ran more than 10 minutes (2 × MaxContainerBackOff) since the last restart', () => {
    const entry: BackOffEntry = { seconds: 160, updatedAt: t(0) }
    expect(isInBackOff(entry, t(600), t(600))).toBe(true)
    expect(nextBackOff(entry, t(600), t(760)).seconds).toBe(300)
    expect(isInBackOff(entry, t(600.001), t(600.001))).toBe(false)
    expect(nextBackOff(entry, t(601), t(601))).toEqual({ seconds: 10, updatedAt: t(601) })
  })

  it('formats delays as Go prints a time.Duration', () => {
    expect([10, 20, 40, 80, 160, 300, 3600, 3725].map(formatGoDuration)).toEqual([
      '10s',
      '20s',
      '40s',
      '1m20s',
      '2m40s',
      '5m0s',
      '1h0m0s',
      '1h2m5s',
    ])
  })
})
