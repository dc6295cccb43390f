import { randomBytes } from 'node:crypto';

/**
 * An id of the Responses API: a prefix (`resp_`, `msg_`, `fc_`) and 48 hex digits, the shape of the
 * spec's examples (`resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41`).
 */
export function createResponsesId(prefix: 'resp_' | 'msg_' | 'fc_'): string {
  return prefix + randomBytes(24).toString('hex');
}
