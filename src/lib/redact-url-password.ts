/**
 * A connection URL safe to print in logs, errors and the banner: the password becomes `***` and the query
 * string is dropped (libpq also reads `?password=` and key-file options there); scheme, user, host, port
 * and database stay, so a message still says which server it means. Anything but a `scheme://` URL
 * could hold a password anywhere (`user:secret@host` parses as a scheme and a path), so none of it is kept.
 *
 * @example redactUrlPassword('postgres://arbiter:s3cret@db:5432/arbiter?sslmode=require')
 * // 'postgres://arbiter:***@db:5432/arbiter'
 */
export function redactUrlPassword(url: string): string {
  const unreadable = '(a URL that does not parse)';
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return unreadable;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return unreadable;
  }
  // An unescaped `/` in a password moves the rest of it into the path.
  if (parsed.pathname.includes('@')) return unreadable;
  if (parsed.password !== '') parsed.password = '***';
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}
