import { LruCache } from './lruCache'

describe('LruCache', () => {
  it('evicts the least recently used key; get and add make a key the most recent', () => {
    const cache = new LruCache<number>(3)
    cache.add('a', 1)
    cache.add('b', 2)
    cache.add('c', 3)
    expect(cache.get('a')).toBe(1)
    cache.add('d', 4) // evicts b
    expect(cache.get('b')).toBeUndefined()
    cache.add('c', 30) // c is now the most recent
    cache.add('e', 5) // evicts a
    expect(cache.get('a')).toBeUndefined()
    expect([cache.get('c'), cache.get('d'), cache.get('e'), cache.size]).toEqual([30, 4, 5, 3])
  })

  it('keeps one entry at capacity 1', () => {
    const cache = new LruCache<string>(1)
    cache.add('a', 'x')
    cache.add('b', 'y')
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([undefined, 'y', 1])
  })
})
