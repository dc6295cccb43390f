import { builtInProfiles, getBehaviourProfile, type BehaviourProfile } from '../behaviour-profiles.js';

/**
 * A model only the Anthropic wire knows: it streams like `sim-fast` for a few content frames (the
 * profile's `cutAfterChunks`), then sends `event: error` with `overloaded_error`, as Anthropic does when
 * overloaded mid-answer (fixture anthropic/stream-midstream-error.sse). It tests the gateway's commit point.
 * Non-streamed requests to it get a 529.
 */
export const overloadedMidstreamModel = 'sim-overloaded-midstream';

/** The behaviour a model name selects on this wire, or undefined for an unknown `sim-*` name. */
export function getAnthropicBehaviour(
  model: string,
  profiles: ReadonlyMap<string, BehaviourProfile>,
): { profile: BehaviourProfile; isOverloadedMidstream: boolean } | undefined {
  const isOverloadedMidstream = model === overloadedMidstreamModel;
  const profile = isOverloadedMidstream
    ? (profiles.get(model) ?? profiles.get('sim-fast') ?? builtInProfiles['sim-fast']!)
    : getBehaviourProfile(model, profiles);
  return profile === undefined ? undefined : { profile, isOverloadedMidstream };
}

/** Every model the wire answers to by name, for `GET /v1/models`. */
export function listAnthropicModelIds(profiles: ReadonlyMap<string, BehaviourProfile>): string[] {
  const ids = [...profiles.keys()];
  return ids.includes(overloadedMidstreamModel) ? ids : [...ids, overloadedMidstreamModel];
}
