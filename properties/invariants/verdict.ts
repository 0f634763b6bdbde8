/** The answer of an invariant: it holds, or it fails with a message a person can act on. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly message: string }

export const holds: Verdict = Object.freeze({ ok: true })

export const violated = (message: string): Verdict => ({ ok: false, message })

/** `holds` when `condition` is true, else `violated(message())` (the message is built only on failure). */
export const check = (condition: boolean, message: () => string): Verdict => (condition ? holds : violated(message()))

/** All verdicts together: every failure message, one per line, or `holds`. */
export const allOf = (verdicts: ReadonlyArray<Verdict>): Verdict => {
  const messages = verdicts.flatMap((v) => (v.ok ? [] : [v.message]))
  return messages.length === 0 ? holds : violated(messages.join('\n'))
}

/**
 * Turns a verdict into what a fast-check predicate expects: returns true, or throws an Error whose
 * message fast-check prints next to the counterexample, seed and path.
 */
export const expectHolds = (verdict: Verdict): true => {
  if (!verdict.ok) throw new Error(verdict.message)
  return true
}
