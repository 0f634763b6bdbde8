import * as E from 'fp-ts/Either'
import { absurd } from 'fp-ts/function'
import { nameOf, syntheticUid, type ObjectRef } from '../../core/api'
import { recordEvent, type Action, type CreatePod, type Plan, type Requeue } from '../../core/plan'
import type { ApiError } from '../memory/errors'
import { Resources, type ApiResult } from './clusterApi'
import { createPods } from './createPods'
import type { ActionFailure, Execution, ExecutionContext } from './executionContext'
import { apiVersionOfResource, resourceOfKind } from './kindResources'

/** How one action ended: done, failed (and whether the rest of the plan may still run), or nothing to do. */
type Step = { readonly _tag: 'Done' } | { readonly _tag: 'Failed'; readonly error: ApiError; readonly abort: boolean } | { readonly _tag: 'Skipped' }

const done: Step = { _tag: 'Done' }
const skipped: Step = { _tag: 'Skipped' }

/** NotFound is success for deletes and for patches of objects already gone (upstream ignores it there). */
const settle = async (result: ApiResult<unknown>, abort: boolean, notFoundIsDone = false): Promise<Step> => {
  const answer = await result
  if (E.isRight(answer)) return done
  if (notFoundIsDone && answer.left._tag === 'NotFound') return skipped
  return { _tag: 'Failed', error: answer.left, abort }
}

const refKey = (r: ObjectRef): string => `${r.kind}/${r.namespace}/${r.name}`

/** Replaces every string that is a key of `uids` (a placeholder uid) by its value, anywhere in `value`. */
const rewriteUids = (value: unknown, uids: ReadonlyMap<string, string>): unknown => {
  if (typeof value === 'string') return uids.get(value) ?? value
  if (Array.isArray(value)) return value.map((v) => rewriteUids(v, uids))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteUids(v, uids)]))
  return value
}

/**
 * Carries out a plan against `ClusterApi`, action by action in plan order (the one place where a
 * controller's decisions become API calls). Runs of `CreatePod` go out in slow-start batches;
 * deletes treat NotFound as done; status writes carry the resourceVersion the sync read, so a
 * stale read ends in a 409 and a retried sync. Pod-create and -delete failures are collected and
 * the plan goes on (as `manage` still stores status); any other failed write stops the plan,
 * because later actions depend on it (Job finalizers are removed only after the status that
 * counts those pods was stored). Events are recorded after the calls that they report.
 */
export const executePlan = async (plan: Plan, ctx: ExecutionContext): Promise<Execution> => {
  const { api } = ctx
  const actions = plan.actions
  const failures: ActionFailure[] = []
  const requeues: Requeue[] = []
  const versions = new Map<string, string>()
  // A reducer names the uid of a Job it creates by `syntheticUid` (it cannot know the server's);
  // once the server has answered, later status writes of this plan carry the real one.
  const createdUids = new Map<string, string>()
  let writes = 0

  if (ctx.expectations !== undefined) {
    const creates = actions.filter((a) => a.type === 'CreatePod').length
    const deletes = actions.filter((a) => a.type === 'DeletePod').length
    if (creates + deletes > 0) ctx.expectations.store.set(ctx.expectations.key, creates, deletes)
  }

  const deletePod = async (action: Extract<Action, { type: 'DeletePod' }>): Promise<Step> => {
    const result = await api.delete({ resource: Resources.pods, namespace: action.namespace, name: action.name })
    if (E.isRight(result)) {
      if (ctx.podControlEvents.deleted) ctx.record(recordEvent(ctx.subject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${action.name}`))
      return done
    }
    // A delete that failed (or found nothing) will never be observed as one.
    if (ctx.expectations !== undefined) ctx.expectations.store.deletionObserved(ctx.expectations.key)
    if (result.left._tag === 'NotFound') return skipped
    if (ctx.podControlEvents.deleted) ctx.record(recordEvent(ctx.subject, 'Warning', 'FailedDelete', `Error deleting: ${result.left.status.message}`))
    return { _tag: 'Failed', error: result.left, abort: false }
  }

  const updateStatus = async (action: Extract<Action, { type: 'UpdateStatus' }>): Promise<Step> => {
    const resource = resourceOfKind(action.target.kind)
    if (resource === undefined) return skipped
    const version = versions.get(refKey(action.target)) ?? ctx.versionOf(action.target)
    const body = {
      apiVersion: apiVersionOfResource(resource),
      kind: action.target.kind,
      metadata: { name: action.target.name, namespace: action.target.namespace, ...(version !== undefined ? { resourceVersion: version } : {}) },
      status: createdUids.size === 0 ? action.status : rewriteUids(action.status, createdUids),
    }
    const result = await api.updateStatus({ resource, namespace: action.target.namespace, name: action.target.name, body })
    if (E.isLeft(result)) return { _tag: 'Failed', error: result.left, abort: true }
    const written = result.right.metadata.resourceVersion
    if (written !== undefined) versions.set(refKey(action.target), written)
    return done
  }

  const createJob = async (action: Extract<Action, { type: 'CreateJob' }>): Promise<Step> => {
    const meta = (action.job['metadata'] ?? {}) as { readonly namespace?: string; readonly name?: string }
    const namespace = meta.namespace ?? action.owner.namespace
    const result = await api.create({ resource: Resources.jobs, namespace, body: action.job })
    if (E.isLeft(result)) return { _tag: 'Failed', error: result.left, abort: true }
    const uid = result.right.metadata.uid
    if (uid !== undefined) createdUids.set(syntheticUid(namespace, nameOf(result.right)), uid)
    return done
  }

  const run = async (action: Action): Promise<Step> => {
    switch (action.type) {
      case 'CreatePod':
        return skipped // issued in slow-start groups below
      case 'DeletePod':
        return deletePod(action)
      case 'UpdatePod':
        return settle(
          api.patch({ resource: Resources.pods, namespace: action.namespace, name: action.name, patchType: 'application/merge-patch+json', patch: action.patch }),
          true,
          true,
        )
      case 'CreateJob':
        return createJob(action)
      case 'DeleteJob':
        return settle(
          api.delete({ resource: Resources.jobs, namespace: action.namespace, name: action.name, propagationPolicy: action.propagationPolicy }),
          false,
          true,
        )
      case 'CreateRevision':
        return settle(api.create({ resource: Resources.controllerRevisions, namespace: action.revision.metadata.namespace ?? '', body: action.revision }), true)
      case 'UpdateRevision':
        return settle(
          api.update({ resource: Resources.controllerRevisions, namespace: action.revision.metadata.namespace ?? '', name: nameOf(action.revision), body: action.revision }),
          true,
        )
      case 'DeleteRevision':
        return settle(api.delete({ resource: Resources.controllerRevisions, namespace: action.namespace, name: action.name }), false, true)
      case 'UpdateStatus':
        return updateStatus(action)
      case 'RecordEvent':
      case 'Requeue':
        return skipped // handled by the loop below without an await
      default:
        return absurd(action)
    }
  }

  for (let i = 0; i < actions.length; i++) {
    const action = actions[i]
    if (action === undefined) continue
    if (action.type === 'CreatePod') {
      const group: CreatePod[] = []
      for (let a = actions[i]; a !== undefined && a.type === 'CreatePod'; a = actions[++i]) group.push(a)
      i--
      const outcome = await createPods(api, group, ctx)
      failures.push(...outcome.failures)
      writes += outcome.created
      continue
    }
    // Events and requeues call no API: handled here, they cost no promise and no microtask turn.
    if (action.type === 'RecordEvent') {
      ctx.record(action)
      continue
    }
    if (action.type === 'Requeue') {
      requeues.push(action)
      continue
    }
    const step = await run(action)
    if (step._tag === 'Done') writes++
    if (step._tag !== 'Failed') continue
    failures.push({ action, error: step.error })
    if (step.abort) {
      // The rest of the plan is dropped, but its requeues still say when to look again.
      for (const rest of actions.slice(i + 1)) if (rest.type === 'Requeue') requeues.push(rest)
      return { failures, requeues, aborted: true, writes }
    }
  }
  return { failures, requeues, aborted: false, writes }
}
