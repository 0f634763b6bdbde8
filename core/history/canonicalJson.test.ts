import { canonicalJson } from './canonicalJson'

describe('canonicalJson (Go json.Marshal of a map)', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys at every level', { b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } }, '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}'],
    ['puts $patch before letters (byte order)', { spec: 1, $patch: 'replace', Z: 0 }, '{"$patch":"replace","Z":0,"spec":1}'],
    ['leaves out undefined members', { a: undefined, b: null }, '{"b":null}'],
    ['escapes HTML characters as Go does', { cmd: 'a<b>&c' }, '{"cmd":"a\\u003cb\\u003e\\u0026c"}'],
    ['escapes line separators', '\u2028\u2029', '"\\u2028\\u2029"'],
    ['keeps control escapes short', 'a\nb\tc', '"a\\nb\\tc"'],
    ['writes booleans and numbers', [true, false, 30, 0.5, -1], '[true,false,30,0.5,-1]'],
    ['writes empty containers', { a: [], b: {} }, '{"a":[],"b":{}}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected)
  })

  it('orders keys by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FB01 < U+1F600 in UTF-8, but its UTF-16 unit 0xFB01 is above the surrogate 0xD83D.
    expect(canonicalJson({ '\u{1F600}': 1, '\uFB01': 2 })).toBe('{"\uFB01":2,"\u{1F600}":1}')
  })

  it('does not depend on insertion order', () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }))
  })
})
