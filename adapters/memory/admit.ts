import * as E from 'fp-ts/Either'
import { decodeManifest } from '../../core/api'
import type { KubeObject } from '../runtime/clusterApi'
import type { ResourceInfo } from './resources'
import { invalid, type Status } from './status'

/**
 * Admission of a write: the codec, the API server's defaults and validation of core's
 * `decodeManifest` for the kinds it knows (other kinds pass untouched). A rejected object is a
 * 422 Invalid Status with one cause per field error, as the apiserver answers.
 */
export const admit = (info: ResourceInfo, object: KubeObject): E.Either<Status, KubeObject> => {
  const decoded = decodeManifest(object)
  if (E.isLeft(decoded)) return E.left(invalid(info, object.metadata.name ?? '', decoded.left.errors))
  const manifest = decoded.right
  if (manifest._tag === 'Other') return E.right(object)
  return E.right({ ...manifest.object, apiVersion: object.apiVersion, kind: object.kind })
}
