import * as E from 'fp-ts/Either'
import { isJson } from '../../core/api'
import { mergePatch } from '../../core/snapshot'
import type { KubeObject, PatchType } from '../runtime/clusterApi'
import { jsonPatch } from './jsonPatch'
import { strategicMergePatch } from './strategicMergePatch'
import { badRequest, unprocessable, unsupportedMediaType, type Status } from './status'

/**
 * Applies a PATCH body to the stored object by its content type: RFC 7386 merge patch, the
 * strategic merge subset kubectl uses, or RFC 6902 JSON patch. Returns the patched document,
 * still to be admitted like an update; a malformed patch is a 400, a failing operation a 422.
 */
export const applyPatch = (original: KubeObject, patchType: PatchType, patch: unknown): E.Either<Status, unknown> => {
  switch (patchType) {
    case 'application/merge-patch+json':
      return isJson(patch) ? E.right(mergePatch(original, patch)) : E.left(badRequest('a merge patch must be a JSON object'))
    case 'application/strategic-merge-patch+json': {
      if (!isJson(patch)) return E.left(badRequest('a strategic merge patch must be a JSON object'))
      const patched = strategicMergePatch(original, patch)
      return patched === undefined ? E.left(unprocessable('a strategic merge patch cannot delete the whole object')) : E.right(patched)
    }
    case 'application/json-patch+json':
      return E.mapLeft(unprocessable)(jsonPatch(original, patch))
    default:
      return E.left(unsupportedMediaType(String(patchType)))
  }
}
