import { getDisplayWidth } from './get-display-width.js';

/**
 * `text` wrapped at word boundaries so no line is wider than `width` columns (display width, so emoji
 * and wide characters count double). Existing line breaks and blank lines are kept, as is each line's
 * indentation on its continuation rows, so lists and paragraphs of a model's answer keep their shape;
 * a word longer than a whole row is cut.
 * @example wrapText('one two three', 8) // 'one two\nthree'
 */
export function wrapText(text: string, width: number): string {
  const columns = Math.max(1, Math.floor(width));
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, columns))
    .join('\n');
}

function wrapLine(line: string, columns: number): string[] {
  if (getDisplayWidth(line) <= columns) return [line];
  const indent = /^\s*/.exec(line)![0];
  // An indentation half as wide as the row would leave too little room for words: it is dropped.
  const continuation = getDisplayWidth(indent) < columns / 2 ? indent : '';
  const rows: string[] = [];
  let row = continuation;
  let rowWidth = getDisplayWidth(continuation);
  for (const word of line
    .slice(indent.length)
    .split(/\s+/)
    .filter((part) => part !== '')) {
    if (row.trim() !== '' && rowWidth + 1 + getDisplayWidth(word) > columns) {
      rows.push(row);
      row = continuation;
      rowWidth = getDisplayWidth(continuation);
    }
    let rest = word;
    // Here the row is empty (bar its indentation) or the word fits; a word wider than the whole row
    // is cut to fill rows.
    while (rowWidth + getDisplayWidth(rest) > columns && row.trim() === '') {
      const head = takeColumns(rest, columns - rowWidth);
      rows.push(row + head);
      rest = rest.slice(head.length);
      row = continuation;
      rowWidth = getDisplayWidth(continuation);
    }
    if (rest === '') continue;
    row = row.trim() === '' ? row + rest : `${row} ${rest}`;
    rowWidth = getDisplayWidth(row);
  }
  if (row.trim() !== '') rows.push(row);
  return rows;
}

/** The longest start of `text` (whole characters, at least one) that fits in `columns`. */
function takeColumns(text: string, columns: number): string {
  let taken = '';
  for (const character of text) {
    if (taken !== '' && getDisplayWidth(taken + character) > columns) break;
    taken += character;
  }
  return taken;
}
