import { createId } from '../../lib/create-id.js';

/**
 * Gemini tool calls have no ids (PROVIDERS.md §6.3), and Gemini 3 requires the `thoughtSignature` of a
 * function call to come back on that call in later turns, or it answers 400 "Function call is missing a
 * thought_signature in functionCall parts" (https://ai.google.dev/gemini-api/docs/thought-signatures).
 * An OpenAI-shaped caller gives back only the tool call's id, so the signature travels inside the id we
 * synthesize: `call_<24 random>` alone, or `call_<24 random>_ts_<signature>` with the signature's
 * base64 rewritten in the URL-safe alphabet without padding, so the id stays `[A-Za-z0-9_-]` (Anthropic's
 * tool-use id pattern) whichever provider the conversation moves to. Stateless: any gateway instance can
 * read it back. The cost is a long id (a signature is a few hundred bytes to a few KB).
 */
const signatureMarker = '_ts_';
const randomLength = 24;
const idPattern = new RegExp(`^call_[A-Za-z0-9]{${randomLength}}${signatureMarker}([A-Za-z0-9_-]+)$`);
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/** A fresh `call_…` id, carrying `thoughtSignature` when the part had a (base64) one. */
export function createGeminiToolCallId(thoughtSignature?: string): string {
  const id = createId('call_', randomLength);
  if (thoughtSignature === undefined || !base64Pattern.test(thoughtSignature)) return id;
  const urlSafe = thoughtSignature.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return id + signatureMarker + urlSafe;
}

/**
 * The thought signature an id made by `createGeminiToolCallId` carries, in the standard base64 the API
 * sent (padding restored), or undefined for ids without one (other providers' ids, or Gemini 2 calls).
 */
export function getThoughtSignatureFromToolCallId(id: string): string | undefined {
  const urlSafe = idPattern.exec(id)?.[1];
  if (urlSafe === undefined) return undefined;
  const base64 = urlSafe.replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}
