const surrogate = /[\uD800-\uDFFF]/

/**
 * Go's `encoding/json` orders map keys by their UTF-8 bytes, which is code-point order. UTF-16
 * comparison agrees unless a surrogate pair is involved, so only such keys take the slow path.
 */
const compareKeys = (a: string, b: string): number => {
  if (!surrogate.test(a) && !surrogate.test(b)) return a < b ? -1 : a > b ? 1 : 0
  const left = [...a]
  const right = [...b]
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]?.codePointAt(0) ?? 0
    const y = right[i]?.codePointAt(0) ?? 0
    if (x !== y) return x - y
  }
  return left.length - right.length
}

const goEscapes: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/** `json.Marshal` escapes HTML-sensitive characters and the JS line separators; JSON.stringify does not. */
const quote = (s: string): string => JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => goEscapes[c] ?? c)

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Deterministic JSON, byte for byte what Go's `json.Marshal` writes for a `map[string]interface{}`:
 * keys sorted, no whitespace, HTML characters escaped. As with JSON.stringify, `undefined` members
 * are left out and non-finite numbers become `null`.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isRecord(value)) {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort(compareKeys)
      .map((key) => `${quote(key)}:${canonicalJson(value[key])}`)
    return `{${members.join(',')}}`
  }
  return 'null'
}
