import { createLogBuffer } from './containerLog'
import { expandReferences } from './containerProcessSpec'

const texts = (lines: ReadonlyArray<{ readonly text: string }>): ReadonlyArray<string> => lines.map((l) => l.text)

describe('container log buffer', () => {
  it('splits chunks into lines stamped when they complete; a last unterminated line counts once flushed', () => {
    const log = createLogBuffer()
    log.append('hel', 1)
    log.append('lo\nwor', 2)
    log.append('ld\n3.14\\', 3)
    expect(log.lines()).toEqual([
      { at: 2, text: 'hello' },
      { at: 3, text: 'world' },
    ])
    log.flush(4)
    expect(log.lines().at(-1)).toEqual({ at: 4, text: '3.14\\' })
  })

  it('keeps only the newest lines within the byte limit, and cuts overlong lines', () => {
    const log = createLogBuffer(30)
    for (let i = 0; i < 3000; i++) log.append(`line ${i}\n`, i)
    expect(texts(log.lines())).toEqual(['line 2997', 'line 2998', 'line 2999'])
    const long = createLogBuffer()
    long.append('x'.repeat(40_000), 0)
    expect(long.lines().map((l) => l.text.length)).toEqual([16_384, 16_384])
  })

  it('follows: each new line goes to the listeners until they unsubscribe', () => {
    const log = createLogBuffer()
    const seen: string[] = []
    const stop = log.follow((l) => seen.push(l.text))
    log.append('a\nb\n', 0)
    stop()
    log.append('c\n', 0)
    expect(seen).toEqual(['a', 'b'])
  })
})

describe('$(VAR) expansion', () => {
  it('replaces defined variables, keeps undefined ones, and reads $$ as a literal $', () => {
    const vars = new Map([['A', 'x']])
    expect(expandReferences('$(A)-$(B)-$$(A)-$$-$A', vars)).toBe('x-$(B)-$(A)-$-$A')
  })
})
