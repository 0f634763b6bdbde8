import * as E from 'fp-ts/Either'
import { formatInstant, notSupported, required, formatFieldError, type FieldError, isJson } from '../../core/api'
import type { KubeObject } from '../runtime/clusterApi'
import { badRequest, conflict, failure, type Status } from './status'

/** What a `v1.Binding` asks for: the pod (its name), the node, and annotations to merge into the pod. */
export interface BindRequest {
  readonly namespace: string
  readonly name: string
  readonly nodeName: string
  readonly annotations?: Readonly<Record<string, string>>
  readonly dryRun?: boolean
}

const podsBinding = { group: '', resource: 'pods/binding' }

type Condition = Readonly<Record<string, unknown>> & { readonly type?: unknown; readonly status?: unknown }


/**
 * Reads a `v1.Binding` body as `BindingREST.Create` does: the name must be the one in the URL
 * (400 otherwise), and `ValidatePodBinding` wants a target name and a kind that is empty or
 * `Node`. Its errors are returned as a plain aggregate, not a StatusError, so the apiserver's
 * `ErrorToAPIStatus` answers them as a 500 with reason Unknown and the aggregate as message;
 * that quirk is kept.
 */
export const readBinding = (namespace: string, nameInUrl: string, body: unknown): E.Either<Status, BindRequest> => {
  const binding = isJson(body) ? body : {}
  const meta = isJson(binding['metadata']) ? binding['metadata'] : {}
  const target = isJson(binding['target']) ? binding['target'] : {}
  const name = typeof meta['name'] === 'string' ? meta['name'] : ''
  if (name !== nameInUrl) return E.left(badRequest('name in URL does not match name in Binding object'))
  const kind = typeof target['kind'] === 'string' ? target['kind'] : ''
  const nodeName = typeof target['name'] === 'string' ? target['name'] : ''
  const errors: FieldError[] = []
  if (kind !== '' && kind !== 'Node') errors.push(notSupported('target.kind', kind, ['Node', '<empty>']))
  if (nodeName === '') errors.push(required('target.name', ''))
  if (errors.length > 0) {
    const texts = errors.map(formatFieldError)
    return E.left(failure(500, 'Unknown', texts.length === 1 ? (texts[0] ?? '') : `[${texts.join(', ')}]`))
  }
  const annotations = isJson(meta['annotations']) ? (meta['annotations'] as Readonly<Record<string, string>>) : undefined
  return E.right({ namespace, name, nodeName, ...(annotations !== undefined ? { annotations } : {}) })
}

/**
 * `podutil.UpdatePodCondition` with `PodScheduled=True`: a new condition is appended with
 * lastTransitionTime now; an existing one is replaced whole (reason and message go), keeping
 * its lastTransitionTime when its status was True already.
 */
const withPodScheduled = (conditions: ReadonlyArray<Condition>, now: number): ReadonlyArray<Condition> => {
  const index = conditions.findIndex((c) => c.type === 'PodScheduled')
  const old = index < 0 ? undefined : conditions[index]
  const since = old !== undefined && old.status === 'True' ? old['lastTransitionTime'] : formatInstant(now)
  const scheduled: Condition = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: since }
  return index < 0 ? [...conditions, scheduled] : conditions.map((c, i) => (i === index ? scheduled : c))
}

/**
 * `setPodHostAndAnnotations` of the binding subresource: a terminating pod or one already on a
 * node is a 409 on `pods/binding`; otherwise the pod gets `spec.nodeName`, the annotations and
 * the PodScheduled condition. Like upstream, nothing else of the pod is defaulted or validated
 * again: the write goes straight to storage.
 */
export const bindPod = (pod: KubeObject, request: BindRequest, now: number): E.Either<Status, KubeObject> => {
  const name = pod.metadata.name ?? ''
  if (pod.metadata.deletionTimestamp != null) {
    return E.left(conflict(podsBinding, name, `pod ${name} is being deleted, cannot be assigned to a host`))
  }
  const spec = (pod['spec'] ?? {}) as Readonly<Record<string, unknown>>
  const current = typeof spec['nodeName'] === 'string' ? spec['nodeName'] : ''
  if (current !== '') return E.left(conflict(podsBinding, name, `pod ${name} is already assigned to node ${JSON.stringify(current)}`))
  const status = (pod['status'] ?? {}) as Readonly<Record<string, unknown>>
  const conditions = Array.isArray(status['conditions']) ? (status['conditions'] as ReadonlyArray<Condition>) : []
  const annotations = request.annotations === undefined ? pod.metadata.annotations : { ...pod.metadata.annotations, ...request.annotations }
  return E.right({
    ...pod,
    metadata: { ...pod.metadata, ...(annotations !== undefined ? { annotations } : {}) },
    spec: { ...spec, nodeName: request.nodeName },
    status: { ...status, conditions: withPodScheduled(conditions, now) },
  })
}
