import { objectMeta } from './metaSchema'
import { boolP, i32P, msg, msgs, qty, str, strs, time, inline, type Schema } from './schema'

/** Tables for small k8s.io/api core/v1 messages shared by pods and volumes, and Namespace. */

export const objectReference: Schema = {
  1: str('kind'),
  2: str('namespace'),
  3: str('name'),
  4: str('uid'),
  5: str('apiVersion'),
  6: str('resourceVersion'),
  7: str('fieldPath'),
}

export const localObjectReference: Schema = { 1: str('name') }

export const objectFieldSelector: Schema = { 1: str('apiVersion'), 2: str('fieldPath') }

export const resourceFieldSelector: Schema = { 1: str('containerName'), 2: str('resource'), 3: qty('divisor') }

/** ConfigMapKeySelector and SecretKeySelector share one shape. */
export const keySelector: Schema = { 1: inline(localObjectReference), 2: str('key'), 3: boolP('optional') }

export const keyToPath: Schema = { 1: str('key'), 2: str('path'), 3: i32P('mode') }

const namespaceCondition: Schema = {
  1: str('type'),
  2: str('status'),
  4: time('lastTransitionTime'),
  5: str('reason'),
  6: str('message'),
}

export const namespace: Schema = {
  1: msg('metadata', objectMeta),
  2: msg('spec', { 1: strs('finalizers') }),
  3: msg('status', { 1: str('phase'), 2: msgs('conditions', namespaceCondition) }),
}
