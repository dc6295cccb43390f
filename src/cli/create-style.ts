/** Text decorations for terminal output; each is the identity when colours are off. */
export interface Style {
  readonly isColor: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

export interface StyleOptions {
  /** The stream the text goes to; colours only when it is a terminal. Default `process.stdout`. */
  stream?: { isTTY?: boolean };
  /** Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether to colour: `FORCE_COLOR` wins (`0`/`false` forces them off, anything else on), then
 * `NO_COLOR` (any non-empty value, https://no-color.org) and `TERM=dumb` turn them off, and otherwise
 * only a terminal gets them — so piped output and log files stay plain text.
 */
export function shouldUseColor(options: StyleOptions = {}): boolean {
  const env = options.env ?? process.env;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return (options.stream ?? process.stdout).isTTY === true;
}

/**
 * ANSI styles for one output stream, decided once (see shouldUseColor). No dependency: the handful of
 * SGR codes a CLI needs, each closed with its own reset so styles nest.
 * @example const style = createStyle(); console.log(style.green('✅ ok'));
 */
export function createStyle(options: StyleOptions = {}): Style {
  const isColor = shouldUseColor(options);
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      isColor && text !== '' ? `\u001B[${open}m${text}\u001B[${close}m` : text;
  return {
    isColor,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}
