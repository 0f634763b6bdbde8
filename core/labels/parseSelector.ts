import * as E from 'fp-ts/Either'
import { everything, type Operator, type Requirement, type Selector } from './requirement'

/**
 * Parses a kubectl selector string (`name=x,tier in (a,b),!canary,env!=prod,n>3`), as
 * apimachinery's `labels.Parse`. Returns kubectl's style of error text on malformed input.
 */
export const parseSelector = (text: string): E.Either<string, Selector> => {
  const tokens = tokenize(text)
  if (E.isLeft(tokens)) return tokens
  const requirements: Requirement[] = []
  const ts = tokens.right
  let i = 0
  const peek = (): Token | undefined => ts[i]
  const next = (): Token | undefined => ts[i++]
  while (i < ts.length) {
    const req = parseRequirement(peek, next)
    if (E.isLeft(req)) return req
    requirements.push(req.right)
    const sep = next()
    if (sep === undefined) break
    if (sep.kind !== ',') return E.left(`found '${sep.text}', expected: ',' or 'end of string'`)
    if (peek() === undefined) return E.left(`found 'end of string', expected: identifier`)
  }
  if (requirements.length === 0) return E.right(everything)
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return E.right({ _tag: 'Requirements', requirements })
}

type Token = { readonly kind: 'id' | ',' | '(' | ')' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin'; readonly text: string }

const tokenize = (text: string): E.Either<string, ReadonlyArray<Token>> => {
  const out: Token[] = []
  const re = /\s*(==|!=|=|>|<|,|\(|\)|!|[^\s=!<>,()]+)/y
  let m: RegExpExecArray | null
  re.lastIndex = 0
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    const t = m[1] ?? ''
    if (t === '') break
    if (t === 'in' || t === 'notin') out.push({ kind: t, text: t })
    else if (['==', '!=', '=', '>', '<', ',', '(', ')', '!'].includes(t)) out.push({ kind: t as Token['kind'], text: t })
    else out.push({ kind: 'id', text: t })
  }
  if (text.slice(re.lastIndex).trim() !== '') return E.left(`unable to parse requirement: ${text.slice(re.lastIndex)}`)
  return E.right(out)
}

const parseRequirement = (peek: () => Token | undefined, next: () => Token | undefined): E.Either<string, Requirement> => {
  let negated = false
  if (peek()?.kind === '!') {
    next()
    negated = true
  }
  const key = next()
  if (key === undefined || key.kind !== 'id') return E.left(`found '${key?.text ?? 'end of string'}', expected: identifier`)
  if (negated) return E.right({ key: key.text, operator: 'DoesNotExist', values: [] })
  const op = peek()
  if (op === undefined || op.kind === ',') return E.right({ key: key.text, operator: 'Exists', values: [] })
  next()
  const single = (operator: Operator): E.Either<string, Requirement> => {
    const v = peek()
    if (v === undefined || v.kind === ',') return E.right({ key: key.text, operator, values: [''] })
    next()
    if (v.kind !== 'id') return E.left(`found '${v.text}', expected: identifier`)
    if ((operator === 'Gt' || operator === 'Lt') && !/^[+-]?[0-9]+$/.test(v.text)) {
      return E.left(`for 'Gt', 'Lt' operators, the value must be an integer`)
    }
    return E.right({ key: key.text, operator, values: [v.text] })
  }
  switch (op.kind) {
    case '=':
    case '==':
      return single('In')
    case '!=':
      return single('NotIn')
    case '>':
      return single('Gt')
    case '<':
      return single('Lt')
    case 'in':
    case 'notin':
      return parseSet(op.kind === 'in' ? 'In' : 'NotIn', key.text, next)
    default:
      return E.left(`found '${op.text}', expected: in, notin, =, ==, !=, gt, lt`)
  }
}

const parseSet = (operator: Operator, key: string, next: () => Token | undefined): E.Either<string, Requirement> => {
  if (next()?.kind !== '(') return E.left(`found '${key}', expected: '('`)
  const values: string[] = []
  for (;;) {
    const t = next()
    if (t === undefined) return E.left(`found 'end of string', expected: ')'`)
    if (t.kind === ')') break
    if (t.kind === ',') continue
    if (t.kind !== 'id') return E.left(`found '${t.text}', expected: identifier`)
    values.push(t.text)
  }
  if (values.length === 0) return E.left(`for 'in', 'notin' operators, values set can't be empty`)
  return E.right({ key, operator, values: [...new Set(values)].sort() })
}
