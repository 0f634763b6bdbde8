import { lastValueFrom, mergeMap, of, Subject, toArray } from 'rxjs'
import { flatMapArray } from './flatMapArray'

describe('flatMapArray', () => {
  it('emits what mergeMap emits for array projections, in the same order', async () => {
    const project = (n: number): ReadonlyArray<string> => Array.from({ length: n % 3 }, (_, i) => `${n}.${i}`)
    const input = [1, 2, 3, 4, 5, 6, 7]
    const expected = await lastValueFrom(of(...input).pipe(mergeMap(project), toArray()))
    expect(await lastValueFrom(of(...input).pipe(flatMapArray(project), toArray()))).toEqual(expected)
  })

  it('errors the stream when the projection throws', () => {
    const source = new Subject<number>()
    const seen: unknown[] = []
    const failing = (): ReadonlyArray<number> => {
      throw new Error('boom')
    }
    source.pipe(flatMapArray(failing)).subscribe({ next: (v) => seen.push(v), error: (e: Error) => seen.push(e.message) })
    source.next(1)
    expect(seen).toEqual(['boom'])
  })
})
