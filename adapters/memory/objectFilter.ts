import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { matchesSelector, parseSelector } from '../../core/labels'
import type { KubeObject, ListRequest } from '../runtime/clusterApi'
import { matchesFieldSelector, parseFieldSelector } from './fieldSelector'
import type { ResourceInfo } from './resources'
import { badRequest, type Status } from './status'

/** Whether an object is in a list or watch: its namespace, labels and fields match the request. */
export type ObjectFilter = (object: KubeObject) => boolean

/** Compiles the namespace, label selector and field selector of a list or watch request into one predicate. */
export const compileFilter = (info: ResourceInfo, request: Omit<ListRequest, 'resource'>): E.Either<Status, ObjectFilter> =>
  pipe(
    E.Do,
    E.bind('labels', () => pipe(parseSelector(request.labelSelector ?? ''), E.mapLeft(badRequest))),
    E.bind('fields', () => parseFieldSelector(request.fieldSelector ?? '', info.fieldLabels)),
    E.map(({ labels, fields }) => {
      const namespace = info.namespaced ? request.namespace : undefined
      return (object: KubeObject): boolean =>
        (namespace === undefined || namespace === '' || object.metadata.namespace === namespace) &&
        matchesSelector(labels, object.metadata.labels ?? {}) &&
        matchesFieldSelector(fields, object)
    }),
  )
