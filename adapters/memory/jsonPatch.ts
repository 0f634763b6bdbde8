import * as E from 'fp-ts/Either'
import { jsonEqual } from './jsonEqual'

type Container = Record<string, unknown> | unknown[]

interface Operation {
  readonly op: string
  readonly path: string
  readonly from?: string
  readonly value?: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const isOperation = (value: unknown): value is Operation =>
  isRecord(value) && typeof value['op'] === 'string' && typeof value['path'] === 'string'

/** RFC 6901: `/a/b~1c/0` → ['a', 'b/c', '0']. */
const parsePointer = (pointer: string): E.Either<string, ReadonlyArray<string>> =>
  pointer === ''
    ? E.right([])
    : pointer.startsWith('/')
      ? E.right(pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')))
      : E.left(`invalid JSON pointer: ${JSON.stringify(pointer)}`)

const arrayIndex = (token: string, length: number, allowEnd: boolean): number | undefined => {
  if (allowEnd && token === '-') return length
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined
  const i = Number(token)
  return i < length || (allowEnd && i === length) ? i : undefined
}

const childOf = (at: unknown, token: string): unknown => {
  if (Array.isArray(at)) {
    const i = arrayIndex(token, at.length, false)
    return i === undefined ? undefined : at[i]
  }
  return isRecord(at) && Object.prototype.hasOwnProperty.call(at, token) ? at[token] : undefined
}


/**
 * RFC 6902 JSON patch (`add`, `remove`, `replace`, `move`, `copy`, `test`), applied to a copy of
 * `document`; the first failing operation fails the whole patch with its reason.
 */
export const jsonPatch = (document: unknown, operations: unknown): E.Either<string, unknown> => {
  if (!Array.isArray(operations)) return E.left('a JSON patch must be a list of operations')
  let doc: unknown = structuredClone(document)

  const parentOf = (tokens: ReadonlyArray<string>): E.Either<string, { readonly parent: Container; readonly last: string }> => {
    let at: unknown = doc
    for (const token of tokens.slice(0, -1)) at = childOf(at, token)
    const last = tokens[tokens.length - 1]
    return last !== undefined && (Array.isArray(at) || isRecord(at)) ? E.right({ parent: at, last }) : E.left('doc is missing path')
  }

  const read = (path: string): E.Either<string, unknown> => {
    const tokens = parsePointer(path)
    if (E.isLeft(tokens)) return tokens
    let at: unknown = doc
    for (const token of tokens.right) {
      at = childOf(at, token)
      if (at === undefined) return E.left(`doc is missing path: ${path}`)
    }
    return E.right(at)
  }

  const remove = (path: string): E.Either<string, unknown> => {
    const tokens = parsePointer(path)
    if (E.isLeft(tokens)) return tokens
    const target = parentOf(tokens.right)
    if (E.isLeft(target)) return E.left(`${target.left}: ${path}`)
    const { parent, last } = target.right
    if (Array.isArray(parent)) {
      const i = arrayIndex(last, parent.length, false)
      if (i === undefined) return E.left(`unable to remove nonexistent key: ${path}`)
      return E.right(parent.splice(i, 1)[0])
    }
    if (!Object.prototype.hasOwnProperty.call(parent, last)) return E.left(`unable to remove nonexistent key: ${last}: missing value`)
    const removed = parent[last]
    delete parent[last]
    return E.right(removed)
  }

  const add = (path: string, value: unknown): E.Either<string, void> => {
    const tokens = parsePointer(path)
    if (E.isLeft(tokens)) return tokens
    if (tokens.right.length === 0) {
      doc = value
      return E.right(undefined)
    }
    const target = parentOf(tokens.right)
    if (E.isLeft(target)) return E.left(`${target.left}: ${path}`)
    const { parent, last } = target.right
    if (Array.isArray(parent)) {
      const i = arrayIndex(last, parent.length, true)
      if (i === undefined) return E.left(`add operation does not apply: index out of bounds: ${path}`)
      parent.splice(i, 0, value)
    } else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true })
    return E.right(undefined)
  }

  const apply = (op: Operation): E.Either<string, void> => {
    switch (op.op) {
      case 'add':
        return add(op.path, structuredClone(op.value))
      case 'remove':
        return E.map(() => undefined)(remove(op.path))
      case 'replace': {
        const removed = remove(op.path)
        return E.isLeft(removed) ? E.left(`replace operation does not apply: doc is missing key: ${op.path}`) : add(op.path, structuredClone(op.value))
      }
      case 'move': {
        const moved = remove(op.from ?? '')
        return E.isLeft(moved) ? moved : add(op.path, moved.right)
      }
      case 'copy': {
        const copied = read(op.from ?? '')
        return E.isLeft(copied) ? copied : add(op.path, structuredClone(copied.right))
      }
      case 'test': {
        const found = read(op.path)
        if (E.isLeft(found)) return found
        return jsonEqual(found.right, op.value) ? E.right(undefined) : E.left(`testing value ${op.path} failed: test failed`)
      }
      default:
        return E.left(`Unexpected kind: ${op.op}`)
    }
  }

  for (const op of operations) {
    if (!isOperation(op)) return E.left('an operation needs "op" and "path"')
    const result = apply(op)
    if (E.isLeft(result)) return result
  }
  return E.right(doc)
}
