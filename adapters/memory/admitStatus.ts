import * as E from 'fp-ts/Either'
import { CronJobStatus, DaemonSetStatus, JobStatus, PodStatus } from '../../core/api'
import type { KubeObject } from '../runtime/clusterApi'
import { admit } from './admit'
import { apiVersionOf, type ResourceInfo } from './resources'
import type { Status } from './status'

/** The status codec of each kind core decodes, by `apiVersion/kind`. */
const statusCodecs: Readonly<Record<string, { readonly is: (u: unknown) => boolean }>> = {
  'v1/Pod': PodStatus,
  'batch/v1/Job': JobStatus,
  'batch/v1/CronJob': CronJobStatus,
  'apps/v1/DaemonSet': DaemonSetStatus,
}

/** The stored object with `status` in place of its own (absent when `status` is undefined), status last. */
export const withStatus = (object: KubeObject, status: unknown): KubeObject => {
  // A copy by hand: a rest pattern that leaves out a key was a visible cost on every status write.
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(object)) {
    if (key === 'status') continue
    // Assigning a `__proto__` key would set the prototype instead of copying a member.
    if (key === '__proto__') Object.defineProperty(out, key, { value: object[key], enumerable: true, writable: true, configurable: true })
    else out[key] = object[key]
  }
  if (status !== undefined) out['status'] = status
  return out as KubeObject
}

/**
 * Admission of a status-subresource write, as Kubernetes' status strategies do it: the stored
 * spec and metadata were admitted already and are kept, so only the new status is checked.
 * Defaulting and validation never read `status`, and decoding an admitted object gives it back,
 * so when the status codec takes the status as it is (its type guard accepts it, and then io-ts
 * would return the very same value) the answer is the candidate itself. Anything else, including
 * every rejection, goes through the full `admit` so that its result and messages stay exactly the same.
 */
export const admitStatus = (info: ResourceInfo, stored: KubeObject, status: unknown): E.Either<Status, KubeObject> => {
  const candidate = withStatus(stored, status)
  const apiVersion = apiVersionOf(info)
  const codec = statusCodecs[`${apiVersion}/${info.kind}`]
  if (codec === undefined || stored.apiVersion !== apiVersion || stored.kind !== info.kind) return admit(info, candidate)
  if (status === undefined) return E.right(candidate)
  // The status codecs only check, never transform: what their type guard accepts decodes to itself.
  return codec.is(status) ? E.right(candidate) : admit(info, candidate)
}
