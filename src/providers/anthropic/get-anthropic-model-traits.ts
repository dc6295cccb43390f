/** What the request conversion must know about one model id. */
export interface AnthropicModelTraits {
  /**
   * Models released after Claude Opus 4.6 answer 400 to `temperature` ≠ 1, `top_p` < 0.99 and any
   * `top_k`, so these are left out for them (PROVIDERS.md §5.2; the official spec's deprecation notes).
   */
  rejectsSamplingParameters: boolean;
  /** Claude 4.6 and later think adaptively (`thinking: {type:"adaptive"}` + `output_config.effort`). */
  hasAdaptiveThinking: boolean;
  /** `max_tokens` to send when the caller set no limit: the model's own output maximum. */
  defaultMaxTokens: number;
}

/** `claude-opus-4-6`, `claude-sonnet-4-5-20250929`, `claude-3-5-haiku-latest`, `claude-opus-5`. */
const versionPattern = /claude-(?:([a-z]+)-)?(\d+)(?:[-.](\d{1,2}))?(?=$|[-@:.])/;
/** Families introduced after Opus 4.6 whose ids may carry no version (`claude-mythos-preview`). */
const newFamilyPattern = /claude-(?:mythos|fable)\b/;

/**
 * Traits by model id. Ids that are not Claude's (a self-hosted proxy's alias, the simulator's `sim-*`)
 * keep every parameter and get a 4096-token default; an unversioned Claude id is taken to be new.
 * Output maxima: Claude 3 4096, 3.5 8192, Opus 4.0/4.1 32000, every other Claude since 3.7 at least 64000.
 */
export function getAnthropicModelTraits(model: string): AnthropicModelTraits {
  const match = versionPattern.exec(model);
  if (match === null) {
    const isNewClaude = newFamilyPattern.test(model) || model.includes('claude-');
    return isNewClaude
      ? { rejectsSamplingParameters: true, hasAdaptiveThinking: true, defaultMaxTokens: 64_000 }
      : { rejectsSamplingParameters: false, hasAdaptiveThinking: false, defaultMaxTokens: 4096 };
  }
  const family = match[1];
  // major * 100 + minor, so 4.10 would sort after 4.9.
  const version = Number(match[2]) * 100 + Number(match[3] ?? 0);
  const isNewFamily = newFamilyPattern.test(model);
  return {
    rejectsSamplingParameters: isNewFamily || version > 406,
    hasAdaptiveThinking: isNewFamily || version >= 406,
    defaultMaxTokens: getDefaultMaxTokens(family, version),
  };
}

function getDefaultMaxTokens(family: string | undefined, version: number): number {
  if (version < 305) return 4096;
  if (version < 307) return 8192;
  if (family === 'opus' && version >= 400 && version < 405) return 32_000;
  return 64_000;
}
