/**
 * The message of anything thrown. Not `instanceof Error`: client-node's errors may come from
 * another realm (under Jest it is loaded outside the test sandbox), where that test fails.
 */
export const messageOf = (error: unknown): string => {
  const message = (error as { readonly message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(error)
}

/** The first line of `messageOf`: what a one-line CLI error shows. */
export const firstLineOf = (error: unknown): string => messageOf(error).split('\n')[0] ?? ''
