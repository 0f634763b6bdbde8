import type { KubectlRun } from './kubectlRunner'

/** What the kubectl replay test compares: table cells, and describe text with its varying parts masked. */

/** A kubectl table as rows of cells: columns are separated by two or more blanks. */
export const tableRows = (text: string): ReadonlyArray<ReadonlyArray<string>> =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s{2,}/))

const httpDate = /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g
// kubectl's short durations (`8s`, `2m3s`, `1h`), standing alone between blanks.
const age = /(?<=\s)(?:\d+[smhd])+(?=\s|$)/g

/**
 * Describe output with what changes from run to run replaced: the given words (uids, pod names),
 * timestamps and ages. Padding after a value collapses to one blank, because column widths follow
 * the widest age or name; the indentation, which carries the structure, is kept.
 */
export const maskDescribe = (text: string, words: Readonly<Record<string, string>> = {}): ReadonlyArray<string> =>
  text
    .split('\n')
    .map((line) => {
      const named = Object.entries(words).reduce((l, [word, mask]) => (word === '' ? l : l.split(word).join(mask)), line)
      return named.replace(httpDate, '<time>').replace(age, '<age>').replace(/(\S)\s{2,}/g, '$1 ').trimEnd()
    })
    .filter((l) => l !== '')

/** Runs a kubectl line until `done` holds for its output (or time is up) and gives the last output. */
export const poll = async (run: () => Promise<KubectlRun>, done: (r: KubectlRun) => boolean, timeoutMs: number): Promise<KubectlRun> => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const r = await run()
    if (done(r) || Date.now() > until) return r
    // Not faster: every kubectl run costs CPU on a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** `kubectl get pods -w` rows → each pod's statuses in order, repeats of the same status folded. */
export const statusesByPod = (watchOutput: string): ReadonlyMap<string, ReadonlyArray<string>> => {
  const byPod = new Map<string, string[]>()
  for (const [name = '', , status = ''] of tableRows(watchOutput).slice(1)) {
    const statuses = byPod.get(name) ?? []
    if (statuses[statuses.length - 1] !== status) statuses.push(status)
    byPod.set(name, statuses)
  }
  return byPod
}
