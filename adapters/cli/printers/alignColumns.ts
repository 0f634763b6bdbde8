/**
 * Lays out rows as kubectl's tabwriter does for `get` (padding 3, left-aligned): every column
 * but the last is as wide as its widest cell plus the padding. Rows may have fewer cells.
 */
export const alignColumns = (rows: ReadonlyArray<ReadonlyArray<string>>, padding = 3): ReadonlyArray<string> => {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)))
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length + padding)))
      .join('')
      .trimEnd(),
  )
}
