import * as E from 'fp-ts/Either'
import { badRequest, type Status } from './status'

export interface FieldRequirement {
  readonly field: string
  readonly operator: 'Equals' | 'NotEquals'
  readonly value: string
}

/** A parsed field selector: every requirement must hold. Empty matches everything. */
export type FieldSelector = ReadonlyArray<FieldRequirement>

/** Splits on an unescaped separator, as `fields.ParseSelector` does; `\,` `\=` `\!` `\\` are escapes. */
const splitTerms = (text: string): ReadonlyArray<string> => {
  const out: string[] = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? ''
    if (c === '\\' && i + 1 < text.length) {
      current += c + (text[i + 1] ?? '')
      i++
    } else if (c === ',') {
      out.push(current)
      current = ''
    } else current += c
  }
  out.push(current)
  return out
}

const unescape = (text: string): string => text.replace(/\\(.)/g, '$1')

const parseTerm = (term: string): FieldRequirement | undefined => {
  const m = /^((?:[^\\=!]|\\.)*)(!=|==|=)(.*)$/s.exec(term)
  if (m === null) return undefined
  const [, field = '', op = '', value = ''] = m
  return { field: unescape(field), operator: op === '!=' ? 'NotEquals' : 'Equals', value: unescape(value) }
}

/**
 * Parses `metadata.name=x,spec.nodeName!=n1`. Fields other than `metadata.name`,
 * `metadata.namespace` and the resource's `allowed` labels are rejected with the apiserver's
 * 400 `field label not supported: <field>`.
 */
export const parseFieldSelector = (text: string, allowed: ReadonlyArray<string>): E.Either<Status, FieldSelector> => {
  if (text.trim() === '') return E.right([])
  const out: FieldRequirement[] = []
  for (const term of splitTerms(text)) {
    const req = parseTerm(term.trim())
    if (req === undefined) return E.left(badRequest(`invalid selector: '${text}'; can't understand '${term}'`))
    if (req.field !== 'metadata.name' && req.field !== 'metadata.namespace' && !allowed.includes(req.field)) {
      return E.left(badRequest(`field label not supported: ${req.field}`))
    }
    out.push(req)
  }
  return E.right(out)
}

const asFieldText = (value: unknown): string => {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

/** The selectable text of a field: absent fields read as `""`; an Event's `source` is its component. */
export const fieldValue = (object: unknown, field: string): string => {
  const path = field === 'source' ? ['source', 'component'] : field.split('.')
  let at: unknown = object
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return ''
    at = (at as Readonly<Record<string, unknown>>)[key]
  }
  return asFieldText(at)
}

export const matchesFieldSelector = (selector: FieldSelector, object: unknown): boolean =>
  selector.every((r) => (fieldValue(object, r.field) === r.value) === (r.operator === 'Equals'))
