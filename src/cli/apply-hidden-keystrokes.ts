/** A hidden line being typed: the text so far, and whether Enter (or a cancel key) ended it. */
export interface HiddenLineState {
  text: string;
  status: 'typing' | 'done' | 'cancelled';
  /** What arrived after Enter (type-ahead or a paste), kept for the next prompt. */
  rest: string;
}

/**
 * Applies raw-mode terminal input to a hidden line. Nothing is echoed, not even `*` (the length of a
 * password is information too). Enter ends the line; Backspace removes one character (a whole code
 * point); Ctrl-U clears; Ctrl-C cancels, as does Ctrl-D on an empty line; escape sequences (arrow keys)
 * and other control characters are ignored.
 */
export function applyHiddenKeystrokes(state: HiddenLineState, input: string): HiddenLineState {
  let text = state.text;
  const characters = [...input];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]!;
    if (character === '\r' || character === '\n') {
      // A terminal sends "\r" for Enter; a paste may bring "\r\n": the "\n" belongs to this line.
      const next = character === '\r' && characters[index + 1] === '\n' ? index + 2 : index + 1;
      return { text, status: 'done', rest: characters.slice(next).join('') };
    }
    if (character === '\u0003' || (character === '\u0004' && text === '')) {
      return { text: '', status: 'cancelled', rest: '' };
    }
    if (character === '\u0004') return { text, status: 'done', rest: characters.slice(index + 1).join('') };
    if (character === '\u007f' || character === '\b') text = [...text].slice(0, -1).join('');
    else if (character === '\u0015') text = '';
    else if (character === '\u001b') index = skipEscapeSequence(characters, index);
    else if (character >= ' ') text += character;
  }
  return { text, status: 'typing', rest: '' };
}

/** `ESC [ … final` (CSI) or `ESC O x` (SS3): the index of the sequence's last character. */
function skipEscapeSequence(characters: string[], start: number): number {
  const kind = characters[start + 1];
  if (kind === 'O') return start + 2;
  if (kind !== '[') return start;
  let index = start + 2;
  while (index < characters.length && !/[@-~]/.test(characters[index]!)) index++;
  return index;
}
