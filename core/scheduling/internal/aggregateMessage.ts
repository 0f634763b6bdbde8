/**
 * The text of apimachinery's `errors.NewAggregate(errs).Error()`: one message alone, several as
 * `[a, b]`, with repeated messages printed once.
 */
export const aggregateMessage = (messages: ReadonlyArray<string>): string => {
  const unique = [...new Set(messages)]
  return unique.length <= 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`
}
