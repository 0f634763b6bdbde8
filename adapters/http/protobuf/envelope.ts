import { cronJob, job } from './batchSchema'
import { namespace } from './coreSchema'
import { decodeMessage, type Json } from './decode'
import { deleteOptions, typeMeta } from './metaSchema'
import type { Schema } from './schema'
import { ProtobufError, readFields } from './wire'

/** Kubernetes protobuf bodies start with these four bytes, then a runtime.Unknown message. */
export const protobufMagic = Uint8Array.from([0x6b, 0x38, 0x73, 0x00])

export const protobufMediaType = 'application/vnd.kubernetes.protobuf'

/** The kinds whose protobuf this server reads, by `apiVersion/kind`. */
const schemas: Readonly<Record<string, Schema>> = {
  'v1/Namespace': namespace,
  'batch/v1/Job': job,
  'batch/v1/CronJob': cronJob,
  // Typed clients send delete options in the body's format too; its group varies by resource.
  'v1/DeleteOptions': deleteOptions,
  'meta.k8s.io/v1/DeleteOptions': deleteOptions,
}

// runtime.Unknown: 1 typeMeta, 2 raw, 3 contentEncoding, 4 contentType.
const unknownSchema: Schema = { 1: { name: 'typeMeta', type: typeMeta }, 3: { name: 'contentEncoding', type: 'string' }, 4: { name: 'contentType', type: 'string' } }

/**
 * Decodes a Kubernetes protobuf body into the JSON object the apiserver would have received,
 * with apiVersion and kind taken from the envelope. Throws ProtobufError when it cannot.
 */
export const decodeKubernetesProtobuf = (body: Uint8Array): { readonly [key: string]: Json } => {
  if (body.length < protobufMagic.length || protobufMagic.some((b, i) => body[i] !== b)) {
    throw new ProtobufError('missing the k8s\\0 protobuf prefix')
  }
  const unknown = body.subarray(protobufMagic.length)
  const envelope = decodeMessage(unknown, unknownSchema)
  const meta = (envelope['typeMeta'] ?? {}) as { readonly apiVersion?: string; readonly kind?: string }
  const apiVersion = meta.apiVersion ?? ''
  const kind = meta.kind ?? ''
  const encoding = envelope['contentEncoding']
  if (typeof encoding === 'string' && encoding !== '') throw new ProtobufError(`unsupported content encoding "${encoding}"`)
  const schema = schemas[`${apiVersion}/${kind}`]
  if (schema === undefined) throw new ProtobufError(`no protobuf schema for kind "${kind}" in version "${apiVersion}"`)
  const raw = readFields(unknown).filter((f) => f.num === 2).pop()
  if (raw !== undefined && raw.wire !== 2) throw new ProtobufError('raw: expected a length-delimited field')
  const object = raw === undefined ? {} : decodeMessage(raw.value, schema)
  return { apiVersion, kind, ...object }
}
