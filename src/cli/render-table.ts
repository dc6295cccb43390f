import { getDisplayWidth } from './get-display-width.js';

export interface TableOptions {
  /** Column titles; drawn with `styleHeader` and underlined by a rule. */
  header?: readonly string[];
  /** Per column; numbers read best right-aligned. Default left. */
  align?: ReadonlyArray<'left' | 'right'>;
  /** Applied to the header cells (e.g. bold) after padding, so styling never shifts columns. */
  styleHeader?: (text: string) => string;
  /** Spaces before each line. Default 2. */
  indent?: number;
}

/**
 * Rows as aligned columns of plain text (two spaces apart), measured by display width so emoji,
 * wide characters and coloured cells line up. The last column is not padded, so lines carry no
 * trailing spaces.
 * @example renderTable([['groq', '✅ online']], { header: ['provider', 'status'] })
 */
export function renderTable(rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const all = options.header ? [options.header, ...rows] : rows;
  const columns = Math.max(0, ...all.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(0, ...all.map((row) => getDisplayWidth(row[column] ?? ''))),
  );
  const indent = ' '.repeat(options.indent ?? 2);
  const renderRow = (row: readonly string[], style: (text: string) => string = (text) => text): string =>
    indent +
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        const padding = ' '.repeat(width - getDisplayWidth(cell));
        const isLast = column === columns - 1;
        if (options.align?.[column] === 'right') return style(padding + cell);
        return style(isLast ? cell : cell + padding);
      })
      .join('  ');
  const lines: string[] = [];
  if (options.header) {
    lines.push(renderRow(options.header, options.styleHeader));
    lines.push(indent + widths.map((width) => '─'.repeat(width)).join('  '));
  }
  for (const row of rows) lines.push(renderRow(row));
  return lines.join('\n');
}
