import * as path from 'node:path'
import { main } from '../main'
import type { CliIo } from '../io'

const run = async (args: ReadonlyArray<string>) => {
  let out = ''
  let err = ''
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), readStdin: () => '', now: () => Date.parse('2026-01-01T00:00:00Z') }
  const code = await main(['node', 'kuberules', ...args], io)
  return { code, out, err }
}
const json = async (args: ReadonlyArray<string>): Promise<ReadonlyArray<string>> => {
  const r = await run([...args, '-o', 'json'])
  expect(r).toMatchObject({ code: 0, err: '' })
  return JSON.parse(r.out) as ReadonlyArray<string>
}

describe('kuberules cron next', () => {
  it('done when: "30 2 * * *" in New York skips 2024-03-10 (spring forward), as Kubernetes does', async () => {
    const r = await run(['cron', 'next', '30 2 * * *', '--tz', 'America/New_York', '--from', '2024-03-09T00:00:00Z', '-n', '3'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(JSON.parse(r.out)).toEqual(['2024-03-09T07:30:00Z', '2024-03-11T06:30:00Z', '2024-03-12T06:30:00Z'])
    const text = await run(['cron', 'next', '30 2 * * *', '--tz', 'America/New_York', '--from', '2024-03-09T00:00:00Z', '-n', '3', '-o', 'text'])
    expect(text.out).toBe('2024-03-09T07:30:00Z\n2024-03-11T06:30:00Z\n2024-03-12T06:30:00Z\n')
  })

  it('runs a fall-back slot twice (New York, 2024-11-03 01:30 EDT and EST)', async () => {
    expect(await json(['cron', 'next', '30 1 * * *', '--tz', 'America/New_York', '--from', '2024-11-02T12:00:00Z', '-n', '3'])).toEqual([
      '2024-11-03T05:30:00Z',
      '2024-11-03T06:30:00Z',
      '2024-11-04T06:30:00Z',
    ])
  })

  it.each<[string, string, string, ReadonlyArray<string>]>([
    // Europe/Berlin springs forward 2024-03-31 02:00 → 03:00 and falls back 2024-10-27 03:00 → 02:00.
    ['30 2 * * *', 'Europe/Berlin', '2024-03-30T00:00:00Z', ['2024-03-30T01:30:00Z', '2024-04-01T00:30:00Z']],
    ['30 2 * * *', 'Europe/Berlin', '2024-10-26T12:00:00Z', ['2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z']],
    // Lord Howe moves by half an hour: 02:00 → 02:30 on 2024-10-06 (02:15 skipped; +10:30 → +11),
    // and 02:00 → 01:30 on 2024-04-07 (01:45 twice).
    ['15 2 * * *', 'Australia/Lord_Howe', '2024-10-04T12:00:00Z', ['2024-10-04T15:45:00Z', '2024-10-06T15:15:00Z']],
    ['45 1 * * *', 'Australia/Lord_Howe', '2024-04-05T12:00:00Z', ['2024-04-05T14:45:00Z', '2024-04-06T14:45:00Z', '2024-04-06T15:15:00Z']],
  ])('%s in %s from %s', async (expr, tz, from, expected) => {
    expect(await json(['cron', 'next', expr, '--tz', tz, '--from', from, '-n', String(expected.length)])).toEqual(expected)
  })

  it('applies the day-of-month/day-of-week star rule: */1 still counts as a star (Mondays only)', async () => {
    expect(await json(['cron', 'next', '0 0 */1 * 1', '--from', '2024-01-01T00:00:00Z', '-n', '2'])).toEqual(['2024-01-08T00:00:00Z', '2024-01-15T00:00:00Z'])
    expect(await json(['cron', 'next', '0 0 13 * 5', '--from', '2024-09-01T00:00:00Z', '-n', '3'])).toEqual([
      '2024-09-06T00:00:00Z',
      '2024-09-13T00:00:00Z',
      '2024-09-20T00:00:00Z',
    ])
  })

  it('is strictly after --from, defaults to 5 times from now in UTC, and knows @every', async () => {
    expect(await json(['cron', 'next', '0 * * * *', '--from', '2024-01-01T10:00:00Z', '-n', '1'])).toEqual(['2024-01-01T11:00:00Z'])
    expect(await json(['cron', 'next', '@hourly'])).toEqual(['01', '02', '03', '04', '05'].map((h) => `2026-01-01T${h}:00:00Z`))
    expect(await json(['cron', 'next', '@every 90m', '--from', '2024-01-01T10:00:30Z', '-n', '2'])).toEqual(['2024-01-01T11:30:30Z', '2024-01-01T13:00:30Z'])
  })

  it('prints an empty list for a schedule that never fires', async () => {
    expect(await json(['cron', 'next', '0 0 31 2 *', '--from', '2024-01-01T00:00:00Z'])).toEqual([])
    const text = await run(['cron', 'next', '0 0 31 2 *', '-o', 'text'])
    expect(text).toEqual({ code: 0, out: '', err: '' })
  })

  it('rejects what Kubernetes rejects, with its validation messages, exit 1', async () => {
    expect(await run(['cron', 'next', '0 0 * * 7'])).toEqual({
      code: 1,
      out: '',
      err: 'spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7\n',
    })
    expect((await run(['cron', 'next', '0 0 * * * *'])).err).toBe('spec.schedule: Invalid value: "0 0 * * * *": expected exactly 5 fields, found 6: [0 0 * * * *]\n')
    expect((await run(['cron', 'next', 'TZ=UTC 0 0 * * *'])).err).toBe(
      'spec.schedule: Invalid value: "TZ=UTC 0 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead\n',
    )
    expect(await run(['cron', 'next', '0 0 * * *', '--tz', 'Mars/Olympus'])).toEqual({
      code: 1,
      out: '',
      err: 'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus\n',
    })
    expect((await run(['cron', 'next', '', '--tz', 'Local'])).err).toBe(
      'spec.schedule: Required value\nspec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones\n',
    )
  })

  it('rejects bad options with exit 1', async () => {
    expect((await run(['cron', 'next', '* * * * *', '--from', 'yesterday'])).code).toBe(1)
    expect((await run(['cron', 'next', '* * * * *', '-n', '-1'])).code).toBe(1)
    expect((await run(['cron', 'next', '* * * * *', '-o', 'yaml'])).code).toBe(1)
    expect((await run(['cron', 'next'])).code).toBe(1)
  })
})

describe('kuberules plan covers CronJobs', () => {
  const hello = path.resolve(__dirname, '../../../examples/seed/hello-cronjob.yaml')

  it('plans the seed hello CronJob: the first minute\'s Job, named by the minute, then a requeue', async () => {
    const r = await run(['plan', '-f', hello, '--now', '2026-01-01T00:01:00Z', '-o', 'json'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as { actions: Array<{ type: string; job?: { metadata: { name: string } }; afterSeconds?: number }> }
    expect(doc.actions.map((a) => a.type)).toEqual(['CreateJob', 'RecordEvent', 'UpdateStatus', 'Requeue'])
    expect(doc.actions[0]?.job?.metadata.name).toBe('hello-29453761')
    expect(doc.actions[3]?.afterSeconds).toBe(60.1)
  })

  it('rejects an invalid CronJob with the API server\'s message', async () => {
    let err = ''
    const io: CliIo = { out: () => {}, err: (t) => (err += t), now: () => 0, readStdin: () => JSON.stringify({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'bad' },
      spec: { schedule: '0 0 * * 7', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }], restartPolicy: 'Never' } } } } },
    }) }
    expect(await main(['node', 'kuberules', 'plan', '-f', '-'], io)).toBe(1)
    expect(err).toBe('The CronJob "bad" is invalid: spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7\n')
  })
})
