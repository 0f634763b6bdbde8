import type { ObjectMeta } from './meta'

/** 32-bit FNV-1a of a string, seeded so that four rounds give 128 bits. */
const fnv1a = (text: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/**
 * A UID for an object the API server has not stored yet. The server would pick a random UUID;
 * core has no randomness, so it is derived from namespace and name and runs repeat exactly.
 */
export const syntheticUid = (namespace: string, name: string): string => {
  const hex = [0, 1, 2, 3].map((seed) => fnv1a(`${namespace}/${name}`, seed).toString(16).padStart(8, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * The identity the API server gives an object it stores: the namespace (`default` when absent) and
 * a uid, derived with `syntheticUid` for a manifest that has none, so plans repeat and owners match.
 */
export const withIdentity = (meta: ObjectMeta): ObjectMeta & { readonly namespace: string; readonly uid: string } => {
  const namespace = meta.namespace ?? 'default'
  return { ...meta, namespace, uid: meta.uid ?? syntheticUid(namespace, meta.name ?? meta.generateName ?? '') }
}
