/** Text as the detector reads it, and the obfuscation found on the way there. */
export interface NormalizedText {
  /** Lower case, compatibility-folded, invisible characters removed, look-alike letters mapped to Latin. */
  text: string;
  /** Reasons, when the original hid something: `invisible characters inside words`, … */
  obfuscations: string[];
}

/** Cyrillic and Greek letters that look like Latin ones (the common homoglyphs of Unicode's confusables). */
const lookAlikes: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ı: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};
const lookAlikePattern = new RegExp(`[${Object.keys(lookAlikes).join('')}]`);
/** The same mapping as a table over the code units it covers, for one pass without a callback per letter. */
const lookAlikeTable = new Uint16Array(0x530).map((_, code) => code);
for (const [letter, latin] of Object.entries(lookAlikes))
  lookAlikeTable[letter.charCodeAt(0)] = latin.charCodeAt(0);
const utf16 = new TextDecoder('utf-16le');
/** Zero-width spaces and joiners, word joiner, BOM, soft hyphen: invisible when rendered. */
const invisible = /[\u200B-\u200D\u2060\u2061-\u2064\uFEFF\u00AD]/g;
const invisibleCharacter = new RegExp(invisible.source);
const invisibleInsideWord = /\p{L}[\u200B-\u200D\u2060\u2061-\u2064\uFEFF\u00AD]+\p{L}/u;
/** Bidirectional overrides and isolates, which reorder what a reader sees. */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;
const bidiControls = new RegExp(bidiControl.source, 'g');
/** Unicode tag characters (U+E0000–U+E007F): invisible ASCII, "ASCII smuggling". Flags use short runs. */
const tagRun = /(?:\uDB40[\uDC00-\uDC7F]){8,}/g;
/** Words spelled with separators between single letters: `i g n o r e`, `i.g.n.o.r.e`. */
const spacedLetter = /\b(?:\p{L}[ ._-]){4,}\p{L}\b/u;
const spacedLetters = new RegExp(spacedLetter.source, 'gu');
/** Full-width forms and mathematical alphanumerics: Latin letters in disguise, folded by NFKC. */
const styledLetter = /[\uFF21-\uFF3A\uFF41-\uFF5A]|[\u{1D400}-\u{1D7FF}]/u;
const otherScript = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const latinLetter = /\p{Script=Latin}/u;

/**
 * Undoes the usual ways of hiding an instruction from a keyword filter: full-width and mathematical
 * letters (NFKC), invisible characters inside words, bidi controls, Unicode tag characters (decoded and
 * appended), look-alike Cyrillic and Greek letters, and letter-spaced words (joined in place). Plain
 * ASCII text, nearly every request, takes the fast path: one lower-casing.
 */
export function normalizeForDetection(original: string): NormalizedText {
  const obfuscations: string[] = [];
  let text = original;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7F]/.test(text)) {
    const tags = text.match(tagRun);
    if (tags) {
      obfuscations.push('invisible Unicode tag characters');
      const decoded = tags.map((run) =>
        [...run].map((character) => String.fromCharCode(character.codePointAt(0)! - 0xe0000)).join(''),
      );
      text = `${text}\n${decoded.join('\n')}`;
    }
    // The cheap class test first: the inside-a-word test costs ~40 ns a character on its own.
    if (invisibleCharacter.test(text) && invisibleInsideWord.test(text))
      obfuscations.push('invisible characters inside words');
    if (styledLetter.test(text)) obfuscations.push('full-width or mathematical letters');
    if (bidiControl.test(text)) obfuscations.push('bidirectional text controls');
    text = text.normalize('NFKC').replace(invisible, '').replace(bidiControls, '');
    if (hasMixedScriptWord(text)) obfuscations.push('look-alike letters from another script');
    text = mapLookAlikes(text.toLowerCase());
  } else {
    text = text.toLowerCase();
  }
  if (spacedLetter.test(text)) {
    obfuscations.push('letter-spaced words');
    text = text.replace(spacedLetters, (word) => word.replace(/[ ._-]/g, ''));
  }
  return { text, obfuscations };
}

/** A Latin letter and a Cyrillic or Greek one in the same word (`ignоre` with a Cyrillic `о`). Linear. */
function hasMixedScriptWord(text: string): boolean {
  if (!otherScript.test(text)) return false;
  for (const [word] of text.matchAll(/\p{L}+/gu)) {
    if (word.length > 1 && otherScript.test(word) && latinLetter.test(word)) return true;
  }
  return false;
}

/** Maps look-alike letters to Latin in one pass over the code units (~10 ns a character). */
function mapLookAlikes(text: string): string {
  if (!lookAlikePattern.test(text)) return text;
  const codes = new Uint16Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    codes[index] = code < lookAlikeTable.length ? lookAlikeTable[code]! : code;
  }
  return utf16.decode(codes);
}
