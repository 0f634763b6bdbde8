import * as E from 'fp-ts/Either'
import type * as t from 'io-ts'
import { CronJobStatus, DaemonSetStatus, JobStatus, PodStatus } from '../../core/api'
import type { KubeObject } from '../runtime/clusterApi'
import { admit } from './admit'
import { apiVersionOf, type ResourceInfo } from './resources'
import type { Status } from './status'

/** The status codec of each kind core decodes, by `apiVersion/kind`. */
const statusCodecs: Readonly<Record<string, t.Decoder<unknown, unknown>>> = {
  'v1/Pod': PodStatus,
  'batch/v1/Job': JobStatus,
  'batch/v1/CronJob': CronJobStatus,
  'apps/v1/DaemonSet': DaemonSetStatus,
}

/** The stored object with `status` in place of its own (absent when `status` is undefined), status last. */
export const withStatus = (object: KubeObject, status: unknown): KubeObject => {
  const { status: _dropped, ...rest } = object
  return status === undefined ? (rest as KubeObject) : ({ ...rest, status } as KubeObject)
}

/**
 * Admission of a status-subresource write, as Kubernetes' status strategies do it: the stored
 * spec and metadata were admitted already and are kept, so only the new status is checked.
 * Defaulting and validation never read `status`, and decoding an admitted object gives it back,
 * so when the status codec takes the status as it is (io-ts returns the very same value) the
 * answer is the candidate itself. Anything else, including every rejection, goes through the
 * full `admit` so that its result and messages stay exactly the same.
 */
export const admitStatus = (info: ResourceInfo, stored: KubeObject, status: unknown): E.Either<Status, KubeObject> => {
  const candidate = withStatus(stored, status)
  const apiVersion = apiVersionOf(info)
  const codec = statusCodecs[`${apiVersion}/${info.kind}`]
  if (codec === undefined || stored.apiVersion !== apiVersion || stored.kind !== info.kind) return admit(info, candidate)
  if (status === undefined) return E.right(candidate)
  const decoded = codec.decode(status)
  return E.isRight(decoded) && decoded.right === status ? E.right(candidate) : admit(info, candidate)
}
