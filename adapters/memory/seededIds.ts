/** Deterministic stand-ins for the apiserver's random UIDs and name suffixes, as functions of a counter. */
export interface IdGenerator {
  /** A UUID-shaped (version 4) uid; distinct for distinct `n` below 2^32. */
  readonly uidOf: (n: number) => string
  /** Five characters of apimachinery's `utilrand` alphabet, for `generateName`. */
  readonly nameSuffixOf: (n: number) => string
}

/** The alphabet of `k8s.io/apimachinery/pkg/util/rand.String`: no vowels, no look-alike digits. */
export const nameSuffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789'

/** murmur3's 32-bit finalizer: a bijection on 32-bit integers, so counters never collide per lane. */
const fmix32 = (input: number): number => {
  let x = input >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

// The offset keeps seed 0, lane 0, counter 0 away from the finalizer's fixed point at 0.
const word = (seed: number, lane: number, n: number): number => fmix32((fmix32(seed + Math.imul(lane + 1, 0x9e3779b9)) + n) | 0)

const hex8 = (n: number): string => n.toString(16).padStart(8, '0')

/** An `IdGenerator` for a seed: the same seed gives the same uids and names, run after run. */
export const seededIds = (seed: number): IdGenerator => ({
  uidOf: (n) => {
    const h = [0, 1, 2, 3].map((lane) => hex8(word(seed, lane, n))).join('')
    const variant = '89ab'[word(seed, 4, n) % 4] ?? '8'
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
  },
  nameSuffixOf: (n) => {
    let x = word(seed, 5, n)
    let out = ''
    for (let i = 0; i < 5; i++) {
      out += nameSuffixAlphabet[x % nameSuffixAlphabet.length] ?? 'b'
      x = Math.floor(x / nameSuffixAlphabet.length)
    }
    return out
  },
})
