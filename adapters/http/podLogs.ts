import type { ServerResponse } from 'node:http'
import * as E from 'fp-ts/Either'
import type { MemoryStore } from '../memory/memoryStore'
import { badRequest } from '../memory/status'
import { Resources, type KubeObject } from '../runtime/clusterApi'
import { sendStatus } from './errors'

interface ContainerView {
  readonly name?: string
  readonly image?: string
  readonly command?: ReadonlyArray<string>
  readonly args?: ReadonlyArray<string>
}
interface PodView {
  readonly spec?: { readonly containers?: ReadonlyArray<ContainerView> }
  readonly status?: { readonly containerStatuses?: ReadonlyArray<{ readonly name?: string; readonly state?: { readonly waiting?: { readonly reason?: string } } }> }
}

/**
 * The simulated runtime runs no processes, so a log is a short synthetic one saying what would
 * have run. The errors are the kubelet's: an unknown container, or one still waiting to start.
 */
const logText = (pod: KubeObject, container: string | null): E.Either<string, string> => {
  const { spec, status } = pod as unknown as PodView
  const containers = spec?.containers ?? []
  const name = pod.metadata.name ?? ''
  const chosen = container === null ? containers[0] : containers.find((c) => c.name === container)
  if (chosen === undefined || (container === null && containers.length > 1)) {
    const names = containers.map((c) => c.name ?? '').join(' ')
    return E.left(container === null ? `a container name must be specified for pod ${name}, choose one of: [${names}]` : `container ${container} is not valid for pod ${name}`)
  }
  const state = (status?.containerStatuses ?? []).find((s) => s.name === chosen.name)
  if (state === undefined || state.state?.waiting !== undefined) {
    return E.left(`container "${chosen.name ?? ''}" in pod "${name}" is waiting to start: ${state?.state?.waiting?.reason ?? 'ContainerCreating'}`)
  }
  const command = [...(chosen.command ?? []), ...(chosen.args ?? [])].join(' ')
  return E.right(`[kuberules simulated runtime] container ${chosen.name ?? ''} (${chosen.image ?? ''})${command !== '' ? ` ran: ${command}` : ''}\n`)
}

/** `GET /api/v1/namespaces/{ns}/pods/{name}/log`, as text/plain like the kubelet's stream. */
export const servePodLog = (store: MemoryStore, namespace: string, name: string, query: URLSearchParams, res: ServerResponse): void => {
  const pod = store.get({ resource: Resources.pods, namespace, name })
  if (E.isLeft(pod)) return sendStatus(res, pod.left)
  const text = logText(pod.right, query.get('container'))
  if (E.isLeft(text)) return sendStatus(res, badRequest(text.left))
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text.right) })
  res.end(text.right)
}
