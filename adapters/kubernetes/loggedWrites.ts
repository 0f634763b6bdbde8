import * as E from 'fp-ts/Either'
import type { Pod } from '../../core/api'
import { targetNodeOf } from '../../core/scheduling'
import type { ApiResult, ClusterApi, KubeObject } from '../runtime/clusterApi'

interface Target {
  readonly resource: { readonly resource: string }
  readonly namespace?: string
  readonly name: string
}

const describeTarget = (t: Target): string => `${t.resource.resource} ${t.namespace !== undefined && t.namespace !== '' ? `${t.namespace}/` : ''}${t.name}`

/** ` on node <n>` for a pod pinned or bound to a node. */
const onNode = (object: KubeObject): string => {
  if (object.kind !== 'Pod' || typeof object['spec'] !== 'object') return ''
  const node = E.getOrElse(() => '')(targetNodeOf(object as unknown as Pod))
  return node !== '' ? ` on node ${node}` : ''
}

/**
 * Logs every write the controllers make, one line each: what was done to which object, or why it
 * was not done. Reads and watches pass through unlogged.
 */
export const loggedWrites = (api: ClusterApi, log: (line: string) => void): ClusterApi => {
  const logged = async <A>(done: string, todo: string, target: string, result: ApiResult<A>, detail: (a: A) => string = () => ''): ApiResult<A> => {
    const answer = await result
    if (E.isRight(answer)) log(`${done} ${target}${detail(answer.right)}`)
    else log(`could not ${todo} ${target}: ${answer.left.status.message}`)
    return answer
  }
  return {
    ...api,
    create: (r) => {
      const name = r.body.metadata?.name ?? `${r.body.metadata?.generateName ?? ''}*`
      const target = describeTarget({ resource: r.resource, name, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}) })
      return logged('created', 'create', target, api.create(r), (o) => (o.metadata.name !== name ? ` as ${o.metadata.name ?? ''}` : '') + onNode(o))
    },
    update: (r) => logged('updated', 'update', describeTarget(r), api.update(r)),
    updateStatus: (r) => logged('updated status of', 'update status of', describeTarget(r), api.updateStatus(r)),
    patch: (r) => logged('patched', 'patch', describeTarget(r), api.patch(r), () => ` ${JSON.stringify(r.patch)}`),
    delete: (r) => logged('deleted', 'delete', describeTarget(r), api.delete(r)),
  }
}
