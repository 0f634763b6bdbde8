/**
 * Go's `text/tabwriter` as kubectl configures it for history tables (minwidth 0, tabwidth 8,
 * padding 2, pad character space, no flags). Cells end at a tab; the last cell of a line is not
 * aligned; a column block lasts while consecutive lines have a cell in that column. Widths count
 * code points, as tabwriter counts runes.
 */
export const tabwrite = (text: string, padding = 2): string => {
  const lines = text.split('\n').map((line) => line.split('\t'))
  const out: string[] = []
  const widthOf = (cell: string): number => [...cell].length

  const writeLines = (widths: ReadonlyArray<number>, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? []
      const rendered = cells.map((cell, j) => {
        const width = widths[j]
        return width !== undefined ? cell + ' '.repeat(Math.max(0, width - widthOf(cell))) : cell
      })
      out.push(rendered.join(''))
    }
  }

  const format = (widths: ReadonlyArray<number>, from: number, to: number): void => {
    const column = widths.length
    let start = from
    for (let i = from; i < to; i++) {
      if (column >= (lines[i]?.length ?? 0) - 1) continue
      writeLines(widths, start, i)
      start = i
      let width = 0
      for (; i < to && column < (lines[i]?.length ?? 0) - 1; i++) {
        width = Math.max(width, widthOf(lines[i]?.[column] ?? '') + padding)
      }
      format([...widths, width], start, i)
      start = i
    }
    writeLines(widths, start, to)
  }

  format([], 0, lines.length)
  return out.join('\n')
}
