import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseAllDocuments } from 'yaml'

/** One raw object read from a file, with where it came from for error messages. */
export interface RawObject {
  readonly source: string
  readonly object: unknown
}

export type LoadResult = { readonly ok: true; readonly objects: ReadonlyArray<RawObject> } | { readonly ok: false; readonly errors: ReadonlyArray<string> }

const manifestFile = /\.(ya?ml|json)$/i

/** Expands `-f` arguments as kubectl does: `-` is standard input, a folder means its manifest files. */
const expandPaths = (inputs: ReadonlyArray<string>): ReadonlyArray<string> =>
  inputs.flatMap((p) => {
    if (p === '-') return [p]
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      return fs
        .readdirSync(p)
        .filter((f) => manifestFile.test(f))
        .sort()
        .map((f) => path.join(p, f))
    }
    return [p]
  })

/** Flattens a v1 `List` into its items, as kubectl apply does. */
const flattenList = (value: unknown): ReadonlyArray<unknown> => {
  if (value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'List') {
    const items = (value as { items?: unknown }).items
    return Array.isArray(items) ? items.flatMap(flattenList) : []
  }
  return [value]
}

/** Parses YAML (any number of documents) or JSON text; errors name the file, line and column. */
export const parseManifestText = (text: string, source: string): LoadResult => {
  const docs = parseAllDocuments(text)
  const list = Array.isArray(docs) ? docs : [docs]
  const errors: string[] = []
  const objects: RawObject[] = []
  for (const doc of list) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0]
      const where = pos !== undefined ? `line ${pos.line}, column ${pos.col}` : 'unknown position'
      errors.push(`error: error parsing ${source}: ${where}: ${e.message.split('\n')[0] ?? ''}`)
    }
    if (doc.errors.length > 0) continue
    const value: unknown = doc.toJS({ maxAliasCount: 100 })
    if (value === null || value === undefined) continue
    for (const object of flattenList(value)) objects.push({ source, object })
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, objects }
}

/** Reads every `-f` input; unreadable files and parse errors are collected, never thrown. */
export const loadManifests = (inputs: ReadonlyArray<string>, readStdin: () => string): LoadResult => {
  const errors: string[] = []
  const objects: RawObject[] = []
  for (const p of expandPaths(inputs)) {
    let text: string
    try {
      text = p === '-' ? readStdin() : fs.readFileSync(p, 'utf8')
    } catch {
      errors.push(`error: the path "${p}" does not exist`)
      continue
    }
    const parsed = parseManifestText(text, p === '-' ? 'STDIN' : p)
    if (parsed.ok) objects.push(...parsed.objects)
    else errors.push(...parsed.errors)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, objects }
}
