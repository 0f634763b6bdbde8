import * as E from 'fp-ts/Either'
import { decodeManifest, formatManifestError, type Manifest } from '../../core/api'
import type { RawObject } from './loadManifests'

export type DecodeResult = { readonly ok: true; readonly manifests: ReadonlyArray<Manifest> } | { readonly ok: false; readonly errors: ReadonlyArray<string> }

/** Decodes, defaults and validates every object; all problems are reported, one line each. */
export const decodeAll = (objects: ReadonlyArray<RawObject>): DecodeResult => {
  const errors: string[] = []
  const manifests: Manifest[] = []
  for (const { object, source } of objects) {
    const decoded = decodeManifest(object)
    if (E.isRight(decoded)) manifests.push(decoded.right)
    else if (decoded.left.kind === 'Object') {
      errors.push(...decoded.left.errors.map((e) => `error: error validating "${source}": error validating data: ${e.field} not set`))
    } else errors.push(...formatManifestError(decoded.left))
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, manifests }
}
