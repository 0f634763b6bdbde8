import * as E from 'fp-ts/Either'
import { nameOf, type ObjectRef } from '../../core/api'
import { slowStartBatches } from '../../core/daemonset'
import { recordEvent, type CreatePod } from '../../core/plan'
import type { ClusterApi } from './clusterApi'
import { Resources } from './clusterApi'
import type { ExecutionContext, ActionFailure } from './executionContext'

const ownerRefOf = (action: CreatePod): ObjectRef => ({ kind: action.owner.kind, namespace: action.owner.namespace, name: action.owner.name })

/** One create, with `RealPodControl`'s events; a failed create is counted as observed (it never will be). */
const createOne = async (api: ClusterApi, action: CreatePod, ctx: ExecutionContext): Promise<ActionFailure | undefined> => {
  const namespace = action.pod.metadata.namespace ?? action.owner.namespace
  const created = await api.create({ resource: Resources.pods, namespace, body: action.pod })
  const owner = ownerRefOf(action)
  if (E.isRight(created)) {
    if (ctx.podControlEvents.created) ctx.record(recordEvent(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${nameOf(created.right)}`))
    return undefined
  }
  if (ctx.expectations !== undefined) ctx.expectations.store.creationObserved(ctx.expectations.key)
  if (ctx.podControlEvents.created) ctx.record(recordEvent(owner, 'Warning', 'FailedCreate', `Error creating: ${created.left.status.message}`))
  return { action, error: created.left }
}

/**
 * Issues creates in slow-start batches of 1, 2, 4, … (`slowStartBatch`): the creates of a batch
 * go out together, and after a batch with a failure the rest are not attempted and are taken off
 * the expectations (`LowerExpectations`), so a systemic error costs a handful of calls, not
 * hundreds. Returns the failures and how many pods were created.
 */
export const createPods = async (
  api: ClusterApi,
  group: ReadonlyArray<CreatePod>,
  ctx: ExecutionContext,
): Promise<{ readonly failures: ReadonlyArray<ActionFailure>; readonly created: number }> => {
  const failures: ActionFailure[] = []
  let created = 0
  let next = 0
  for (const size of slowStartBatches(group.length)) {
    const batch = group.slice(next, next + size)
    next += size
    const outcomes = await Promise.all(batch.map((action) => createOne(api, action, ctx)))
    const failed = outcomes.filter((f): f is ActionFailure => f !== undefined)
    failures.push(...failed)
    created += batch.length - failed.length
    if (failed.length > 0) {
      const skipped = group.length - next
      if (skipped > 0 && ctx.expectations !== undefined) ctx.expectations.store.lower(ctx.expectations.key, skipped, 0)
      break
    }
  }
  return { failures, created }
}
