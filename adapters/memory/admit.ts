import * as E from 'fp-ts/Either'
import { decodeManifest, decodeUpdate, type Manifest, type ManifestError } from '../../core/api'
import type { KubeObject } from '../runtime/clusterApi'
import type { ResourceInfo } from './resources'
import { invalid, type Status } from './status'

/**
 * Admission of a write: the codec, the API server's defaults and validation of core's
 * `decodeManifest` for the kinds it knows (other kinds pass untouched). A rejected object is a
 * 422 Invalid Status with one cause per field error, as the apiserver answers.
 */
const admitted = (info: ResourceInfo, object: KubeObject, decoded: E.Either<ManifestError, Manifest>): E.Either<Status, KubeObject> => {
  if (E.isLeft(decoded)) return E.left(invalid(info, object.metadata.name ?? '', decoded.left.errors))
  const manifest = decoded.right
  if (manifest._tag === 'Other') return E.right(object)
  return E.right({ ...manifest.object, apiVersion: object.apiVersion, kind: object.kind })
}

export const admit = (info: ResourceInfo, object: KubeObject): E.Either<Status, KubeObject> => admitted(info, object, decodeManifest(object))

/** Admission of an update of `stored`: the kind's update defaults and validation (`decodeUpdate`). */
export const admitUpdate = (info: ResourceInfo, object: KubeObject, stored: KubeObject): E.Either<Status, KubeObject> =>
  admitted(info, object, decodeUpdate(object, stored))
