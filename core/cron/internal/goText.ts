/**
 * Go's text helpers that leak into Kubernetes messages: `strings.Fields`/`TrimSpace` (Unicode white space)
 * and `strconv.Quote` (the `%q` verb, used by `field.Invalid` and by `strconv.NumError`).
 */

// unicode.IsSpace: ASCII white space, NEL, NBSP and the Z categories. JS `\s` differs (it has U+FEFF, lacks U+0085).
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000'
const SPACES = new RegExp(`[${GO_SPACE}]+`)
const EDGES = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g')

/** `strings.Fields`: split around runs of white space, dropping empty strings. */
export const goFields = (s: string): ReadonlyArray<string> => s.split(SPACES).filter((f) => f !== '')

/** `strings.TrimSpace`. */
export const goTrimSpace = (s: string): string => s.replace(EDGES, '')

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0')

/** `strconv.Quote`: printable runes stay, the rest become Go escapes. */
export const goQuote = (s: string): string => {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (PRINTABLE.test(ch)) out += ch
    else if (NAMED_ESCAPES[ch] !== undefined) out += NAMED_ESCAPES[ch]
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`
    else out += `\\U${hex(cp, 8)}`
  }
  return `${out}"`
}

/** UTF-8 bytes of `s`, as Go sees a string. */
export const utf8Bytes = (s: string): ReadonlyArray<number> => {
  const bytes: Array<number> = []
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x80) bytes.push(cp)
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return bytes
}

/** The `time` package's private `quote`: bytes outside printable ASCII become `\xNN`. */
export const goTimeQuote = (s: string): string => {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x20 || cp >= 0x80) out += utf8Bytes(ch).map((b) => `\\x${hex(b, 2)}`).join('')
    else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch
  }
  return `${out}"`
}
