import type { PodTemplateSpec } from '../api'
import { canonicalJson } from './canonicalJson'
import { fnv1a32, hashRevision, safeEncodeString } from './hashRevision'
import { wireTemplate } from './revisionData'

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

const template = (image: string, extra: Partial<PodTemplateSpec> = {}): PodTemplateSpec => ({
  metadata: { labels: { app: 'x' } },
  spec: { containers: [{ name: 'c', image }] },
  ...extra,
})

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a 32 of %j', (input, sum) => {
    expect(fnv1a32(ascii(input))).toBe(sum)
  })
})

describe('safeEncodeString', () => {
  it('maps decimal digits through the vowel-free alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
  })
})

describe('hashRevision (ComputeHash)', () => {
  it('is deterministic and uses only the digits alphabet', () => {
    const h = hashRevision(template('nginx:1'))
    expect(hashRevision(template('nginx:1'))).toBe(h)
    expect(h).toMatch(/^[456789bcdf]{1,10}$/)
  })

  it('differs between templates', () => {
    expect(hashRevision(template('nginx:1'))).not.toBe(hashRevision(template('nginx:2')))
  })

  it('ignores what Go serialisation would not show', () => {
    const base = hashRevision(template('nginx:1'))
    expect(hashRevision(template('nginx:1', { metadata: { labels: { app: 'x' }, creationTimestamp: null } }))).toBe(base)
    expect(hashRevision(template('nginx:1', { metadata: { labels: { app: 'x' }, annotations: {} } }))).toBe(base)
    expect(hashRevision({ metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx:1', args: [] }], nodeSelector: null } })).toBe(base)
  })

  it('appends the collision count as 4 little-endian bytes and 4 zero bytes', () => {
    const t = template('nginx:1')
    const dump = ascii(canonicalJson(wireTemplate(t)))
    expect(hashRevision(t)).toBe(safeEncodeString(String(fnv1a32(dump))))
    expect(hashRevision(t, 0)).toBe(safeEncodeString(String(fnv1a32([...dump, 0, 0, 0, 0, 0, 0, 0, 0]))))
    expect(hashRevision(t, 258)).toBe(safeEncodeString(String(fnv1a32([...dump, 2, 1, 0, 0, 0, 0, 0, 0]))))
  })

  it('gives nil, 0 and 1 collision counts three different hashes', () => {
    const t = template('nginx:1')
    expect(new Set([hashRevision(t), hashRevision(t, 0), hashRevision(t, 1)]).size).toBe(3)
  })
})
