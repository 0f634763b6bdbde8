import type { PodTemplateSpec } from '../api'
import { canonicalJson } from './canonicalJson'
import { wireTemplate } from './revisionData'

/** A deterministic template hash, as `controller.ComputeHash(template, collisionCount)`. */
export type HashTemplate = (template: PodTemplateSpec, collisionCount?: number) => string

const utf8 = (text: string): number[] => {
  const bytes: number[] = []
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0
    if (cp < 0x80) bytes.push(cp)
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return bytes
}

/** 32-bit FNV-1a (Go's `hash/fnv.New32a`) over bytes; the sum as an unsigned integer. */
export const fnv1a32 = (bytes: ReadonlyArray<number>): number => {
  let hash = 0x811c9dc5
  for (const byte of bytes) hash = Math.imul(hash ^ (byte & 0xff), 0x01000193) >>> 0
  return hash >>> 0
}

const alphabet = 'bcdfghjklmnpqrstvwxz2456789'

/** apimachinery `rand.SafeEncodeString`: each character mapped through a vowel-free alphabet. */
export const safeEncodeString = (text: string): string =>
  [...text].map((c) => alphabet[(c.codePointAt(0) ?? 0) % alphabet.length] ?? '').join('')

/**
 * The default `HashTemplate`. Mirrors `ComputeHash`: FNV-1a 32 over a deterministic dump of the
 * template, then, when a collision count is set, its 4 little-endian bytes and 4 zero bytes; the
 * decimal sum goes through `SafeEncodeString`. Divergence: the dump is canonical JSON of the wire
 * template, not Go's spew output, so values differ from a real cluster's (equality is what matters).
 */
export const hashRevision: HashTemplate = (template, collisionCount) => {
  const bytes = utf8(canonicalJson(wireTemplate(template)))
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0
    bytes.push(c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0)
  }
  return safeEncodeString(String(fnv1a32(bytes)))
}
