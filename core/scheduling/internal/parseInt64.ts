const goInteger = /^[+-]?[0-9]+$/
const int64Min = -(2n ** 63n)
const int64Max = 2n ** 63n - 1n

/**
 * Go's `strconv.ParseInt(text, 10, 64)`: an optional sign, decimal digits (leading zeros allowed),
 * within int64. Returns `undefined` where Go returns an error.
 */
export const parseInt64 = (text: string): bigint | undefined => {
  if (!goInteger.test(text)) return undefined
  const n = BigInt(text)
  return n < int64Min || n > int64Max ? undefined : n
}
