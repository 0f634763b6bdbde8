import { absurd } from 'fp-ts/function'
import type { ObjectRef } from '../api/meta'
import type { Action } from './action'

const ref = (r: ObjectRef): string => `${r.kind.toLowerCase()}/${r.namespace}/${r.name}`

const targetNodeOf = (a: Extract<Action, { type: 'CreatePod' }>): string | undefined => {
  const terms = a.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
  const field = terms[0]?.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In')
  return a.pod.spec.nodeName ?? field?.values?.[0]
}

/** One line for people: what the action does and why (`kuberules plan -o text`). */
export const describeAction = (a: Action): string => {
  switch (a.type) {
    case 'CreatePod': {
      const name = a.pod.metadata.name ?? `${a.pod.metadata.generateName ?? ''}*`
      const node = targetNodeOf(a)
      return `CreatePod ${a.pod.metadata.namespace ?? a.owner.namespace}/${name} for ${ref(a.owner)}${node !== undefined ? ` on node ${node}` : ''}`
    }
    case 'DeletePod':
      return `DeletePod ${a.namespace}/${a.name} (${a.reason})`
    case 'UpdatePod':
      return `UpdatePod ${a.namespace}/${a.name} ${JSON.stringify(a.patch)}`
    case 'CreateJob':
      return `CreateJob ${a.owner.namespace}/${String((a.job['metadata'] as { name?: string } | undefined)?.name ?? '')} for ${ref(a.owner)}`
    case 'DeleteJob':
      return `DeleteJob ${a.namespace}/${a.name} (${a.reason}, propagation ${a.propagationPolicy})`
    case 'CreateRevision':
      return `CreateRevision ${a.revision.metadata.namespace ?? ''}/${a.revision.metadata.name ?? ''} (revision ${a.revision.revision})`
    case 'UpdateRevision':
      return `UpdateRevision ${a.revision.metadata.namespace ?? ''}/${a.revision.metadata.name ?? ''} (revision ${a.revision.revision})`
    case 'DeleteRevision':
      return `DeleteRevision ${a.namespace}/${a.name}`
    case 'UpdateStatus':
      return `UpdateStatus ${ref(a.target)} ${JSON.stringify(a.status)}`
    case 'RecordEvent':
      return `RecordEvent ${ref(a.involvedObject)} ${a.eventType} ${a.reason}: ${a.message}`
    case 'Requeue':
      return `Requeue ${ref(a.target)} after ${a.afterSeconds}s`
    default:
      return absurd(a)
  }
}
