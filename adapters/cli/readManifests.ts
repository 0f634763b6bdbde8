import type { Manifest } from '../../core/api'
import { decodeAll } from './decodeAll'
import type { CliIo } from './io'
import { loadManifests, type RawObject } from './loadManifests'

/** Manifests read from `-f` inputs, both as parsed and as decoded (defaulted and validated). */
export interface ReadManifests {
  readonly objects: ReadonlyArray<RawObject>
  readonly manifests: ReadonlyArray<Manifest>
}

/**
 * Reads, parses and validates every `-f` input; on any problem prints kubectl-style lines to
 * standard error and returns undefined, so the command exits 1 before doing anything.
 */
export const readManifests = (filenames: ReadonlyArray<string>, io: CliIo): ReadManifests | undefined => {
  const loaded = loadManifests(filenames, io.readStdin)
  if (!loaded.ok) {
    io.err(`${loaded.errors.join('\n')}\n`)
    return undefined
  }
  const decoded = decodeAll(loaded.objects)
  if (!decoded.ok) {
    io.err(`${decoded.errors.join('\n')}\n`)
    return undefined
  }
  return { objects: loaded.objects, manifests: decoded.manifests }
}
