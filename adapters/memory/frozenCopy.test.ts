import { deepFreeze } from './deepFreeze'
import { frozenCopy } from './frozenCopy'

const stored = deepFreeze({
  metadata: { name: 'p', labels: { app: 'a' }, finalizers: ['f'] },
  spec: { containers: [{ name: 'c', image: 'i' }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
})

describe('frozenCopy', () => {
  it('copies a body deeply and freezes every part of the copy', () => {
    const body = { a: { b: [1, { c: 'x' }] } }
    const copy = frozenCopy(body)
    expect(copy).toEqual(body)
    expect(copy).not.toBe(body)
    expect(copy.a.b).not.toBe(body.a.b)
    expect([copy, copy.a, copy.a.b, copy.a.b[1]].every(Object.isFrozen)).toBe(true)
    expect(Object.isFrozen(body.a)).toBe(false)
  })

  it('shares with the stored object every part the body leaves equal, even when the body rebuilt it', () => {
    const body = JSON.parse(JSON.stringify(stored)) as typeof stored
    expect(frozenCopy(body, stored)).toBe(stored)
  })

  it('copies only the path to what changed', () => {
    const body = { ...stored, status: { ...stored.status, phase: 'Succeeded', conditions: [{ type: 'Ready', status: 'True' }] } }
    const copy = frozenCopy(body, stored)
    expect(copy).not.toBe(stored)
    expect(copy.status.phase).toBe('Succeeded')
    expect(copy.metadata).toBe(stored.metadata)
    expect(copy.spec).toBe(stored.spec)
    expect(copy.status.conditions).toBe(stored.status.conditions)
    expect(Object.isFrozen(copy) && Object.isFrozen(copy.status)).toBe(true)
  })

  it('does not share a part whose keys differ, whose array length differs, or that only looks alike', () => {
    const extraKey = frozenCopy({ ...stored, metadata: { ...stored.metadata, annotations: {} } }, stored)
    expect(extraKey.metadata).not.toBe(stored.metadata)
    expect(extraKey.metadata.labels).toBe(stored.metadata.labels)
    const missingKey = frozenCopy({ ...stored, metadata: { name: 'p', labels: { app: 'a' } } }, stored)
    expect(missingKey.metadata).toEqual({ name: 'p', labels: { app: 'a' } })
    const shorter = frozenCopy({ ...stored, metadata: { ...stored.metadata, finalizers: [] } }, stored)
    expect(shorter.metadata.finalizers).toEqual([])
    const undefinedMember = frozenCopy({ ...stored, spec: { containers: stored.spec.containers, extra: undefined } }, stored)
    expect(undefinedMember.spec).not.toBe(stored.spec)
    expect(frozenCopy({ 0: 'x' }, ['x'])).toEqual({ 0: 'x' })
    expect(frozenCopy(['x'], { 0: 'x' })).toEqual(['x'])
  })

  it('keeps a `__proto__` key as a member and never shares it', () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>
    const copy = frozenCopy(body, JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'))
    expect(Object.keys(copy)).toEqual(['__proto__', 'a'])
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('deepFreeze', () => {
  it('freezes new shells around frozen parts without walking those again', () => {
    const shared = frozenCopy({ x: { y: 1 } })
    const object = deepFreeze({ shell: { shared }, list: [{ z: 2 }] })
    expect([object, object.shell, object.list, object.list[0]].every(Object.isFrozen)).toBe(true)
    expect(object.shell.shared).toBe(shared)
  })
})
