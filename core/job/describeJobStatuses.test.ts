import { describeJobStatuses } from './describeJobStatuses'
import { aJob } from './testing/fixtures'

describe("kubectl describe's Pods Statuses", () => {
  it('with status.ready', () => {
    expect(describeJobStatuses(aJob(2, 4, 4, { status: { active: 2, ready: 1, succeeded: 1, failed: 0 } }))).toBe('2 Active (1 Ready) / 1 Succeeded / 0 Failed')
  })
  it('without status.ready', () => {
    expect(describeJobStatuses(aJob(1, 1, 6, { status: { succeeded: 1 } }))).toBe('0 Active / 1 Succeeded / 0 Failed')
  })
})
