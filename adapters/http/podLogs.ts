import type { ServerResponse } from 'node:http'
import * as E from 'fp-ts/Either'
import { invalid as invalidField, type FieldError } from '../../core/api'
import type { CapturedLine, ContainerLogs } from '../memory/containerLog'
import type { MemoryStore } from '../memory/memoryStore'
import { badRequest, invalid, type Status } from '../memory/status'
import { Resources, type KubeObject } from '../runtime/clusterApi'
import { sendStatus } from './errors'

interface ContainerView {
  readonly name?: string
  readonly image?: string
  readonly command?: ReadonlyArray<string>
  readonly args?: ReadonlyArray<string>
}
interface StateView {
  readonly waiting?: { readonly reason?: string }
  readonly running?: { readonly startedAt?: string }
  readonly terminated?: { readonly startedAt?: string }
}
interface StatusView {
  readonly name?: string
  readonly restartCount?: number
  readonly state?: StateView
  readonly lastState?: StateView
}
interface PodView {
  readonly spec?: { readonly containers?: ReadonlyArray<ContainerView> }
  readonly status?: { readonly containerStatuses?: ReadonlyArray<StatusView> }
}

/** `PodLogOptions` as the query string carries them. */
interface LogOptions {
  readonly container: string | null
  readonly follow: boolean
  readonly previous: boolean
  readonly timestamps: boolean
  readonly tailLines?: number
  readonly limitBytes?: number
  readonly sinceMs?: number
}

const flag = (q: URLSearchParams, name: string): boolean => q.get(name) === 'true' || q.get(name) === '1'

/** The options, checked as `ValidatePodLogOptions` does (422 naming the option). */
const parseOptions = (q: URLSearchParams, name: string, now: number): E.Either<Status, LogOptions> => {
  const errors: FieldError[] = []
  const integer = (key: string, min: number, text: string): number | undefined => {
    const raw = q.get(key)
    if (raw === null || raw === '') return undefined
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min) errors.push(invalidField(key, Number.isNaN(n) ? raw : n, Number.isInteger(n) ? text : 'must be an integer'))
    return n
  }
  const tailLines = integer('tailLines', 0, 'must be greater than or equal to 0')
  const limitBytes = integer('limitBytes', 1, 'must be greater than 0')
  const sinceSeconds = integer('sinceSeconds', 1, 'must be greater than 0')
  const sinceTime = q.get('sinceTime')
  if (sinceSeconds !== undefined && sinceTime !== null) errors.push(invalidField('sinceSeconds', sinceSeconds, 'at most one of `sinceTime` or `sinceSeconds` may be specified'))
  const sinceParsed = sinceTime !== null ? Date.parse(sinceTime) : undefined
  if (sinceParsed !== undefined && Number.isNaN(sinceParsed)) errors.push(invalidField('sinceTime', sinceTime, 'must be an RFC 3339 time'))
  if (errors.length > 0) return E.left(invalid({ group: '', kind: 'PodLogOptions' }, name, errors))
  const sinceMs = sinceSeconds !== undefined ? now - sinceSeconds * 1000 : sinceParsed
  return E.right({
    container: q.get('container'),
    follow: flag(q, 'follow'),
    previous: flag(q, 'previous'),
    timestamps: flag(q, 'timestamps'),
    ...(tailLines !== undefined ? { tailLines } : {}),
    ...(limitBytes !== undefined ? { limitBytes } : {}),
    ...(sinceMs !== undefined ? { sinceMs } : {}),
  })
}

interface LogLine {
  readonly at: string
  readonly text: string
}

/** The container a request means, and its status; the kubelet's errors for an unknown or unstarted one. */
const pick = (pod: KubeObject, options: LogOptions): E.Either<string, { readonly container: ContainerView; readonly status: StatusView }> => {
  const { spec, status } = pod as unknown as PodView
  const containers = spec?.containers ?? []
  const name = pod.metadata.name ?? ''
  const { container } = options
  const chosen = container === null ? containers[0] : containers.find((c) => c.name === container)
  if (chosen === undefined || (container === null && containers.length > 1)) {
    const names = containers.map((c) => c.name ?? '').join(' ')
    return E.left(container === null ? `a container name must be specified for pod ${name}, choose one of: [${names}]` : `container ${container} is not valid for pod ${name}`)
  }
  const state = (status?.containerStatuses ?? []).find((s) => s.name === chosen.name)
  if (options.previous) {
    return state?.lastState?.terminated !== undefined ? E.right({ container: chosen, status: state }) : E.left(`previous terminated container "${chosen.name ?? ''}" in pod "${name}" not found`)
  }
  if (state === undefined || state.state?.waiting !== undefined || (state.state?.running === undefined && state.state?.terminated === undefined)) {
    return E.left(`container "${chosen.name ?? ''}" in pod "${name}" is waiting to start: ${state?.state?.waiting?.reason ?? 'ContainerCreating'}`)
  }
  return E.right({ container: chosen, status: state })
}

/**
 * The simulated runtime runs no processes, so its log is one synthetic line saying what would
 * have run, stamped with the start of that run (`serve --runtime process` captures real output).
 */
const logLines = (container: ContainerView, status: StatusView, previous: boolean): ReadonlyArray<LogLine> => {
  const run = previous ? status.lastState : status.state
  const at = run?.running?.startedAt ?? run?.terminated?.startedAt ?? ''
  const command = [...(container.command ?? []), ...(container.args ?? [])].join(' ')
  return [{ at, text: `[kuberules simulated runtime] container ${container.name ?? ''} (${container.image ?? ''})${command !== '' ? ` ran: ${command}` : ''}` }]
}

/** A line a process printed, stamped with when it arrived (RFC 3339 with milliseconds). */
const stamped = (line: CapturedLine): LogLine => ({ at: new Date(line.at).toISOString(), text: line.text })
const lineText = (line: LogLine, timestamps: boolean): string => `${timestamps ? `${line.at} ` : ''}${line.text}\n`

const render = (lines: ReadonlyArray<LogLine>, options: LogOptions): string => {
  const since = options.sinceMs
  const kept = lines.filter((l) => since === undefined || Date.parse(l.at) >= since)
  const tail = options.tailLines !== undefined ? kept.slice(Math.max(0, kept.length - options.tailLines)) : kept
  const text = tail.map((l) => `${options.timestamps ? `${l.at} ` : ''}${l.text}\n`).join('')
  return options.limitBytes !== undefined ? Buffer.from(text).subarray(0, options.limitBytes).toString('utf8') : text
}

const isDone = (pod: KubeObject, containerName: string | undefined): boolean =>
  ((pod as unknown as PodView).status?.containerStatuses ?? []).some((s) => s.name === containerName && s.state?.terminated !== undefined)

/**
 * `GET /api/v1/namespaces/{ns}/pods/{name}/log`, as text/plain like the kubelet's stream. With
 * `follow`, the stream stays open while the container runs and ends when it terminates, restarts
 * or the pod is deleted (or replaced under the same name).
 */
export const servePodLog = (store: MemoryStore, namespace: string, name: string, query: URLSearchParams, res: ServerResponse, logs?: ContainerLogs): void => {
  const pod = store.get({ resource: Resources.pods, namespace, name })
  if (E.isLeft(pod)) return sendStatus(res, pod.left)
  const options = parseOptions(query, name, store.clock.now())
  if (E.isLeft(options)) return sendStatus(res, options.left)
  const chosen = pick(pod.right, options.right)
  if (E.isLeft(chosen)) return sendStatus(res, badRequest(chosen.left))
  // What the process runtime captured, when it ran this container; the simulated log otherwise.
  const podUid = pod.right.metadata.uid ?? ''
  const captured = logs?.lines(podUid, chosen.right.container.name ?? '', options.right.previous)
  const text = render(captured?.map(stamped) ?? logLines(chosen.right.container, chosen.right.status, options.right.previous), options.right)
  const containerName = chosen.right.container.name
  if (!options.right.follow || options.right.previous || isDone(pod.right, containerName)) {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) })
    return void res.end(text)
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' })
  res.flushHeaders()
  res.write(text)
  if (captured !== undefined && logs !== undefined) {
    const unfollow = logs.follow(podUid, chosen.right.container.name ?? '', (line) => void (res.writableEnded ? undefined : res.write(lineText(stamped(line), options.right.timestamps))))
    res.on('close', unfollow)
  }
  const uid = pod.right.metadata.uid
  const statusOf = (p: KubeObject): StatusView | undefined => ((p as unknown as PodView).status?.containerStatuses ?? []).find((c) => c.name === containerName)
  const startedWith = statusOf(pod.right)?.restartCount ?? 0
  const watch = store.watch({ resource: Resources.pods, namespace, fieldSelector: `metadata.name=${name}`, resourceVersion: pod.right.metadata.resourceVersion ?? '' })
  const subscription = watch.subscribe({
    next: (event) => {
      const ended =
        event.type === 'DELETED' || event.type === 'ERROR' || event.object.metadata.uid !== uid || isDone(event.object, containerName) || (statusOf(event.object)?.restartCount ?? 0) !== startedWith
      if (ended && !res.writableEnded) res.end()
    },
    complete: () => void (res.writableEnded ? undefined : res.end()),
  })
  res.on('close', () => subscription.unsubscribe())
}
