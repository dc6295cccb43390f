// eslint-disable-next-line no-control-regex
const ansiPattern = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;
const combiningMark = /^[\p{Mn}\p{Me}]$/u;
const emoji = /^\p{Emoji_Presentation}$/u;
const pictographic = /^\p{Extended_Pictographic}$/u;

/** Text without its ANSI escape sequences (colours, cursor moves). */
export function stripAnsi(text: string): string {
  return text.replace(ansiPattern, '');
}

/**
 * Columns `text` takes in a terminal: escape sequences take none, combining marks and variation
 * selectors none, emoji (✅ ❌, and ⚠️ with its emoji selector) and East Asian wide characters two.
 * Close enough for aligning table columns without a dependency.
 */
export function getDisplayWidth(text: string): number {
  const characters = [...stripAnsi(text)];
  let width = 0;
  for (const [index, character] of characters.entries()) {
    if (isZeroWidth(character)) continue;
    const isEmojiVariant = characters[index + 1] === '\uFE0F' && pictographic.test(character);
    width += emoji.test(character) || isEmojiVariant || isWide(character.codePointAt(0)!) ? 2 : 1;
  }
  return width;
}

/** Combining marks, zero-width spaces and joiners, and variation selectors (the ️ of ⚠️). */
function isZeroWidth(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (
    combiningMark.test(character) || (code >= 0x200b && code <= 0x200d) || (code >= 0xfe00 && code <= 0xfe0f)
  );
}

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), the common blocks. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
