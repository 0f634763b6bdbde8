import * as E from 'fp-ts/Either'
import { of, Subject } from 'rxjs'
import { isJson } from '../../core/api'
import { Resources, type GetRequest, type GroupVersionResource, type KubeObject, type ObjectBody, type WatchEvent } from '../runtime/clusterApi'
import { applyPatch } from './applyPatch'
import { deepFreeze } from './deepFreeze'
import { EventHistory, type StoreChange } from './eventHistory'
import { jsonClone } from './jsonClone'
import { jsonEqual } from './jsonEqual'
import { compileFilter } from './objectFilter'
import type { MemoryStore, MemoryStoreOptions } from './memoryStore'
import { ObjectTable } from './objectTable'
import { bindPod } from './podBinding'
import { checkDeletePreconditions, isFinished, planDeletion } from './planDeletion'
import { prepareCreate, prepareStatusUpdate, prepareUpdate, type WriteTarget } from './prepareWrite'
import { apiVersionOf, builtinResources, resourceKey, type ResourceInfo } from './resources'
import { seededIds } from './seededIds'
import { alreadyExists, badRequest, notFound, unknownResource, type Status } from './status'
import { watchChanges } from './watch'

const generateNameAttempts = 100

/** Creates an empty in-memory API server on the given virtual clock (see `MemoryStore`). */
export const createMemoryStore = (options: MemoryStoreOptions): MemoryStore => {
  const { clock } = options
  const ids = options.ids ?? seededIds(options.seed ?? 0)
  const resources = new Map<string, ResourceInfo>([...builtinResources, ...(options.resources ?? [])].map((r) => [resourceKey(r), r]))
  const table = new ObjectTable()
  const kindLookups = new Map<string, ResourceInfo | undefined>()
  const history = new EventHistory(options.historyLimit ?? 10_000)
  const subject = new Subject<StoreChange>()
  let revision = 0
  let uids = 0
  let names = 0

  // Changes are published in order even when a subscriber writes while receiving one.
  const pending: StoreChange[] = []
  let publishing = false
  const publish = (change: StoreChange): void => {
    pending.push(change)
    if (publishing) return
    publishing = true
    try {
      for (let next = pending.shift(); next !== undefined; next = pending.shift()) subject.next(next)
    } finally {
      publishing = false
    }
  }

  const commit = (info: ResourceInfo, type: StoreChange['type'], next: KubeObject, previous: KubeObject | undefined): KubeObject => {
    revision++
    // Parts shared with the previous version are deep-frozen already (see deepFreeze).
    const object = deepFreeze({ ...next, metadata: { ...next.metadata, resourceVersion: String(revision) } }, previous)
    if (type === 'DELETED') table.remove(info, object)
    else table.set(info, object)
    const change: StoreChange = { type, resource: info, object, previous, resourceVersion: revision }
    history.push(change)
    publish(change)
    return object
  }

  const infoOf = (resource: GroupVersionResource): E.Either<Status, ResourceInfo> => {
    const info = resources.get(resourceKey(resource))
    return info === undefined ? E.left(unknownResource()) : E.right(info)
  }

  const namespaceOf = (info: ResourceInfo, requested: string | undefined, body?: ObjectBody): E.Either<Status, string> => {
    if (!info.namespaced) return E.right('')
    const inBody = body?.metadata?.namespace ?? ''
    const inUrl = requested ?? ''
    if (inBody !== '' && inUrl !== '' && inBody !== inUrl) {
      return E.left(badRequest('the namespace of the provided object does not match the namespace sent on the request'))
    }
    return E.right(inUrl !== '' ? inUrl : inBody !== '' ? inBody : 'default')
  }

  const located = (request: GetRequest): E.Either<Status, { readonly info: ResourceInfo; readonly target: WriteTarget; readonly stored: KubeObject }> => {
    const info = infoOf(request.resource)
    if (E.isLeft(info)) return info
    const namespace = namespaceOf(info.right, request.namespace)
    if (E.isLeft(namespace)) return namespace
    const stored = table.get(info.right, namespace.right, request.name)
    if (stored === undefined) return E.left(notFound(info.right, request.name))
    return E.right({ info: info.right, target: { namespace: namespace.right, name: request.name }, stored })
  }

  /** Commits a prepared update; an unchanged object is not written, a finished terminating one is removed. */
  const finishUpdate = (info: ResourceInfo, stored: KubeObject, next: KubeObject, dryRun: boolean | undefined): KubeObject => {
    if (dryRun === true) return next
    if (jsonEqual(stored, next)) return stored
    return commit(info, isFinished(next) ? 'DELETED' : 'MODIFIED', next, stored)
  }

  // `stored`: the object written over; the body's parts that are the stored object's own (frozen) parts are shared, not copied.
  const bodyOf = (value: unknown, stored?: KubeObject): E.Either<Status, ObjectBody> =>
    isJson(value) ? E.right(jsonClone(value, stored) as ObjectBody) : E.left(badRequest('the request body must be a JSON object'))

  const store: MemoryStore = {
    clock,
    changes$: subject.asObservable(),
    resourceVersion: () => String(revision),
    resourceInfo: (resource) => resources.get(resourceKey(resource)),
    resourceForKind: (kind, apiVersion) => {
      // Memoised: `resources` never changes after creation, and the event recorder asks on every Event.
      // NUL-separated rather than JSON: cheaper on every Event, and no kind name holds a NUL.
      const key = apiVersion === undefined ? kind : `${kind}\u0000${apiVersion}`
      if (!kindLookups.has(key)) kindLookups.set(key, [...resources.values()].find((r) => r.kind === kind && (apiVersion === undefined || apiVersionOf(r) === apiVersion)))
      return kindLookups.get(key)
    },

    get: (request) => E.map(({ stored }: { readonly stored: KubeObject }) => stored)(located(request)),

    list: (request) => {
      const info = infoOf(request.resource)
      if (E.isLeft(info)) return info
      const matches = compileFilter(info.right, request)
      if (E.isLeft(matches)) return matches
      return E.right({
        apiVersion: apiVersionOf(info.right),
        kind: `${info.right.kind}List`,
        metadata: { resourceVersion: String(revision) },
        items: table.list(info.right).filter(matches.right),
      })
    },

    create: (request) => {
      const info = infoOf(request.resource)
      if (E.isLeft(info)) return info
      const body = bodyOf(request.body)
      if (E.isLeft(body)) return body
      const namespace = namespaceOf(info.right, request.namespace, body.right)
      if (E.isLeft(namespace)) return namespace
      let name = body.right.metadata?.name ?? ''
      let usedNames = names
      const prefix = body.right.metadata?.generateName ?? ''
      if (name === '' && prefix !== '') {
        for (let attempt = 0; attempt < generateNameAttempts && (name === '' || table.has(info.right, namespace.right, name)); attempt++) {
          name = `${prefix}${ids.nameSuffixOf(usedNames++)}`
        }
      }
      const prepared = prepareCreate(info.right, body.right, { namespace: namespace.right, name, uid: ids.uidOf(uids), now: clock.now() })
      if (E.isLeft(prepared)) return prepared
      if (table.has(info.right, namespace.right, name)) return E.left(alreadyExists(info.right, name))
      if (request.dryRun === true) return prepared
      uids++
      names = usedNames
      return E.right(commit(info.right, 'ADDED', prepared.right, undefined))
    },

    update: (request) => {
      const at = located(request)
      if (E.isLeft(at)) return at
      const { info, target, stored } = at.right
      const body = bodyOf(request.body, stored)
      if (E.isLeft(body)) return body
      return E.map((next: KubeObject) => finishUpdate(info, stored, next, request.dryRun))(prepareUpdate(info, stored, body.right, target))
    },

    updateStatus: (request) => {
      const at = located(request)
      if (E.isLeft(at)) return at
      const { info, target, stored } = at.right
      const body = bodyOf(request.body, stored)
      if (E.isLeft(body)) return body
      if (!info.statusSubresource) return E.left(unknownResource())
      return E.map((next: KubeObject) => finishUpdate(info, stored, next, request.dryRun))(prepareStatusUpdate(info, stored, body.right, target))
    },

    patch: (request) => {
      const at = located(request)
      if (E.isLeft(at)) return at
      const { info, target, stored } = at.right
      if (request.subresource === 'status' && !info.statusSubresource) return E.left(unknownResource())
      const patched = applyPatch(stored, request.patchType, request.patch)
      if (E.isLeft(patched)) return patched
      const body = bodyOf(patched.right, stored)
      if (E.isLeft(body)) return body
      const prepare = request.subresource === 'status' ? prepareStatusUpdate : prepareUpdate
      return E.map((next: KubeObject) => finishUpdate(info, stored, next, request.dryRun))(prepare(info, stored, body.right, target))
    },

    delete: (request) => {
      const at = located(request)
      if (E.isLeft(at)) return at
      const { info, target, stored } = at.right
      const precondition = checkDeletePreconditions(info, stored, request)
      if (E.isLeft(precondition)) return precondition
      const step = planDeletion(info, stored, request, clock.now())
      if (request.dryRun === true) return E.right(step._tag === 'Remove' ? { _tag: 'Removed', object: stored } : { _tag: 'Terminating', object: stored })
      switch (step._tag) {
        case 'Remove':
          return E.right({ _tag: 'Removed', object: commit(info, 'DELETED', stored, stored) })
        case 'Unchanged':
          return E.right({ _tag: 'Terminating', object: stored })
        case 'Mark': {
          const object = commit(info, 'MODIFIED', step.object, stored)
          if (step.graceSeconds > 0 && options.graceTimers !== false) scheduleGraceEnd(info, target, object.metadata.uid ?? '', step.graceSeconds)
          return E.right({ _tag: 'Terminating', object })
        }
      }
    },

    bind: (request) => {
      const at = located({ resource: Resources.pods, namespace: request.namespace, name: request.name })
      if (E.isLeft(at)) return at
      const { info, stored } = at.right
      const bound = bindPod(stored, request, clock.now())
      if (E.isLeft(bound) || request.dryRun === true) return bound
      return E.right(commit(info, 'MODIFIED', bound.right, stored))
    },

    watch: (request) => {
      const info = infoOf(request.resource)
      if (E.isLeft(info)) return of<WatchEvent>({ type: 'ERROR', object: info.left })
      const matches = compileFilter(info.right, request)
      if (E.isLeft(matches)) return of<WatchEvent>({ type: 'ERROR', object: matches.left })
      const source = { history, live$: subject, resourceVersion: () => revision, snapshot: (r: ResourceInfo) => table.list(r) }
      return watchChanges(source, info.right, matches.right, request.resourceVersion)
    },

    byUid: (uid) => table.byUidOf(uid),
    entries: () => table.entries([...resources.values()]),
  }

  /** The end of a pod's grace period: what the kubelet (or the pod GC) would do if nobody else did. */
  const scheduleGraceEnd = (info: ResourceInfo, target: WriteTarget, uid: string, graceSeconds: number): void => {
    clock.setTimer(clock.now() + graceSeconds * 1000, () => {
      const current = table.get(info, target.namespace, target.name)
      if (current === undefined || current.metadata.uid !== uid || (current.metadata.deletionGracePeriodSeconds ?? 0) === 0) return
      store.delete({ resource: info, ...target, gracePeriodSeconds: 0, preconditions: { uid } })
    })
  }

  return store
}
