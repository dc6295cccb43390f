/** Runs shorter than this are ids and hashes, not hidden sentences. */
const minRunChars = 24;
/** A file pasted as base64 is not read whole: its start says whether it is text. */
const maxRunChars = 4096;
const maxRuns = 16;
/** base64 and base64url characters (`=` padding is dropped before decoding). */
const isBase64Character = new Uint8Array(128);
for (const character of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_')
  isBase64Character[character.charCodeAt(0)] = 1;

/**
 * Text hidden as base64 in `text`: each run of 24 or more base64 characters that decodes to readable
 * prose (printable ASCII with spaces between words), at most 16 runs. Keys, hashes and binary data decode
 * to noise and are skipped. One pass over the code units: a regex over prose re-scans every short word.
 */
export function findEncodedText(text: string): string[] {
  const found: string[] = [];
  let runs = 0;
  let start = -1;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0;
    if (code < 128 && isBase64Character[code] === 1) {
      if (start === -1) start = index;
      continue;
    }
    if (start !== -1 && index - start >= minRunChars) {
      if (++runs > maxRuns) break;
      const run = text.slice(start, Math.min(index, start + maxRunChars - (maxRunChars % 4)));
      const decoded = Buffer.from(run, 'base64').toString('latin1');
      if (isProse(decoded)) found.push(decoded);
    }
    start = -1;
  }
  return found;
}

function isProse(text: string): boolean {
  if (text.length < 16) return false;
  let printable = 0;
  let spaces = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32) spaces++;
    if ((code >= 32 && code < 127) || code === 10 || code === 13 || code === 9) printable++;
  }
  return printable / text.length >= 0.95 && spaces >= 2;
}
