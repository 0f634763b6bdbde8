import * as fs from 'node:fs'

/** The CLI's window on the world, injected so commands can be tested without a process. */
export interface CliIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly readStdin: () => string
  readonly now: () => number
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  now: () => Date.now(),
}
