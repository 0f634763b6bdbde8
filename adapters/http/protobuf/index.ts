import * as E from 'fp-ts/Either'
import type { Status } from '../../memory/status'
import { badRequest } from '../errors'
import { decodeKubernetesProtobuf, protobufMediaType } from './envelope'

export { decodeKubernetesProtobuf, protobufMediaType } from './envelope'
export { ProtobufError } from './wire'

export const isProtobuf = (contentType: string): boolean => contentType.toLowerCase().includes(protobufMediaType)

/** A protobuf request body as the JSON object it stands for; a body that does not decode is a 400. */
export const decodeProtobufBody = (raw: Uint8Array): E.Either<Status, unknown> => {
  try {
    return E.right(decodeKubernetesProtobuf(raw))
  } catch (e) {
    // Anything thrown while reading untrusted bytes is the body's fault, not the server's.
    const message = e instanceof Error ? e.message : String(e)
    return E.left(badRequest(`the body of the request could not be decoded: ${message}`))
  }
}
