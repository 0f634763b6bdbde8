import { aggregateMessagePrefix, createEventCorrelator, type Correlation, type CorrelatedEvent, type EventCorrelatorOptions } from './eventCorrelator'

const t0 = Date.UTC(2026, 0, 1)

/** A correlator on a hand-moved clock; every written event is fed back as `recordToSink` does. */
const correlatorAt = (options: EventCorrelatorOptions = {}) => {
  let now = t0
  let names = 0
  const correlator = createEventCorrelator(() => now, options)
  const record = (message: string, more: Partial<CorrelatedEvent> = {}): Correlation => {
    const stamp = new Date(now).toISOString().replace('.000Z', 'Z')
    const event: CorrelatedEvent = {
      name: `batch.${names++}`,
      namespace: 'default',
      involvedObject: { kind: 'Job', namespace: 'default', name: 'batch', uid: 'u-1', apiVersion: 'batch/v1' },
      source: { component: 'job-controller' },
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message,
      count: 1,
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      reportingComponent: 'job-controller',
      reportingInstance: '',
      ...more,
    }
    const result = correlator.correlate(event)
    if (result._tag === 'Create') correlator.updateState({ ...result.event, resourceVersion: String(names) })
    if (result._tag === 'Patch') correlator.updateState({ ...result.event, count: result.patch.count, resourceVersion: String(names) })
    return result
  }
  return { record, advance: (ms: number) => void (now += ms) }
}

const summary = (c: Correlation): string =>
  c._tag === 'Skip' ? 'Skip' : c._tag === 'Create' ? `Create ${c.event.name} ${c.event.message}` : `Patch ${c.event.name} #${c.patch.count} ${c.patch.message}`

describe('createEventCorrelator', () => {
  it('de-duplicates an identical event into a patch of count and lastTimestamp of the first Event', () => {
    const { record, advance } = correlatorAt()
    expect(summary(record('Created pod: a'))).toBe('Create batch.0 Created pod: a')
    advance(5000)
    const repeat = record('Created pod: a')
    expect(repeat).toMatchObject({ _tag: 'Patch', event: { name: 'batch.0', firstTimestamp: '2026-01-01T00:00:00Z', resourceVersion: '1' }, patch: { count: 2, lastTimestamp: '2026-01-01T00:00:05Z', message: 'Created pod: a' } })
    expect(summary(record('Created pod: a'))).toBe('Patch batch.0 #3 Created pod: a')
  })

  it('aggregates the 10th distinct message within 600 s into a combined Event, which later ones patch', () => {
    const { record } = correlatorAt()
    const first = Array.from({ length: 9 }, (_, i) => summary(record(`Created pod: p${i + 1}`)))
    expect(first.every((s) => s.startsWith('Create'))).toBe(true)
    const tenth = record('Created pod: p10')
    expect(tenth).toMatchObject({
      _tag: 'Create',
      event: { name: 'batch.9', message: `${aggregateMessagePrefix}Created pod: p10`, count: 1, reportingComponent: '', reportingInstance: '' },
    })
    expect(summary(record('Created pod: p11'))).toBe(`Patch batch.9 #2 ${aggregateMessagePrefix}Created pod: p11`)
  })

  it('drops the oldest message from a full aggregation set (upstream drops a random one)', () => {
    const { record } = correlatorAt()
    for (let i = 1; i <= 10; i++) record(`m${i}`) // m10 aggregated; m1 dropped from the set
    expect(summary(record('m2'))).toBe('Patch batch.1 #2 m2') // still in the set: de-duplicated on its own
    expect(summary(record('m1'))).toBe(`Patch batch.9 #2 ${aggregateMessagePrefix}m1`) // new again: aggregated, m2 dropped
    expect(summary(record('m2'))).toBe(`Patch batch.9 #3 ${aggregateMessagePrefix}m2`) // m3 dropped
    expect(summary(record('m5'))).toBe('Patch batch.4 #2 m5')
  })

  it('starts a fresh aggregation set when more than 600 s passed since the last similar event', () => {
    const { record, advance } = correlatorAt()
    for (let i = 1; i <= 9; i++) record(`m${i}`)
    advance(600_001)
    expect(summary(record('m10'))).toBe('Create batch.9 m10')
    const { record: again, advance: wait } = correlatorAt()
    for (let i = 1; i <= 9; i++) again(`m${i}`)
    wait(600_000)
    expect(summary(again('m10'))).toBe(`Create batch.9 ${aggregateMessagePrefix}m10`)
  })

  it('lets a source burst 25 events about an object, then one every 300 s; filtered repeats still count', () => {
    const { record, advance } = correlatorAt()
    for (let i = 1; i <= 25; i++) expect(record('Back-off')._tag).toBe(i === 1 ? 'Create' : 'Patch')
    expect(record('Back-off')._tag).toBe('Skip')
    expect(record('Back-off')._tag).toBe('Skip')
    expect(record('Other', { reason: 'Completed' })._tag).toBe('Skip') // the bucket is per source and object
    expect(record('Back-off', { involvedObject: { kind: 'Job', namespace: 'default', name: 'other', uid: 'u-2', apiVersion: 'batch/v1' } })._tag).toBe('Create')
    advance(299_999)
    expect(record('Back-off')._tag).toBe('Skip')
    advance(1)
    expect(summary(record('Back-off'))).toBe('Patch batch.0 #29 Back-off')
    expect(record('Back-off')._tag).toBe('Skip')
  })

  it('forgets the least recently used key beyond the cache size', () => {
    const { record } = correlatorAt({ cacheSize: 2 })
    record('a')
    record('b')
    record('c')
    expect(summary(record('a'))).toBe('Create batch.3 a')
  })
})
