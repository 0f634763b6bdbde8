import { streamReader, testClient } from './testClient'
import { serveTestCluster, type ServedCluster } from './testCluster'

/** Pod logs over HTTP: follow until the container ends or the pod goes, and the tail/timestamp options. */
let served: ServedCluster
beforeAll(async () => {
  // Five times real time: a 5 s run takes one second.
  served = await serveTestCluster({ nodes: 1, speed: 5 })
})
afterAll(() => served.stop())

const { call, send } = testClient(() => served.api.url)
const pods = '/api/v1/namespaces/default/pods'
/** The simulated runtime's log: one line saying what would have run. */
const line = '[kuberules simulated runtime] container c (busybox) ran: sh -c echo hello; echo world\n'

const pod = (name: string, runSeconds?: number): unknown => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, annotations: { 'sim.kuberules.io/start-seconds': '1', ...(runSeconds !== undefined ? { 'sim.kuberules.io/run-seconds': String(runSeconds) } : {}) } },
  spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hello; echo world'] }] },
})

type Status = { phase?: string; containerStatuses?: ReadonlyArray<{ state?: { running?: { startedAt: string }; terminated?: unknown } }> }
const statusOf = async (name: string): Promise<Status> => ((await call(`${pods}/${name}`)).body['status'] ?? {}) as Status

const untilRunning = async (name: string): Promise<string> => {
  for (let i = 0; i < 100; i++) {
    const started = (await statusOf(name)).containerStatuses?.[0]?.state?.running?.startedAt
    if (started !== undefined) return started
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${name} never ran`)
}

describe('pod logs', () => {
  it('follow=true streams the log and ends when the container terminates', async () => {
    await send('POST', pods, pod('short', 5))
    await untilRunning('short')
    const res = await fetch(`${served.api.url}${pods}/short/log?follow=true`)
    expect(res.status).toBe(200)
    const log = streamReader(res)
    expect(await log.until((t) => t.includes('world\n'), 2000)).toEqual({ text: line, ended: false })
    expect(await log.until(() => false, 5000)).toEqual({ text: line, ended: true })
    expect((await statusOf('short')).containerStatuses?.[0]?.state?.terminated).toBeDefined()
    // A finished container's log is served whole, follow or not.
    expect((await call(`${pods}/short/log?follow=true`)).text).toBe(line)
  })

  it('follow=true ends when the pod is deleted', async () => {
    await send('POST', pods, pod('forever'))
    await untilRunning('forever')
    const res = await fetch(`${served.api.url}${pods}/forever/log?follow=true`)
    const log = streamReader(res)
    expect((await log.until((t) => t.includes('world\n'), 2000)).ended).toBe(false)
    await send('DELETE', `${pods}/forever`, { gracePeriodSeconds: 0 })
    expect((await log.until(() => false, 5000)).ended).toBe(true)
  })

  it('tailLines, timestamps and limitBytes shape the text; bad options are a Status', async () => {
    await send('POST', pods, pod('opts'))
    const started = await untilRunning('opts')
    expect((await call(`${pods}/opts/log?tailLines=1`)).text).toBe(line)
    expect((await call(`${pods}/opts/log?tailLines=0`)).text).toBe('')
    expect((await call(`${pods}/opts/log?timestamps=true&tailLines=1`)).text).toBe(`${started} ${line}`)
    expect((await call(`${pods}/opts/log?limitBytes=11`)).text).toBe('[kuberules ')
    const negative = await call(`${pods}/opts/log?tailLines=-1`)
    expect(negative.body).toMatchObject({ kind: 'Status', code: 422, reason: 'Invalid', message: 'PodLogOptions "opts" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0' })
    const previous = await call(`${pods}/opts/log?previous=true`)
    expect(previous.body).toMatchObject({ code: 400, message: 'previous terminated container "c" in pod "opts" not found' })
    const container = await call(`${pods}/opts/log?container=nosuch`)
    expect(container.body).toMatchObject({ code: 400, message: 'container nosuch is not valid for pod opts' })
  })
})
