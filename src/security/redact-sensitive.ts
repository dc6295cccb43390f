/**
 * Personal data and URL-borne secrets, for everything that is logged. Patterns are bounded (a long line
 * costs linear time) and never touch a JSON number (`"time":1732240000000` stays a number: a candidate
 * right after `:` is skipped), so a redacted log line is still valid JSON.
 */
const email =
  /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
/** 13–19 digits, optionally in groups split by spaces or dashes; checked with Luhn before redacting. */
const cardCandidate = /(?<![:\d.])\b[3-6]\d{3}(?:[ -]?\d){9,15}\b/g;
/** Formatted phone numbers only (`+34 612 345 678`, `(555) 123-4567`, `555-123-4567`): a bare digit run is too often an id. */
const phone =
  /(?<![:\w])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})\b/g;
/** Supersets of what `cardCandidate` and `phone` can match: 13 digits with optional separators; a `+` or `(` before a digit, or 3 digits, a separator and 3 more. */
const cardHint = /\d(?:[ -]?\d){12}/;
/** A superset of what `email` can match: an address character, `@`, a domain label and a dot (target ids such as `openai/gpt-4o@openai#1` have none). */
const emailHint = /[\w.%+-]@[A-Za-z0-9-]{1,63}\./;
const phoneHint = /[+(]\d|\d{3}[ .-]\d{3}/;
/** Secrets some clients put in URLs (`?key=…`, Gemini's style), which a logged path would carry. */
const urlSecret =
  /([?&](?:api[_-]?key|key|token|access_token|auth|password|secret|sig|signature)=)[^&\s"#]+/gi;

/**
 * Replaces email addresses, payment card numbers (Luhn-checked, so order numbers survive), formatted
 * phone numbers and secrets in URL query strings with placeholders (`[email]`, `[card]`, `[phone]`,
 * `[redacted]`). Secrets known by value are the gateway redactor's job; run both on log lines.
 * @example redactSensitive('mail ana@example.com, card 4111 1111 1111 1111') // 'mail [email], card [card]'
 */
export function redactSensitive(text: string): string {
  let result = text;
  if (result.includes('@') && emailHint.test(result)) result = result.replace(email, '[email]');
  // Cheap literal-ish checks first (this runs on every log line): the full patterns, with their
  // look-behinds, only where something shaped like their match occurs.
  if (cardHint.test(result)) {
    result = result.replace(cardCandidate, (match) =>
      isLuhnValid(match.replace(/[ -]/g, '')) ? '[card]' : match,
    );
  }
  if (phoneHint.test(result)) result = result.replace(phone, '[phone]');
  if (result.includes('=')) result = result.replace(urlSecret, '$1[redacted]');
  return result;
}

/** The Luhn checksum every payment card number satisfies. */
export function isLuhnValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
