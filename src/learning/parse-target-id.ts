/** The parts of a target id. */
export interface TargetIdParts {
  provider: string;
  model: string;
  /** The key's safe label (`groq#3f9a1c2e`), never the key. */
  keyId: string;
}

/**
 * Splits an id made by `getTargetId` (`provider/model@keyId`). Provider names have no `/` and key labels
 * no `@`, while model ids may contain either (`meta-llama/llama-3@vertex`), so the first `/` and the last
 * `@` are the separators. An id of another shape is kept whole as the model.
 */
export function parseTargetId(targetId: string): TargetIdParts {
  const slash = targetId.indexOf('/');
  const at = targetId.lastIndexOf('@');
  if (slash <= 0 || at <= slash + 1 || at === targetId.length - 1)
    return { provider: '', model: targetId, keyId: '' };
  return {
    provider: targetId.slice(0, slash),
    model: targetId.slice(slash + 1, at),
    keyId: targetId.slice(at + 1),
  };
}
