/** More than any password and key, less than a mistake (piping a large file) can cost. */
const maxBytes = 1024 * 1024;

/**
 * Every line of a non-interactive stdin (`arbiter keys encrypt --stdin`), without line endings. Lines are
 * kept as typed: a password may start or end with spaces.
 */
export async function readStdinLines(input: NodeJS.ReadableStream): Promise<string[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) throw new Error('stdin holds more than 1 MiB; send the password and key only');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
